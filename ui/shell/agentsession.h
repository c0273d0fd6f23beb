// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"
#include "files/messagefiles.h"
#include "sync/actionoutbox.h"
#include "sync/outbox.h"
#include "sync/syncclient.h"

#include <QHash>
#include <QObject>
#include <QUrl>
#include <memory>

namespace Tandem {

//! One account on one server, from sign-in (or a start from the cache) to sign-out: its
//! local cache, its connection and its outbox. The windows bind to these; they are
//! destroyed together, the connection before the cache it writes to.
class AgentSession : public QObject
{
    Q_OBJECT
public:
    AgentSession(const QUrl &server, const QString &email, QObject *parent = nullptr);
    ~AgentSession() override;

    //! Opens the cache file; the session is usable (offline) from then on, and outbox()
    //! exists — made after the cache opens, so that it counts the replies already waiting.
    Result<Done> open(const QString &cachePath);
    //! Connects (and keeps reconnecting) with a session token.
    void connectWith(const QString &token);

    QUrl server() const { return m_server; }
    QString email() const { return m_email; }
    //! The session token, once known; kept in memory only, for signing out.
    QString token() const { return m_token; }

    LocalCache &cache() { return m_cache; }
    SyncClient &sync() { return m_sync; }
    Outbox &outbox() { return *m_outbox; }
    //! Status, assignment, labels and priority changed while offline, sent when back.
    ActionOutbox &actions() { return *m_actions; }
    //! Messages' files (email attachments), fetched on demand and kept beside the cache.
    MessageFiles &files() { return *m_files; }

    //! The agent has seen a conversation up to its newest message: its unread count goes at
    //! once (in the cache) and the server is told, when connected. Nothing happens when there
    //! is nothing unread, or when that marker was set already and is still on its way.
    void markRead(qint64 conversationId);

private:
    QUrl m_server;
    QString m_email;
    QString m_token;
    bool m_open = false;
    LocalCache m_cache;
    SyncClient m_sync;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<ActionOutbox> m_actions;
    std::unique_ptr<MessageFiles> m_files;
    QHash<qint64, qint64> m_markedRead; // conversation → the newest message marked read
};

} // namespace Tandem
