// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentsession.h"

#include <algorithm>

namespace Tandem {

AgentSession::AgentSession(const QUrl &server, const QString &email, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_email(email)
    , m_sync(m_cache)
{
}

AgentSession::~AgentSession()
{
    m_sync.stop();
    m_actions.reset();
    m_outbox.reset();
    // Replies typed a moment ago must be on disk before the app goes.
    if (m_open)
        m_cache.flush();
}

Result<Done> AgentSession::open(const QString &cachePath)
{
    Result<Done> opened = m_cache.open(cachePath);
    m_open = opened.ok();
    if (m_open) {
        m_outbox = std::make_unique<Outbox>(m_cache, m_sync);
        m_actions = std::make_unique<ActionOutbox>(m_cache, m_sync);
        m_files = std::make_unique<MessageFiles>(cachePath + QStringLiteral(".files"));
        if (!m_token.isEmpty())
            m_files->setServer(m_server, m_token);
        m_outbox->setFiles(m_files.get());
    }
    return opened;
}

void AgentSession::connectWith(const QString &token)
{
    m_token = token;
    if (m_files)
        m_files->setServer(m_server, token);
    m_sync.start(m_server, token);
}

void AgentSession::markRead(qint64 conversationId)
{
    if (conversationId == 0)
        return;
    const auto summary = m_cache.conversation(conversationId);
    if (!summary || (summary->unread == 0 && !summary->mentionUnread))
        return;
    // A note that mentions the agent is newer than the last message it may follow.
    const qint64 upTo = std::max(summary->lastMessageId, summary->mentioned);
    // Until the cache has committed the marker, the summary still counts those messages.
    if (upTo == 0 || m_markedRead.value(conversationId) >= upTo)
        return;
    m_markedRead.insert(conversationId, upTo);
    m_cache.setReadMarker(conversationId, upTo);
    m_sync.request(Requests::read({conversationId, upTo}), this, [](bool, const QJsonObject &) {});
}

} // namespace Tandem
