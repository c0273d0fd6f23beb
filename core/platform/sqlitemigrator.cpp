// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitemigrator.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Tandem {

SqliteMigrator::SqliteMigrator(const QList<QStringList> &steps, QString owner)
    : m_steps(steps)
    , m_owner(std::move(owner))
{
}

Result<Done> SqliteMigrator::migrate(QSqlDatabase &db, int targetVersion) const
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Failure{ErrorCode::Internal, q.lastError().text()};
    int version = q.value(0).toInt();
    q.finish();
    if (version > latestVersion())
        return Failure{ErrorCode::Internal,
                       QStringLiteral("The data was written by a newer %1 (schema %2; this one "
                                      "knows up to %3)")
                           .arg(m_owner)
                           .arg(version)
                           .arg(latestVersion())};
    while (version < targetVersion) {
        if (!db.transaction())
            return Failure{ErrorCode::Internal, db.lastError().text()};
        for (const QString &sql : m_steps.at(version)) {
            if (!q.exec(sql)) {
                const QString why = q.lastError().text();
                db.rollback();
                return Failure{
                    ErrorCode::Internal,
                    QStringLiteral("Migration to schema %1 failed: %2").arg(version + 1).arg(why)};
            }
        }
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)) || !db.commit()) {
            const QString why = db.lastError().text();
            db.rollback();
            return Failure{ErrorCode::Internal, why};
        }
        ++version;
    }
    return Done{};
}

} // namespace Tandem
