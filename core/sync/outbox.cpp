// SPDX-License-Identifier: GPL-3.0-or-later
#include "outbox.h"

#include "cache/localcache.h"
#include "domain/mentions.h"
#include "protocol/wirecodec.h"
#include "syncclient.h"

namespace Tandem {
namespace {
// Errors that say "not now" rather than "never".
bool transient(const QString &code)
{
    return code == QLatin1String("offline") || code == QLatin1String("timeout")
           || code == QLatin1String("rate_limited") || code == QLatin1String("internal");
}

//! What goes to the server for an outbox entry: a reply, or a note with the colleagues
//! its text mentions ("@Dana").
Commands::Send noteOrReply(const OutboxEntry &entry, const LocalCache &cache)
{
    Commands::Send send = Commands::sendOf(entry.conversationId, entry.clientId, entry.text);
    send.note = entry.note;
    if (!entry.note)
        send.cc = entry.cc;
    if (entry.note)
        send.mentions = mentionedAgents(entry.text, cache.agents());
    return send;
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

QUuid Outbox::send(qint64 conversationId, const QString &text, bool note, const QStringList &cc)
{
    return m_cache.queueReply(conversationId, text, note, cc);
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
        const QUuid clientId = entry.clientId;
        const bool sent = m_sync.request(
            Requests::send(noteOrReply(entry, m_cache)), this,
            [this, clientId](bool ok, const QJsonObject &reply) {
                if (!ok)
                    m_inFlight.remove(clientId);
                if (ok) {
                    if (auto message =
                            Wire::decodeMessage(reply.value(QLatin1String("message")).toObject()))
                        m_cache.acknowledge(message.value());
                    return;
                }
                const QString code = reply.value(QLatin1String("code")).toString();
                m_cache.noteAttempt(clientId);
                if (transient(code)) {
                    // The next "online" retries after a drop; otherwise try again shortly.
                    const int wait = reply.value(QLatin1String("retryAfterMs")).toInt(2000);
                    if (!m_retry.isActive())
                        m_retry.start(std::max(wait, 200));
                    return;
                }
                const QString why = reply.value(QLatin1String("message")).toString();
                m_refused.insert(clientId, why);
                Q_EMIT refused(clientId, why);
            });
        if (!sent)
            return;
        m_inFlight.insert(clientId);
    }
}

} // namespace Tandem
