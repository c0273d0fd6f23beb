// SPDX-License-Identifier: GPL-3.0-or-later
#include "outgoingfiles.h"

#include "cachelogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace Tandem::OutgoingFiles {

QJsonObject keep(const QString &folder, const QUuid &clientId, QJsonObject email)
{
    QJsonArray files = email.value(QLatin1String("files")).toArray();
    if (files.isEmpty())
        return email;
    const QString own = QDir(folder).filePath(clientId.toString(QUuid::WithoutBraces));
    QDir().mkpath(own);
    for (qsizetype i = 0; i < files.size(); ++i) {
        QJsonObject file = files.at(i).toObject();
        const QString source = file.take(QLatin1String("source")).toString();
        if (source.isEmpty())
            continue;
        // Under its own name (in a folder of its own), as the agent chose it.
        const QString place = QDir(own).filePath(QString::number(i));
        QDir().mkpath(place);
        const QString copy = QDir(place).filePath(QFileInfo(source).fileName());
        QFile::remove(copy);
        if (QFile::copy(source, copy)) {
            file.insert(QStringLiteral("path"), copy);
        } else {
            qCWarning(lcCache) << "could not keep" << source << "for the outbox";
            file.insert(QStringLiteral("missing"), QStringLiteral("could not be read"));
        }
        files.replace(i, file);
    }
    email.insert(QStringLiteral("files"), files);
    return email;
}

void sweep(const QString &folder, const QSet<QUuid> &waiting)
{
    const QDir dir(folder);
    if (!dir.exists())
        return;
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QUuid id(name);
        if (id.isNull() || !waiting.contains(id))
            QDir(dir.filePath(name)).removeRecursively();
    }
}

} // namespace Tandem::OutgoingFiles
