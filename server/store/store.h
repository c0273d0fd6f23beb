// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/cannedresponse.h"
#include "domain/conversation.h"
#include "domain/customer.h"
#include "domain/delivery.h"
#include "domain/event.h"
#include "domain/label.h"
#include "domain/message.h"
#include "domain/team.h"
#include "platform/clock.h"
#include "protocol/result.h"
#include "stored.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
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
    //! Only what this agent sees: the conversations of their teams' inboxes and those
    //! assigned to them, the events about those (or that took one from them), and the
    //! events about no conversation.
    std::optional<qint64> agentId;
};

//! Whose view of a conversation's messages: staff see every kind; a customer only the
//! conversation's own (no private notes, no timeline).
enum class MessageView { Staff, Customer };

//! A reply going out through a channel, and how far it got.
struct OutboundRecord {
    qint64 messageId = 0;
    QString channel;
    QString address; //!< where the channel sends it: an email address, a phone number, a chat
    DeliveryState state = DeliveryState::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QString externalId; //!< the channel's own id for it, once it took it

    //! The next attempt of a reply held until its customer comes back (the web widget's
    //! replies while nobody has it open): later than any real time.
    static QDateTime whenWoken() { return Clock::fromMs(qint64(1) << 52); }
};

//! An email inbox's mailbox: its settings (JSON, docs/protocol.md "Email inboxes"), its
//! passwords sealed (SecretBox), and how far it was read (the IMAP folder's UIDVALIDITY and
//! the highest UID taken; 0: nothing yet).
struct MailboxRecord {
    qint64 inboxId = 0;
    QString settings;
    QString imapPassword; //!< sealed
    QString smtpPassword; //!< sealed
    QDateTime configuredAt;
    quint32 uidValidity = 0;
    quint32 lastUid = 0;
    QString lastError; //!< empty: the last attempt worked
    QDateTime lastErrorAt;
    QDateTime lastMailAt; //!< when the newest mail taken arrived in the mailbox
    qint64 lagMs = -1;    //!< from that arrival to its filing; -1: none yet
};

//! A file that came with a message (an email's attachment or inline image, or its HTML),
//! the `index`th of the message's. `data` is empty when it was over the size kept.
struct AttachmentRecord {
    qint64 messageId = 0;
    int index = 0;
    QString fileName;
    QString contentType;
    QString contentId;
    bool isInline = false;
    qint64 size = 0;
    QByteArray data;
    bool kept = true;
};

//! A file an agent sent ahead of the message it goes with (docs/protocol.md, "HTTP"): kept
//! until a message takes it, or a day.
struct UploadRecord {
    QUuid id;
    qint64 agentId = 0;
    QString fileName;
    QString contentType;
    qint64 size = 0;
    QByteArray data; //!< empty when read without it
    QDateTime createdAt;
    qint64 takenBy = 0; //!< the message that took it (its bytes went with it); 0: none yet
};

struct SessionRecord {
    qint64 agentId = 0;
    QDateTime expiresAt;
    bool revoked = false;
};

//! A conversation's first reply from staff, for the expected reply time.
struct FirstReply {
    qint64 inboxId = 0;
    QDateTime createdAt;
    QDateTime firstReplyAt;
};

//! The server's durable state. An implementation is used from one thread only (the
//! storage thread, or the admin command's main thread); every method runs inside the
//! transaction the caller opened, so several operations commit together.
//!
//! Every method reports failure as a StoreError kind, the same on every back end:
//! NotFound for an id, email, token or key that names nothing; Conflict for a unique value
//! that is taken (an email, a message's clientId, a canned shortcut); Constraint for a
//! reference to something that does not exist (a conversation of no customer, a message in
//! no conversation); Io for anything the back end could not do. tests/store/
//! tst_storeconformance.cpp holds each back end to this contract.
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
    QDateTime now() const { return m_clock->now(); }

    virtual Stored<Done> begin() = 0;
    //! On failure the transaction is rolled back.
    virtual Stored<Done> commit() = 0;
    virtual void rollback() = 0;
    //! A read transaction, for a store opened to read only: what it reads until endRead()
    //! is one committed state, and it never takes the write lock.
    virtual Stored<Done> beginRead() = 0;
    virtual void endRead() = 0;
    //! Nested undo points inside a transaction, so one failing request does not undo the
    //! others committed with it.
    virtual Stored<Done> savepoint() = 0;
    virtual Stored<Done> releaseSavepoint() = 0;
    virtual void rollbackToSavepoint() = 0;

    // Staff accounts and their sessions.
    //! Conflict when the email is taken (emails compare case-insensitively).
    virtual Stored<Agent> createAgent(const Agent &agent, const QString &passwordHash) = 0;
    virtual Stored<AgentRecord> agentByEmail(const QString &email) = 0;
    virtual Stored<Agent> agentById(qint64 id) = 0;
    //! In id order.
    virtual Stored<QList<Agent>> agents(bool includeDisabled) = 0;
    virtual Stored<Done> setPassword(qint64 agentId, const QString &passwordHash) = 0;
    virtual Stored<Done> setDisabled(qint64 agentId, bool disabled) = 0;
    virtual Stored<Done> setPresence(qint64 agentId, Presence presence) = 0;
    //! Writes the agent's capacities and auto-accept.
    virtual Stored<Done> setAgentSettings(const Agent &agent) = 0;
    //! How many async conversations (open or pending, not a live chat under way) are
    //! assigned to the agent.
    virtual Stored<int> asyncLoad(qint64 agentId) = 0;
    //! The same for every agent who has any, in one read.
    virtual Stored<QHash<qint64, int>> asyncLoads() = 0;
    //! Up to `limit` open async conversations nobody is assigned, oldest first.
    virtual Stored<QList<Conversation>> unassignedConversations(int limit) = 0;
    //! Constraint when there is no such agent; Conflict when the token hash is in use.
    virtual Stored<Done> createSession(const QByteArray &tokenHash, qint64 agentId,
                                       const QDateTime &expiresAt) = 0;
    virtual Stored<SessionRecord> session(const QByteArray &tokenHash) = 0;
    //! NotFound when no live session has this hash.
    virtual Stored<Done> revokeSession(const QByteArray &tokenHash) = 0;
    //! How many were revoked (0 is no failure).
    virtual Stored<int> revokeSessionsOf(qint64 agentId) = 0;
    //! Of the given token hashes, those that no longer open a session.
    virtual Stored<QList<QByteArray>> endedSessions(const QList<QByteArray> &tokenHashes,
                                                    const QDateTime &now) = 0;

    // Customers, conversations and messages.
    virtual Stored<Customer> createCustomer(const Customer &customer,
                                            const QByteArray &tokenHash) = 0;
    virtual Stored<Customer> customerByToken(const QByteArray &tokenHash) = 0;
    //! Constraint when the customer does not exist.
    virtual Stored<Conversation> createConversation(const Conversation &conversation) = 0;
    virtual Stored<Conversation> conversation(qint64 id) = 0;
    //! Writes everything but the id, customer and createdAt.
    virtual Stored<Done> updateConversation(const Conversation &conversation) = 0;
    //! Live chats that are queued or active, in no particular order.
    virtual Stored<QList<Conversation>> liveConversations() = 0;
    //! The async conversations (live chats are answered at the desk, in minutes) staff first
    //! replied to at or after `since`: their inbox, when they began, and when staff first
    //! replied, oldest reply first.
    virtual Stored<QList<FirstReply>> firstRepliesSince(const QDateTime &since) = 0;
    //! How many async conversations of these inboxes, not resolved nor merged, wait for
    //! staff's first reply (live chats wait in the live queue instead).
    virtual Stored<int> countAwaitingFirstReply(const QSet<qint64> &inboxIds) = 0;
    //! How long the most recently ended live chats were handled (assignment to end), newest
    //! first.
    virtual Stored<QList<qint64>> recentHandleTimesMs(int limit) = 0;
    //! When each agent was last given a live chat.
    virtual Stored<QHash<qint64, QDateTime>> lastAssignments() = 0;
    //! Where a page of conversations, newest activity first, continues: after the
    //! conversation with this `updatedAt` and id.
    struct ConversationCursor {
        QDateTime updatedAt;
        qint64 id = 0;
    };
    //! Up to `limit` conversations within `scope` that are not resolved (with `resolved`:
    //! that are), newest activity first (ties: higher id first), after `after` when given.
    //! A customer's scope holds all of theirs, whatever their status.
    virtual Stored<QList<Conversation>>
    openConversations(const ReadScope &scope, const std::optional<ConversationCursor> &after,
                      int limit, bool resolved = false) = 0;
    //! Conflict when the clientId was used before; Constraint when the conversation does
    //! not exist.
    virtual Stored<Message> insertMessage(const Message &message) = 0;
    virtual Stored<Message> message(qint64 id) = 0;
    virtual Stored<Message> messageByClientId(const QUuid &clientId) = 0;
    //! Up to `limit` messages before `beforeId` (or the newest) that `view` shows, oldest
    //! first.
    virtual Stored<QList<Message>> messages(qint64 conversationId, std::optional<qint64> beforeId,
                                            int limit, MessageView view = MessageView::Staff) = 0;
    //! The newest of the conversation's own messages (no note, no timeline); NotFound when it
    //! has none (or does not exist).
    virtual Stored<Message> lastMessage(qint64 conversationId) = 0;
    //! The newest of the conversation's own messages of each of these conversations (none
    //! for those without), in one read.
    virtual Stored<QHash<qint64, Message>> lastMessages(const QList<qint64> &conversationIds) = 0;
    //! 0 when the reader has read nothing there yet.
    virtual Stored<qint64> readMarker(qint64 conversationId, const Party &reader) = 0;
    virtual Stored<Done> setReadMarker(qint64 conversationId, const Party &reader, qint64 upTo) = 0;

    // Channels (server/channels).
    //! The customer a channel knows by `address` (an email address, a phone number…).
    virtual Stored<Customer> customerByIdentity(const QString &channel, const QString &address) = 0;
    //! Conflict when the address already belongs to someone on that channel.
    virtual Stored<Done> addIdentity(const QString &channel, const QString &address,
                                     qint64 customerId) = 0;
    //! Where a customer is reached on `channel`; NotFound when the channel does not know them.
    virtual Stored<QString> addressOf(qint64 customerId, const QString &channel) = 0;
    //! The message a channel's message `externalId` became; NotFound for one not seen yet.
    virtual Stored<qint64> inboundMessage(const QString &channel, const QString &externalId) = 0;
    //! Conflict when that external id was taken before.
    virtual Stored<Done> recordInbound(const QString &channel, const QString &externalId,
                                       qint64 messageId) = 0;
    //! The customer's unresolved conversation in this inbox with the newest activity;
    //! NotFound when there is none.
    virtual Stored<Conversation> openConversationIn(qint64 customerId, qint64 inboxId) = 0;
    //! Conflict when the message is queued already; Constraint when it does not exist.
    virtual Stored<Done> queueOutbound(const OutboundRecord &record) = 0;
    //! NotFound when the message was never queued.
    virtual Stored<Done> updateOutbound(const OutboundRecord &record) = 0;
    virtual Stored<OutboundRecord> outbound(qint64 messageId) = 0;
    virtual Stored<OutboundRecord> outboundByExternalId(const QString &channel,
                                                        const QString &externalId) = 0;
    //! Up to `limit` queued replies whose next attempt is due by `now`, earliest first.
    virtual Stored<QList<OutboundRecord>> dueOutbound(const QDateTime &now, int limit) = 0;
    //! The delivery records of those of these messages that went out through a channel.
    virtual Stored<QHash<qint64, OutboundRecord>> outboundFor(const QList<qint64> &messageIds) = 0;
    //! The customers with replies on `channel` that wait for them (OutboundRecord::whenWoken).
    virtual Stored<QList<qint64>> heldCustomers(const QString &channel) = 0;
    //! How many automatic replies (the system's) went out on `channel` to `address` since
    //! `since` (taken by the channel: sent or further).
    virtual Stored<int> automaticSentTo(const QString &channel, const QString &address,
                                        const QDateTime &since) = 0;
    //! Makes this customer's replies on `channel` that wait for them due at `now`; how many
    //! there were.
    virtual Stored<int> wakeOutbound(const QString &channel, qint64 customerId,
                                     const QDateTime &now) = 0;
    //! The replies of a conversation after message `after` up to message `upTo` that have
    //! not reached `state` yet and have not failed, newest first, at most `limit`.
    virtual Stored<QList<OutboundRecord>> outboundBefore(qint64 conversationId, qint64 after,
                                                         qint64 upTo, DeliveryState state,
                                                         int limit) = 0;

    // Teams and inboxes.
    //! In id order, each with its members in id order.
    virtual Stored<QList<Team>> teams() = 0;
    //! Inserts (no id) or updates a team with exactly these members. Conflict when the name
    //! is taken (names compare ignoring case); NotFound for an unknown id; Constraint when a
    //! member is no agent.
    virtual Stored<Team> saveTeam(const Team &team) = 0;
    //! In id order.
    virtual Stored<QList<Inbox>> inboxes() = 0;
    virtual Stored<Inbox> inbox(qint64 id) = 0;
    //! The business hours of the team `inboxId` belongs to (none: no such inbox, no team,
    //! or a team open around the clock).
    virtual Stored<std::optional<BusinessCalendar>> calendarOfInbox(qint64 inboxId) = 0;
    //! Inserts (no id) or updates an inbox (its channel never changes). NotFound for an
    //! unknown id; Constraint when the team does not exist.
    virtual Stored<Inbox> saveInbox(const Inbox &inbox) = 0;
    //! The inboxes an agent sees through their teams.
    virtual Stored<QSet<qint64>> inboxesOf(qint64 agentId) = 0;

    // Email inboxes.
    //! Inserts or replaces the settings and passwords of the inbox's mailbox, keeping how
    //! far it was read; Constraint when there is no such inbox.
    virtual Stored<Done> saveMailbox(const MailboxRecord &mailbox) = 0;
    virtual Stored<MailboxRecord> mailbox(qint64 inboxId) = 0;
    //! In inbox order.
    virtual Stored<QList<MailboxRecord>> mailboxes() = 0;
    //! How far the mailbox was read (in the transaction that filed what was read), when the
    //! last mail taken arrived in it and how long it took to file (-1: not known).
    virtual Stored<Done> setMailCursor(qint64 inboxId, quint32 uidValidity, quint32 lastUid,
                                       const QDateTime &lastMailAt, qint64 lagMs) = 0;
    //! The last error reading or sending (empty: none any more).
    virtual Stored<Done> setMailboxError(qint64 inboxId, const QString &error) = 0;
    //! Constraint when the message does not exist; Conflict when it has that index already.
    virtual Stored<Done> addAttachment(const AttachmentRecord &attachment) = 0;
    //! With its data.
    virtual Stored<AttachmentRecord> attachment(qint64 messageId, int index) = 0;
    //! Conflict when the id is taken.
    virtual Stored<Done> addUpload(const UploadRecord &upload) = 0;
    //! Without its data.
    virtual Stored<UploadRecord> upload(const QUuid &id) = 0;
    //! How many uploads the agent has waiting for a message (not taken), and their bytes.
    virtual Stored<std::pair<int, qint64>> uploadsWaiting(qint64 agentId) = 0;
    //! Makes the upload the message's `index`th attachment (the upload keeps only that it
    //! was taken, and by which message); NotFound when there is no such upload waiting.
    virtual Stored<Done> attachUpload(const QUuid &id, qint64 messageId, int index) = 0;
    //! Deletes the uploads made before `before` (waiting or taken); how many.
    virtual Stored<int> dropUploadsBefore(const QDateTime &before) = 0;
    //! Adds an address (lower case) to the people of a conversation; one there already is
    //! no failure.
    virtual Stored<Done> addParticipant(qint64 conversationId, const QString &address) = 0;
    //! In the order they joined.
    virtual Stored<QStringList> participants(qint64 conversationId) = 0;

    // Durable timers.
    virtual Stored<QList<JobRecord>> jobs() = 0;
    //! Inserts the job, or replaces the one of the same kind and key.
    virtual Stored<Done> saveJob(const JobRecord &job) = 0;
    //! Deleting a job that is not there is no failure (it ran, or was never saved).
    virtual Stored<Done> deleteJob(const QString &kind, const QString &key) = 0;

    // Canned responses.
    //! Inserts (no id) or updates one; Conflict when the shortcut is taken (shortcuts
    //! compare case-insensitively), NotFound when the id is unknown.
    virtual Stored<CannedResponse> saveCanned(const CannedResponse &canned) = 0;
    virtual Stored<Done> deleteCanned(qint64 id) = 0;
    //! By shortcut.
    virtual Stored<QList<CannedResponse>> cannedResponses() = 0;

    // The customer panel (docs/protocol.md, "Customers").
    virtual Stored<Customer> customer(qint64 id) = 0;
    //! Writes the name and email; NotFound for an unknown id.
    virtual Stored<Done> updateCustomer(const Customer &customer) = 0;
    //! Where channels other than the web widget reach the customer: (channel, address).
    virtual Stored<QList<std::pair<QString, QString>>> identitiesOf(qint64 customerId) = 0;
    //! Up to `limit` of the customer's conversations, newest activity first, merged ones
    //! left out.
    virtual Stored<QList<Conversation>> conversationsOfCustomer(qint64 customerId, int limit) = 0;

    // Merging (docs/protocol.md, "Merging").
    //! Moves every message of `from` into `into`, remembering where each came from.
    virtual Stored<Done> moveMessages(qint64 from, qint64 into) = 0;

    // Search (docs/protocol.md, "search").
    //! Messages and notes (never the timeline) of the conversations `scope` sees that match
    //! the FTS5 expression `match`, newest first, below `beforeId` when given; at most
    //! `limit`. `match` comes from SearchExpression::build, never from a client as such.
    virtual Stored<QList<Message>> searchMessages(const ReadScope &scope, const QString &match,
                                                  std::optional<qint64> beforeId, int limit) = 0;
    //! Adds to the search index up to `limit` of the messages written since it last ran, in
    //! id order; returns how many it went past (fewer than `limit`: the index is complete).
    virtual Stored<int> indexForSearch(int limit) = 0;
    //! The search index's words from `from` (inclusive) to `to` (exclusive), at most `limit`.
    virtual Stored<QStringList> searchTerms(const QString &from, const QString &to, int limit) = 0;
    //! Moves back into `from` the messages that came from it into `into`.
    virtual Stored<Done> returnMessages(qint64 from, qint64 into) = 0;

    // Labels.
    //! By name. Conflict when the name is taken (names compare case-insensitively),
    //! NotFound when the id is unknown.
    virtual Stored<QList<Label>> labels() = 0;
    virtual Stored<Label> saveLabel(const Label &label) = 0;
    //! Deletes the label and takes it off every conversation that had it.
    virtual Stored<Done> deleteLabel(qint64 id) = 0;

    // The event log.
    //! Appends the event, giving it its seq, and remembers it in appendedEvents() so the
    //! storage thread can publish it once the transaction commits. A reader never sees seq
    //! N+1 before N is committed (docs/event-log.md): on SQLite one writer commits at a time.
    Stored<Done> appendEvent(Event &event)
    {
        Stored<Done> inserted = insertEvent(event);
        if (inserted)
            m_appended.append(event);
        return inserted;
    }
    QList<Event> &appendedEvents() { return m_appended; }
    //! Events after `seq` within `scope`, in order, as the log has them: their `dataJson`
    //! (for replaying), not `data` parsed again.
    virtual Stored<QList<Event>> eventsAfter(qint64 seq, const ReadScope &scope, int limit) = 0;
    //! The highest committed seq; 0 for an empty log.
    virtual Stored<qint64> headSeq() = 0;

protected:
    virtual Stored<Done> insertEvent(Event &event) = 0;

private:
    QList<Event> m_appended;
    const Clock *m_clock = &Clock::system();
};

} // namespace Tandem::Server
