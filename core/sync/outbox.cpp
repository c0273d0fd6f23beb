// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include "cache/localcache.h"
#include "domain/mentions.h"
#include "files/messagefiles.h"
#include "protocol/wirecodec.h"
#include "syncclient.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>

namespace Tandem {
namespace {
// Errors that say "not now" rather than "never".
bool transient(const QString &code)
{
    return code == QLatin1String("offline") || code == QLatin1String("timeout")
           || code == QLatin1String("rate_limited") || code == QLatin1String("internal");
}

//! What goes to the server for an outbox entry: a reply (an email's with its files, or a
//! new email), or a note with the colleagues its text mentions ("@Dana").
Commands::Send noteOrReply(const OutboxEntry &entry, const LocalCache &cache)
{
    Commands::Send send = Commands::sendOf(entry.conversationId, entry.clientId, entry.text);
    send.note = entry.note;
    if (entry.note) {
        send.mentions = mentionedAgents(entry.text, cache.agents());
        return send;
    }
    send.cc = entry.cc;
    for (const QJsonValue &file : entry.email.value(QLatin1String("files")).toArray())
        send.files.append(QUuid(file.toObject().value(QLatin1String("upload")).toString()));
    if (entry.startsEmail()) {
        send.conversationId.reset();
        send.inboxId = entry.email.value(QLatin1String("inbox")).toInteger();
        send.to = entry.email.value(QLatin1String("to")).toString();
        send.toName = entry.email.value(QLatin1String("toName")).toString();
        send.subject = entry.email.value(QLatin1String("subject")).toString();
    }
    return send;
}

//! The files of an email as the outbox keeps them, each with the upload id it goes by.
QJsonArray filesOf(const QStringList &paths)
{
    QJsonArray files;
    const QMimeDatabase types;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        files.append(QJsonObject{
            {QStringLiteral("upload"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("name"), info.fileName()},
            {QStringLiteral("type"),
             types.mimeTypeForFile(info, QMimeDatabase::MatchExtension).name()},
            {QStringLiteral("size"), info.size()},
            {QStringLiteral("source"), path}});
    }
    return files;
}
} // namespace

Outbox::Outbox(LocalCache &cache, SyncClient &sync, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_sync(sync)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Outbox::flush);
    connect(&m_sync, &SyncClient::online, this, &Outbox::flush);
    connect(&m_cache, &LocalCache::outboxChanged, this, [this](int pending) {
        // An acknowledged reply stays "in flight" until the cache has dropped it, so a flush
        // in between does not send it again.
        const QList<OutboxEntry> entries = m_cache.outbox();
        QSet<QUuid> queued;
        for (const OutboxEntry &entry : entries)
            queued.insert(entry.clientId);
        m_inFlight.intersect(queued);
        if (pending != m_pending) {
            m_pending = pending;
            Q_EMIT pendingChanged(pending);
        }
        transmit(entries);
    });
    m_pending = int(m_cache.outbox().size());
}

QUuid Outbox::send(qint64 conversationId, const QString &text, bool note, const QStringList &cc,
                   const QStringList &files)
{
    QJsonObject email;
    if (!files.isEmpty() && !note)
        email.insert(QStringLiteral("files"), filesOf(files));
    return m_cache.queueReply(conversationId, text, note, cc, email);
}

QUuid Outbox::sendEmail(const NewEmail &mail)
{
    QJsonObject email{{QStringLiteral("inbox"), mail.inboxId},
                      {QStringLiteral("to"), mail.to},
                      {QStringLiteral("subject"), mail.subject}};
    if (!mail.toName.isEmpty())
        email.insert(QStringLiteral("toName"), mail.toName);
    if (!mail.files.isEmpty())
        email.insert(QStringLiteral("files"), filesOf(mail.files));
    return m_cache.queueReply(0, mail.text, false, mail.cc, email);
}

void Outbox::setFiles(MessageFiles *files)
{
    m_files = files;
    flush();
}

void Outbox::discard(const QUuid &clientId)
{
    m_refused.remove(clientId);
    m_cache.discardReply(clientId);
}

void Outbox::flush()
{
    transmit(m_cache.outbox());
}

void Outbox::transmit(const QList<OutboxEntry> &entries)
{
    if (m_sync.state() != SyncClient::State::Online)
        return;
    for (const OutboxEntry &entry : entries) {
        if (m_inFlight.contains(entry.clientId) || m_refused.contains(entry.clientId))
            continue;
        if (!entry.email.value(QLatin1String("files")).toArray().isEmpty()) {
            // One email's files at a time: several would crowd the server's uploads.
            if (!m_files || m_uploading)
                continue;
            m_uploading = true;
            m_inFlight.insert(entry.clientId);
            uploadThenSend(entry);
            continue;
        }
        if (!request(entry))
            return; // the connection went
    }
}

void Outbox::uploadThenSend(const OutboxEntry &entry, qsizetype from)
{
    // One file after the other: the server takes only so many large bodies at once.
    const QJsonArray files = entry.email.value(QLatin1String("files")).toArray();
    for (qsizetype i = from; i < files.size(); ++i) {
        const QJsonObject file = files.at(i).toObject();
        const QString name = file.value(QLatin1String("name")).toString();
        const QUuid id(file.value(QLatin1String("upload")).toString());
        if (m_uploaded.contains(id))
            continue;
        if (file.contains(QLatin1String("missing"))) {
            uploadsEnded(entry, Failure{ErrorCode::NotFound,
                                        tr("The attached file %1 could not be read").arg(name)});
            return;
        }
        m_files->upload(id, file.value(QLatin1String("path")).toString(), name,
                        file.value(QLatin1String("type")).toString(), this,
                        [this, entry, i, id](Result<Done> uploaded) {
                            if (!uploaded) {
                                uploadsEnded(entry, uploaded.failure());
                                return;
                            }
                            m_uploaded.insert(id); // not sent again for a retry
                            uploadThenSend(entry, i + 1);
                        });
        return;
    }
    uploadsEnded(entry, std::nullopt);
}

void Outbox::uploadsEnded(const OutboxEntry &entry, const std::optional<Failure> &trouble)
{
    m_uploading = false;
    if (!trouble) {
        request(entry);
        flush(); // the next email with files
        return;
    }
    m_inFlight.remove(entry.clientId);
    m_cache.noteAttempt(entry.clientId);
    if (trouble->code == ErrorCode::Unavailable) {
        retryLater(5000);
        return;
    }
    refuse(entry.clientId, trouble->message);
    flush();
}

bool Outbox::request(const OutboxEntry &entry)
{
    const QUuid clientId = entry.clientId;
    const bool sent =
        m_sync.request(Requests::send(noteOrReply(entry, m_cache)), this,
                       [this, clientId](bool ok, const QJsonObject &reply) {
                           if (!ok)
                               m_inFlight.remove(clientId);
                           if (ok) {
                               if (auto message = Wire::decodeMessage(
                                       reply.value(QLatin1String("message")).toObject())) {
                                   m_cache.acknowledge(message.value());
                                   Q_EMIT accepted(clientId, message->id, message->conversationId);
                               }
                               return;
                           }
                           const QString code = reply.value(QLatin1String("code")).toString();
                           m_cache.noteAttempt(clientId);
                           if (transient(code)) {
                               // The next "online" retries after a drop; otherwise try again
                               // shortly.
                               retryLater(reply.value(QLatin1String("retryAfterMs")).toInt(2000));
                               return;
                           }
                           refuse(clientId, reply.value(QLatin1String("message")).toString());
                       });
    if (sent)
        m_inFlight.insert(clientId);
    else
        m_inFlight.remove(clientId);
    return sent;
}

void Outbox::refuse(const QUuid &clientId, const QString &why)
{
    m_refused.insert(clientId, why);
    Q_EMIT refused(clientId, why);
}

void Outbox::retryLater(int waitMs)
{
    if (!m_retry.isActive())
        m_retry.start(std::max(waitMs, 200));
}

} // namespace Tandem
