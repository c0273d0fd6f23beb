// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store.h"

#include <QHash>
#include <QString>
#include <memory>
#include <unordered_map>

struct sqlite3;

namespace Tandem::Server {

class SqliteCheckpointer;
class SqliteStatement;

//! The embedded store: one SQLite file in WAL mode with full fsync on commit, so a
//! committed transaction survives a crash or power loss. Migrations run through Qt SQL when
//! the store opens; everything after goes to SQLite directly.
class SqliteStore : public Store
{
public:
    //! ReadOnly: a second connection for reads beside the writer's (WAL lets them run at
    //! once); it neither migrates nor may write.
    enum class Access { ReadWrite, ReadOnly };
    explicit SqliteStore(QString path, Access access = Access::ReadWrite);
    ~SqliteStore() override;

    Result<Done> open() override;
    int schemaVersion() override;

    Stored<Done> begin() override;
    Stored<Done> commit() override;
    void rollback() override;
    Stored<Done> beginRead() override;
    void endRead() override;
    Stored<Done> savepoint() override;
    Stored<Done> releaseSavepoint() override;
    void rollbackToSavepoint() override;

    Stored<Agent> createAgent(const Agent &agent, const QString &passwordHash) override;
    Stored<AgentRecord> agentByEmail(const QString &email) override;
    Stored<Agent> agentById(qint64 id) override;
    Stored<QList<Agent>> agents(bool includeDisabled) override;
    Stored<Done> setPassword(qint64 agentId, const QString &passwordHash) override;
    Stored<Done> setDisabled(qint64 agentId, bool disabled) override;
    Stored<Done> setPresence(qint64 agentId, Presence presence) override;
    Stored<Done> setAgentSettings(const Agent &agent) override;
    Stored<int> asyncLoad(qint64 agentId) override;
    Stored<QHash<qint64, int>> asyncLoads() override;
    Stored<QList<Conversation>> unassignedConversations(int limit) override;
    Stored<Done> createSession(const QByteArray &tokenHash, qint64 agentId,
                               const QDateTime &expiresAt) override;
    Stored<SessionRecord> session(const QByteArray &tokenHash) override;
    Stored<Done> revokeSession(const QByteArray &tokenHash) override;
    Stored<int> revokeSessionsOf(qint64 agentId) override;
    Stored<QList<QByteArray>> endedSessions(const QList<QByteArray> &tokenHashes,
                                            const QDateTime &now) override;

    Stored<Customer> createCustomer(const Customer &customer, const QByteArray &tokenHash) override;
    Stored<Customer> customerByToken(const QByteArray &tokenHash) override;
    Stored<Conversation> createConversation(const Conversation &conversation) override;
    Stored<Conversation> conversation(qint64 id) override;
    Stored<Done> updateConversation(const Conversation &conversation) override;
    Stored<QList<Conversation>> liveConversations() override;
    Stored<QList<FirstReply>> firstRepliesSince(const QDateTime &since) override;
    Stored<int> countAwaitingFirstReply(const QSet<qint64> &inboxIds) override;
    Stored<QList<qint64>> recentHandleTimesMs(int limit) override;
    Stored<QHash<qint64, QDateTime>> lastAssignments() override;
    Stored<Customer> customerByIdentity(const QString &channel, const QString &address) override;
    Stored<Done> addIdentity(const QString &channel, const QString &address,
                             qint64 customerId) override;
    Stored<QString> addressOf(qint64 customerId, const QString &channel) override;
    Stored<qint64> inboundMessage(const QString &channel, const QString &externalId) override;
    Stored<Done> recordInbound(const QString &channel, const QString &externalId,
                               qint64 messageId) override;
    Stored<Conversation> openConversationIn(qint64 customerId, qint64 inboxId) override;
    Stored<Done> queueOutbound(const OutboundRecord &record) override;
    Stored<Done> updateOutbound(const OutboundRecord &record) override;
    Stored<OutboundRecord> outbound(qint64 messageId) override;
    Stored<OutboundRecord> outboundByExternalId(const QString &channel,
                                                const QString &externalId) override;
    Stored<QList<OutboundRecord>> dueOutbound(const QDateTime &now, int limit) override;
    Stored<QHash<qint64, OutboundRecord>> outboundFor(const QList<qint64> &messageIds) override;
    Stored<QList<qint64>> heldCustomers(const QString &channel) override;
    Stored<int> automaticSentTo(const QString &channel, const QString &address,
                                const QDateTime &since) override;
    Stored<int> wakeOutbound(const QString &channel, qint64 customerId,
                             const QDateTime &now) override;
    Stored<QList<OutboundRecord>> outboundBefore(qint64 conversationId, qint64 after, qint64 upTo,
                                                 DeliveryState state, int limit) override;
    Stored<QList<Team>> teams() override;
    Stored<Team> saveTeam(const Team &team) override;
    Stored<QList<Inbox>> inboxes() override;
    Stored<Inbox> inbox(qint64 id) override;
    Stored<std::optional<BusinessCalendar>> calendarOfInbox(qint64 inboxId) override;
    Stored<Inbox> saveInbox(const Inbox &inbox) override;
    Stored<QSet<qint64>> inboxesOf(qint64 agentId) override;
    Stored<Done> saveMailbox(const MailboxRecord &mailbox) override;
    Stored<MailboxRecord> mailbox(qint64 inboxId) override;
    Stored<QList<MailboxRecord>> mailboxes() override;
    Stored<Done> setMailCursor(qint64 inboxId, quint32 uidValidity, quint32 lastUid,
                               const QDateTime &lastMailAt, qint64 lagMs) override;
    Stored<Done> setMailboxError(qint64 inboxId, const QString &error) override;
    Stored<Done> addAttachment(const AttachmentRecord &attachment) override;
    Stored<AttachmentRecord> attachment(qint64 messageId, int index) override;
    Stored<Done> addUpload(const UploadRecord &upload) override;
    Stored<UploadRecord> upload(const QUuid &id) override;
    Stored<std::pair<int, qint64>> uploadsWaiting(qint64 agentId) override;
    Stored<Done> attachUpload(const QUuid &id, qint64 messageId, int index) override;
    Stored<int> dropUploadsBefore(const QDateTime &before) override;
    Stored<Done> addParticipant(qint64 conversationId, const QString &address) override;
    Stored<QStringList> participants(qint64 conversationId) override;
    Stored<QList<JobRecord>> jobs() override;
    Stored<Done> saveJob(const JobRecord &job) override;
    Stored<Done> deleteJob(const QString &kind, const QString &key) override;
    Stored<CannedResponse> saveCanned(const CannedResponse &canned) override;
    Stored<Done> deleteCanned(qint64 id) override;
    Stored<QList<CannedResponse>> cannedResponses() override;
    Stored<Customer> customer(qint64 id) override;
    Stored<Done> updateCustomer(const Customer &customer) override;
    Stored<QList<std::pair<QString, QString>>> identitiesOf(qint64 customerId) override;
    Stored<QList<Conversation>> conversationsOfCustomer(qint64 customerId, int limit) override;
    Stored<Done> moveMessages(qint64 from, qint64 into) override;
    Stored<QList<Message>> searchMessages(const ReadScope &scope, const QString &match,
                                          std::optional<qint64> beforeId, int limit) override;
    Stored<QStringList> searchTerms(const QString &from, const QString &to, int limit) override;
    Stored<int> indexForSearch(int limit) override;
    Stored<Done> returnMessages(qint64 from, qint64 into) override;
    Stored<QList<Label>> labels() override;
    Stored<Label> saveLabel(const Label &label) override;
    Stored<Done> deleteLabel(qint64 id) override;
    Stored<QList<Conversation>> openConversations(const ReadScope &scope,
                                                  const std::optional<ConversationCursor> &after,
                                                  int limit, bool resolved = false) override;
    Stored<Message> insertMessage(const Message &message) override;
    Stored<Message> message(qint64 id) override;
    Stored<Message> messageByClientId(const QUuid &clientId) override;
    Stored<QList<Message>> messages(qint64 conversationId, std::optional<qint64> beforeId,
                                    int limit, MessageView view = MessageView::Staff) override;
    Stored<Message> lastMessage(qint64 conversationId) override;
    Stored<QHash<qint64, Message>> lastMessages(const QList<qint64> &conversationIds) override;
    Stored<qint64> readMarker(qint64 conversationId, const Party &reader) override;
    Stored<Done> setReadMarker(qint64 conversationId, const Party &reader, qint64 upTo) override;

    Stored<QList<Event>> eventsAfter(qint64 seq, const ReadScope &scope, int limit) override;
    Stored<qint64> headSeq() override;

    //! Checkpoints run off the writer's thread so far (tests).
    int checkpointsElsewhere() const;

protected:
    Stored<Done> insertEvent(Event &event) override;

private:
    //! Runs a prepared statement; the failure, classified, if it failed.
    std::optional<StoreFailure> run(SqliteStatement &statement, const QVariantList &binds = {});
    static StoreFailure failureOf(const SqliteStatement &statement);
    //! Runs an UPDATE or DELETE that must change exactly one row (NotFound: `what`).
    Stored<Done> changedOne(SqliteStatement &statement, const QVariantList &binds,
                            const char *what);
    //! The statement for `sql`, compiled once and kept: compiling took a large share of the
    //! storage thread's time. A caller must be done with it before the same SQL is
    //! prepared again. (Statements built for a number of ids come in at most a few hundred
    //! shapes.)
    SqliteStatement &prepare(const QString &sql);
    //! Lets every kept statement go of what it was reading (and of its read snapshot).
    void finishStatements();
    //! Runs one of the fixed transaction statements (BEGIN, SAVEPOINT …).
    Stored<Done> execute(const QString &sql);
    Stored<Message> oneMessage(const QString &where, const QVariant &bind);

    QString m_path;
    Access m_access = Access::ReadWrite;
    QString m_connectionName;
    sqlite3 *m_db = nullptr;
    std::unique_ptr<SqliteCheckpointer> m_checkpointer; // the writer's only
    std::unordered_map<QString, std::unique_ptr<SqliteStatement>> m_statements;
};

} // namespace Tandem::Server
