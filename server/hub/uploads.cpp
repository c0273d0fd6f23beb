// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploads.h"

#include "deskoperations.h"
#include "protocol/limits.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace Tandem::Server::Uploads {
namespace {

//! The last part of a path, without control characters: a name, never a place.
QString fileNameOf(const QString &given)
{
    QString name = given.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    // Control characters, and format ones (a right-to-left override, U+202E, turns
    // "invoice<RLO>fdp.exe" into what looks like "invoiceexe.pdf").
    name.removeIf([](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
    name = name.trimmed();
    return name.isEmpty() || name == QLatin1String("..") || name == QLatin1String(".")
               ? QStringLiteral("file")
               : name;
}

QString contentTypeOf(const QString &given)
{
    static const QRegularExpression type(QStringLiteral(
        "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$"));
    const QString bare = given.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return type.match(bare).hasMatch() ? bare : QStringLiteral("application/octet-stream");
}

Failure missing(const QUuid &id)
{
    return {ErrorCode::NotFound,
            QStringLiteral("files: no upload %1 (uploads are kept for %2 hours: upload it again)")
                .arg(id.toString(QUuid::WithoutBraces))
                .arg(KeptHours)};
}

} // namespace

Result<Put> put(Store &store, const QByteArray &tokenHash, const QUuid &id, const QString &name,
                const QString &contentType, const QByteArray &data)
{
    const auto staff = DeskOperations::authenticateStaff(store, tokenHash);
    if (!staff)
        return staff.failure();
    if (id.isNull())
        return Failure{ErrorCode::BadRequest, QStringLiteral("The upload id must be a UUID")};
    if (name.size() > Protocol::MaxFileNameChars)
        return Failure{
            ErrorCode::BadRequest,
            QStringLiteral("name: at most %1 characters").arg(Protocol::MaxFileNameChars)};
    if (data.isEmpty())
        return Failure{ErrorCode::BadRequest, QStringLiteral("The file is empty")};
    if (data.size() > Protocol::MaxUploadBytes)
        return Failure{
            ErrorCode::BadRequest,
            QStringLiteral("A file may be at most %1 bytes").arg(Protocol::MaxUploadBytes)};
    UploadRecord upload;
    upload.id = id;
    upload.agentId = staff->agent.id;
    upload.fileName = fileNameOf(name);
    upload.contentType = contentTypeOf(contentType);
    upload.size = data.size();
    upload.createdAt = store.now();
    // What is past its time goes first: an id sent again after that is a new upload.
    if (auto dropped = store.dropUploadsBefore(upload.createdAt.addSecs(-KeptHours * 3600));
        !dropped)
        return storageFailed(dropped.failure());
    const auto known = store.upload(id);
    if (known) {
        // Sent again (also after a message took it: the send that took it was answered
        // while its writer was away, and is retried as it was).
        if (known->agentId == upload.agentId && known->size == upload.size
            && known->fileName == upload.fileName)
            return Put{known.value(), false};
        return Failure{ErrorCode::Conflict,
                       QStringLiteral("This upload id was already used for another file")};
    }
    if (!known.isNotFound())
        return storageFailed(known.failure());
    const auto waiting = store.uploadsWaiting(upload.agentId);
    if (!waiting)
        return storageFailed(waiting.failure());
    if (waiting->first >= MaxWaitingFiles || waiting->second + upload.size > MaxWaitingBytes)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("Too many uploads wait for a message (at most %1 files, "
                                      "%2 bytes): send or drop some first")
                           .arg(MaxWaitingFiles)
                           .arg(MaxWaitingBytes)};
    upload.data = data;
    if (auto added = store.addUpload(upload); !added)
        return storageFailed(added.failure());
    upload.data.clear();
    return Put{upload, true};
}

Result<QJsonArray> describe(Store &store, const Viewer &viewer, const QList<QUuid> &files)
{
    QJsonArray out;
    qint64 total = 0;
    for (int i = 0; i < files.size(); ++i) {
        const auto upload = store.upload(files.at(i));
        if (!upload && !upload.isNotFound())
            return storageFailed(upload.failure());
        // Another agent's upload, one a message took, or one kept past its time: missing.
        if (!upload || upload->agentId != viewer.party.id || upload->takenBy
            || upload->createdAt.secsTo(store.now()) > qint64(KeptHours) * 3600)
            return missing(files.at(i));
        total += upload->size;
        out.append(QJsonObject{{QStringLiteral("index"), i},
                               {QStringLiteral("name"), upload->fileName},
                               {QStringLiteral("type"), upload->contentType},
                               {QStringLiteral("size"), upload->size}});
    }
    if (total > Protocol::MaxFilesBytes)
        return Failure{
            ErrorCode::BadRequest,
            QStringLiteral("files: at most %1 bytes together").arg(Protocol::MaxFilesBytes)};
    return out;
}

Result<Done> attach(Store &store, const QList<QUuid> &files, qint64 messageId)
{
    for (int i = 0; i < files.size(); ++i) {
        const auto attached = store.attachUpload(files.at(i), messageId, i);
        if (!attached && attached.isNotFound())
            return missing(files.at(i));
        if (!attached)
            return storageFailed(attached.failure());
    }
    return Done{};
}

} // namespace Tandem::Server::Uploads
