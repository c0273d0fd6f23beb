// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hours/autoreply.h"
#include "protocol/commands.h"
#include "store/store.h"
#include "viewer.h"

#include <QJsonObject>

//! The helpdesk's rules as transactions over a Store: each function runs on the storage
//! thread inside the caller's transaction, checks that the viewer may do it, and appends
//! the events it causes.
namespace Tandem::Server::DeskOperations {

//! A staff member as their connection knows them: the account, and the inboxes their teams
//! give them (hub/visibility).
struct Staff {
    Agent agent;
    QSet<qint64> inboxes;
};
struct StaffSession {
    QString token;
    QDateTime expiresAt;
    Agent agent;
    QSet<qint64> inboxes;
};
Result<StaffSession> openStaffSession(Store &store, const Agent &agent, qint64 ttlSeconds);
Result<Staff> authenticateStaff(Store &store, const QByteArray &tokenHash);
Result<Done> signOut(Store &store, const QByteArray &tokenHash);

struct CustomerGrant {
    Customer customer;
    QString token; // empty when the customer came back with one
};
Result<CustomerGrant> createCustomer(Store &store, const QString &name, const QString &email);
Result<Customer> authenticateCustomer(Store &store, const QByteArray &tokenHash);

struct Sent {
    Message message;
    Conversation conversation;
    //! This send created the conversation (not a retry, not a reply in an existing one).
    bool startedConversation = false;
};
//! `mayStart`: whether this send may start a conversation (a retry of one that did is
//! answered either way); if not, it is refused with `rate_limited` and `retryAfterMs`.
//! `autoReply`: what a customer's message needs for the automatic reply out of hours (none:
//! no automatic reply).
Result<Sent> send(Store &store, const Viewer &viewer, const Commands::Send &command,
                  bool mayStart = true, qint64 retryAfterMs = 0,
                  const AutoReply::Context *autoReply = nullptr);

struct HistoryPage {
    QList<Message> messages;
    bool more = false;
};
Result<HistoryPage> history(Store &store, const Viewer &viewer, const Commands::History &command);
//! Staff: the messages and notes the viewer may see that match the query, newest first, and
//! the conversations they are in (each with its `lastMessage`), as the `search` reply.
Result<QJsonObject> search(Store &store, const Viewer &viewer, const Commands::Search &command);
//! Moves the viewer's read marker; a customer's also marks the replies up to it read.
Result<qint64> markRead(Store &store, const Viewer &viewer, const Commands::MarkRead &command);
//! A customer's widget has the replies of a conversation up to `upTo`: they are delivered.
Result<qint64> received(Store &store, const Viewer &viewer, const Commands::MarkRead &command);
Result<Conversation> accessibleConversation(Store &store, const Viewer &viewer, qint64 id);
Result<Presence> setPresence(Store &store, const Viewer &viewer, Presence presence);

//! A page of the unresolved (or, with `resolved`, the resolved) conversations the viewer may
//! see, newest activity first, each with
//! its newest message: `{"conversations": […], "more": bool}`.
Result<QJsonObject> conversationPage(Store &store, const Viewer &viewer,
                                     const std::optional<Store::ConversationCursor> &after,
                                     int limit, bool resolved);
Result<QJsonObject> conversations(Store &store, const Viewer &viewer,
                                  const Commands::ConversationPage &command);

//! What a connection gets after its handshake: the events it missed, or a snapshot.
struct Catchup {
    qint64 head = 0;
    bool isSnapshot = false;
    QList<Event> events;
    QJsonObject snapshot;
};
Result<Catchup> catchUp(Store &store, const Viewer &viewer, std::optional<qint64> resumeFrom,
                        int replayLimit, int snapshotLimit);

} // namespace Tandem::Server::DeskOperations
