// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/cannedresponse.h"
#include "domain/conversation.h"
#include "domain/customer.h"
#include "domain/event.h"
#include "domain/message.h"
#include "platform/clock.h"
#include "protocol/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace Tandem::Server {

//! A staff account with what only the server may know about it.
struct AgentRecord {
    Agent agent;
    QString passwordHash;
};

//! A timer that must survive a restart (server/scheduling): one per kind and key.
struct JobRecord {
    QString kind;
    QString key;
    QDateTime due;
    QJsonObject payload;
};

//! What a reader may see, as the store's queries filter it (decided in hub/visibility).
struct ReadScope {
    //! Only this customer's conversations, and the events about them not for staff only;
    //! unset: everything.
    std::optional<qint64> customerId;
};

struct SessionRecord {
    qint64 agentId = 0;
    QDateTime expiresAt;
    bool revoked = false;
};

//! The server's durable state. An implementation is used from one thread only (the
//! storage thread, or the admin command's main thread); every method runs inside the
//! transaction the caller opened, so several operations commit together.
class Store
{
public:
    virtual ~Store() = default;

    //! Opens (creating and migrating as needed) the store.
    virtual Result<Done> open() = 0;
    virtual int schemaVersion() = 0;

    //! The clock that stamps what is recorded (the system's unless another is set before
    //! the store is used); safe to read on the storage thread.
    void setClock(const Clock &clock) { m_clock = &clock; }
    const Clock &clock() const { return *m_clock; }
    QDateTime now() const { return m_clock->now(); }

    virtual bool begin() = 0;
    virtual bool commit() = 0;
    virtual void rollback() = 0;
    //! Nested undo points inside a transaction, so one failing request does not undo the
    //! others committed with it.
    virtual bool savepoint() = 0;
    virtual bool releaseSavepoint() = 0;
    virtual void rollbackToSavepoint() = 0;

    // Staff accounts and their sessions.
    virtual Result<Agent> createAgent(const Agent &agent, const QString &passwordHash) = 0;
    virtual std::optional<AgentRecord> agentByEmail(const QString &email) = 0;
    virtual std::optional<Agent> agentById(qint64 id) = 0;
    virtual QList<Agent> agents(bool includeDisabled) = 0;
    virtual bool setPassword(qint64 agentId, const QString &passwordHash) = 0;
    virtual bool setDisabled(qint64 agentId, bool disabled) = 0;
    virtual bool setPresence(qint64 agentId, Presence presence) = 0;
    virtual bool setAgentSettings(qint64 agentId, int capacity, bool autoAccept) = 0;
    virtual bool createSession(const QByteArray &tokenHash, qint64 agentId,
                               const QDateTime &expiresAt) = 0;
    virtual std::optional<SessionRecord> session(const QByteArray &tokenHash) = 0;
    virtual bool revokeSession(const QByteArray &tokenHash) = 0;
    virtual bool revokeSessionsOf(qint64 agentId) = 0;
    //! Of the given token hashes, those that no longer open a session.
    virtual QList<QByteArray> endedSessions(const QList<QByteArray> &tokenHashes,
                                            const QDateTime &now) = 0;

    // Customers, conversations and messages.
    virtual Result<Customer> createCustomer(const Customer &customer,
                                            const QByteArray &tokenHash) = 0;
    virtual std::optional<Customer> customerByToken(const QByteArray &tokenHash) = 0;
    virtual Result<Conversation> createConversation(const Conversation &conversation) = 0;
    virtual std::optional<Conversation> conversation(qint64 id) = 0;
    //! Writes everything but the id, customer and createdAt.
    virtual bool updateConversation(const Conversation &conversation) = 0;
    //! Live chats that are queued or active, in no particular order.
    virtual QList<Conversation> liveConversations() = 0;
    //! How long the most recently ended live chats were handled (assignment to end), newest
    //! first.
    virtual QList<qint64> recentHandleTimesMs(int limit) = 0;
    //! When each agent was last given a live chat.
    virtual QHash<qint64, QDateTime> lastAssignments() = 0;
    //! Where a page of conversations, newest activity first, continues: after the
    //! conversation with this `updatedAt` and id.
    struct ConversationCursor {
        QDateTime updatedAt;
        qint64 id = 0;
    };
    //! Up to `limit` open conversations within `scope`, newest activity first, after `after`
    //! when given.
    virtual QList<Conversation> openConversations(const ReadScope &scope,
                                                  const std::optional<ConversationCursor> &after,
                                                  int limit) = 0;
    virtual Result<Message> insertMessage(const Message &message) = 0;
    virtual std::optional<Message> message(qint64 id) = 0;
    virtual std::optional<Message> messageByClientId(const QUuid &clientId) = 0;
    //! Up to `limit` messages before `beforeId` (or the newest), oldest first.
    virtual QList<Message> messages(qint64 conversationId, std::optional<qint64> beforeId,
                                    int limit) = 0;
    virtual std::optional<Message> lastMessage(qint64 conversationId) = 0;
    //! The newest message of each of these conversations, in one read.
    virtual QHash<qint64, Message> lastMessages(const QList<qint64> &conversationIds) = 0;
    virtual qint64 readMarker(qint64 conversationId, const Party &reader) = 0;
    virtual bool setReadMarker(qint64 conversationId, const Party &reader, qint64 upTo) = 0;

    // Durable timers.
    virtual QList<JobRecord> jobs() = 0;
    //! Inserts the job, or replaces the one of the same kind and key.
    virtual bool saveJob(const JobRecord &job) = 0;
    virtual bool deleteJob(const QString &kind, const QString &key) = 0;

    // Canned responses.
    //! Inserts (no id) or updates one; `conflict` when the shortcut is taken, `not_found`
    //! when the id is unknown.
    virtual Result<CannedResponse> saveCanned(const CannedResponse &canned) = 0;
    virtual bool deleteCanned(qint64 id) = 0;
    virtual QList<CannedResponse> cannedResponses() = 0;

    // The event log.
    //! Appends the event, giving it its seq, and remembers it in appendedEvents() so the
    //! storage thread can publish it once the transaction commits.
    bool appendEvent(Event &event)
    {
        if (!insertEvent(event))
            return false;
        m_appended.append(event);
        return true;
    }
    QList<Event> &appendedEvents() { return m_appended; }
    //! Events after `seq` within `scope`, in order.
    virtual QList<Event> eventsAfter(qint64 seq, const ReadScope &scope, int limit) = 0;
    virtual qint64 headSeq() = 0;

protected:
    virtual bool insertEvent(Event &event) = 0;

private:
    QList<Event> m_appended;
    const Clock *m_clock = &Clock::system();
};

} // namespace Tandem::Server
