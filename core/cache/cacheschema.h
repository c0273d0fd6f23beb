// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QSqlDatabase>
#include <QStringList>

//! The desktop cache's SQLite schema: one entry per version, applied in order.
namespace Tandem::CacheSchema {

//! The statements that take version N to N + 1. Never edit a released step (a cache on an
//! agent's disk may hold unsent replies); add a new one.
const QList<QStringList> &steps();
int latestVersion();

//! Brings the cache to `targetVersion` (latest by default), one step per transaction,
//! recording progress in PRAGMA user_version. Refuses a cache written by a newer app
//! rather than guess at its tables.
Result<Done> migrate(QSqlDatabase &db, int targetVersion = -1);

} // namespace Tandem::CacheSchema
