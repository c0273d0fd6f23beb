// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace Tandem::Server::SqliteSchema {

//! One entry per schema version: the statements that take version N to N + 1.
//! Never edit a released step; add a new one.
const QList<QStringList> &steps();
int latestVersion();

//! Brings the database to `targetVersion` (latest by default), one step per transaction,
//! recording progress in PRAGMA user_version.
Result<Done> migrate(QSqlDatabase &db, int targetVersion = -1);

} // namespace Tandem::Server::SqliteSchema
