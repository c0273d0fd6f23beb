// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backoff.h"
#include "domain/agent.h"
#include "domain/event.h"
#include "protocol/errorcode.h"
#include "protocol/limits.h"
#include "protocol/requests.h"
#include "routingframes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <memory>

namespace Tandem {

class LocalCache;

//! The agent app's connection to tandemd (docs/protocol.md): signs in with a session token,
//! resumes from the cache's last applied seq, feeds events into the cache, notices a dead
//! network, and reconnects with backoff — except after the session ended, which signs out.
class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int secondsToRetry READ secondsToRetry NOTIFY stateChanged)
public:
    enum class State { SignedOut, Offline, Connecting, Syncing, Online, Reconnecting };
    Q_ENUM(State)

    struct Timing {
        std::chrono::milliseconds heartbeat{20000};
        //! Silence after which the connection is taken for dead (a ping is due every
        //! `heartbeat`, so a live server always answers well within this).
        std::chrono::milliseconds deadAfter{45000};
        std::chrono::milliseconds firstRetry{500};
        std::chrono::milliseconds maxRetry{30000};
        std::chrono::milliseconds requestTimeout{15000};
    };

    SyncClient(LocalCache &cache, QObject *parent = nullptr);
    SyncClient(LocalCache &cache, Timing timing, QObject *parent = nullptr);
    ~SyncClient() override;

    //! Connects to `server` (http(s):// or ws(s)://, the base URL) with a session token, and
    //! keeps connected until stop() or the session ends.
    void start(const QUrl &server, const QString &token);
    //! Closes the connection and stays offline.
    void stop();
    //! Skips the wait of a pending reconnect.
    void retryNow();

    State state() const { return m_state; }
    int secondsToRetry() const;
    //! The signed-in agent, as the server last described it.
    const Agent &agent() const { return m_agent; }
    //! The newest queue figures (all zero before the first `queue.stats`).
    const QueueStats &queueStats() const { return m_queueStats; }

    //! The conversation this agent has open (0: none): colleagues see them there. Sent now
    //! when online, and again after each reconnect.
    void setViewing(qint64 conversationId);
    //! The other staff who have `conversationId` open now (names), as last heard.
    QStringList viewersOf(qint64 conversationId) const { return m_viewers.value(conversationId); }

    using ReplyHandler = std::function<void(bool ok, const QJsonObject &dataOrError)>;
    //! Sends a request; `done` gets the reply's data, or the error frame (with `code`) —
    //! also when the connection drops first (code "offline") or it times out ("timeout").
    //! Returns false (without calling `done`) when not online.
    //! Requests come from the typed encoders (protocol/requests.h), never as JSON by hand.
    bool request(const Requests::Request &request, QObject *context, ReplyHandler done);

    //! A position in a list of conversations: the `updatedAt` and id of the last one listed.
    using ListPosition = std::pair<QDateTime, qint64>;
    //! Brings the newest resolved conversations into the cache (they are not in the snapshot:
    //! a conversation resolved before this client signed in is found this way), or with
    //! `after`, the page of older ones after it. Online only; false when it could not be
    //! asked (or a page is already on its way).
    bool fetchResolved(const std::optional<ListPosition> &after = std::nullopt,
                       int limit = Protocol::MaxConversationPage);
    //! Where the next page of resolved conversations starts, when the last page said more
    //! follow; nullopt when the list is complete or was not fetched yet.
    std::optional<ListPosition> moreResolvedAfter() const { return m_resolvedNext; }

Q_SIGNALS:
    void stateChanged(Tandem::SyncClient::State state);
    //! The session is over (signed out elsewhere, revoked, expired, disabled): sign in again.
    void sessionEnded(const QString &reason);
    //! Someone else's typing indicator.
    void typing(qint64 conversationId, const QString &who, bool on);
    //! Who else has `conversationId` open changed (also: all cleared when offline).
    void viewersChanged(qint64 conversationId);
    //! Up to date with the server; replies waiting in the outbox can go.
    void online();
    //! A live chat is offered to this agent (again, after a reconnect, while it lasts).
    void offered(const Tandem::Offer &offer);
    //! An offer is over; `reason` is accepted, declined, expired or withdrawn.
    void offerEnded(qint64 conversationId, const QString &reason);
    //! Offers last only while connected: the server sends the ones still open again.
    void offersLapsed();
    void queueStatsChanged(const Tandem::QueueStats &stats);

private:
    void connectNow();
    void setState(State state);
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void onReply(const QJsonObject &frame);
    void onHandshakeReply(bool ok, const QJsonObject &data);
    void onEvent(const QJsonObject &frame);
    void onRoutingFrame(const QString &type, const QJsonObject &frame);
    void flushEvents();
    //! Asks for the open conversations after the given one, page by page, until the server
    //! says there are no more (a snapshot holds only the newest).
    void fetchOlderConversations(const QDateTime &afterUpdatedAt, qint64 afterId);
    void continueAfter(const QJsonArray &conversations, bool more);
    void heartbeat();
    void scheduleReconnect();
    void endSession(const QString &reason);
    void failPending(const QString &code, const QString &message);
    QUrl socketUrl() const;

    struct Pending {
        QPointer<QObject> context;
        ReplyHandler done;
        QElapsedTimer sent;
    };

    LocalCache &m_cache;
    Timing m_timing;
    //! Made on the first connection: its TLS set-up costs tens of ms that the first paint
    //! of the window need not wait for.
    std::unique_ptr<QWebSocket> m_socket;
    QWebSocket &socket();
    //! Drops the connection at once, if there is one.
    void abortSocket();
    QUrl m_server;
    QString m_token;
    Agent m_agent;
    QueueStats m_queueStats;
    qint64 m_viewing = 0;
    QHash<qint64, QStringList> m_viewers;
    void setViewers(qint64 conversationId, const QJsonArray &viewers);
    //! Where paging through older conversations stopped when the connection dropped.
    std::optional<std::pair<QDateTime, qint64>> m_pagingFrom;
    bool m_pageAsked = false; // a page request is on its way
    std::optional<ListPosition> m_resolvedNext;
    bool m_resolvedAsked = false;
    State m_state = State::Offline;
    bool m_wanted = false;
    Backoff m_backoff;
    QTimer m_retry;
    QTimer m_heartbeat;
    QTimer m_eventFlush;
    QElapsedTimer m_lastHeard;
    QHash<QString, Pending> m_pending;
    quint64 m_nextId = 1;
    QString m_helloId;
    QList<Event> m_incoming;
};

} // namespace Tandem
