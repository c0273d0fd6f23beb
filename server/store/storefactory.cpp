// SPDX-License-Identifier: GPL-3.0-or-later
#include "storefactory.h"

#include "sqlitestore.h"

#include <QDir>

namespace Tandem::Server::StoreFactory {

Result<Choice> choose(const QString &spec, const QString &dataDir)
{
    const QString sqlite = QStringLiteral("sqlite");
    if (spec.isEmpty() || spec == sqlite)
        return Choice{sqlite, QDir(dataDir).filePath(QStringLiteral("tandem.sqlite"))};
    if (spec.startsWith(sqlite + QLatin1Char(':'))) {
        const QString path = spec.mid(sqlite.size() + 1);
        if (path.isEmpty())
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("--store sqlite:PATH needs a path")};
        return Choice{sqlite, path};
    }
    if (spec.startsWith(QLatin1String("postgres")))
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("--store: PostgreSQL is not available in this build; use "
                                      "sqlite (the default)")};
    return Failure{ErrorCode::BadRequest,
                   QStringLiteral("--store must be sqlite or sqlite:PATH, not \"%1\"").arg(spec)};
}

std::unique_ptr<Store> create(const Choice &choice)
{
    if (choice.backEnd == QLatin1String("sqlite"))
        return std::make_unique<SqliteStore>(choice.location);
    return nullptr;
}

std::unique_ptr<Store> createReader(const Choice &choice)
{
    if (choice.backEnd == QLatin1String("sqlite"))
        return std::make_unique<SqliteStore>(choice.location, SqliteStore::Access::ReadOnly);
    return nullptr;
}

QStringList backEnds()
{
    return {QStringLiteral("sqlite")};
}

} // namespace Tandem::Server::StoreFactory
