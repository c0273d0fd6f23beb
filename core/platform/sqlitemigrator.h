// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace Tandem {

//! Schema migrations for an SQLite file: `steps[N]` takes version N to N + 1, each step in
//! its own transaction, progress recorded in PRAGMA user_version. A file from a newer
//! program is refused rather than guessed at.
class SqliteMigrator
{
public:
    //! `owner` names who writes such files, for the "written by a newer …" message.
    SqliteMigrator(const QList<QStringList> &steps, QString owner);

    //! Brings `db` to `targetVersion` (-1: the latest).
    Result<Done> migrate(QSqlDatabase &db, int targetVersion = -1) const;
    int latestVersion() const { return int(m_steps.size()); }

private:
    const QList<QStringList> &m_steps;
    QString m_owner;
};

} // namespace Tandem
