// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionoutbox.h"

#include "cache/localcache.h"
#include "syncclient.h"

namespace Tandem {

ActionOutbox::ActionOutbox(LocalCache &cache, SyncClient &sync, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_sync(sync)
{
    connect(&m_sync, &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        if (state == SyncClient::State::Online)
            flush();
    });
    connect(&m_cache, &LocalCache::actionsChanged, this, &ActionOutbox::flush);
}

void ActionOutbox::perform(qint64 conversationId, const Requests::Request &request)
{
    // Kept first, sent from the queue: so what was made offline goes out before what is
    // made later, and a crash in between loses nothing.
    m_cache.queueAction(conversationId, request.type, request.fields);
    Q_EMIT pendingChanged(conversationId);
}

int ActionOutbox::pending(qint64 conversationId) const
{
    return int(m_cache.pendingActions(conversationId).size());
}

void ActionOutbox::flush()
{
    if (m_sending || m_sync.state() != SyncClient::State::Online)
        return;
    const QList<LocalCache::PendingAction> queued = m_cache.pendingActions();
    if (queued.isEmpty())
        return;
    // One at a time, in order: a later action may depend on an earlier one.
    const LocalCache::PendingAction next = queued.constFirst();
    m_sending = true;
    const bool sent = m_sync.request(
        {next.type, next.fields}, this, [this, next](bool ok, const QJsonObject &reply) {
            m_sending = false;
            const QString code = reply.value(QLatin1String("code")).toString();
            if (!ok && (code == QLatin1String("offline") || code == QLatin1String("timeout")))
                return; // tried again when the connection is back
            if (!ok)
                Q_EMIT refused(next.conversationId,
                               reply.value(QLatin1String("message")).toString());
            m_cache.actionDone(next.id); // its removal brings the next one
            Q_EMIT pendingChanged(next.conversationId);
        });
    if (!sent)
        m_sending = false;
}

} // namespace Tandem
