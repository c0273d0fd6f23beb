// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <unordered_map>

class QSqlQuery;

namespace Tandem::Server {

//! The embedded store: one SQLite file in WAL mode with full fsync on commit, so a
//! committed transaction survives a crash or power loss.
class SqliteStore : public Store
{
public:
    explicit SqliteStore(QString path);
    ~SqliteStore() override;

    Result<Done> open() override;
    int schemaVersion() override;

    bool begin() override;
    bool commit() override;
    void rollback() override;
    bool savepoint() override;
    bool releaseSavepoint() override;
    void rollbackToSavepoint() override;

    Result<Agent> createAgent(const Agent &agent, const QString &passwordHash) override;
    std::optional<AgentRecord> agentByEmail(const QString &email) override;
    std::optional<Agent> agentById(qint64 id) override;
    QList<Agent> agents(bool includeDisabled) override;
    bool setPassword(qint64 agentId, const QString &passwordHash) override;
    bool setDisabled(qint64 agentId, bool disabled) override;
    bool setPresence(qint64 agentId, Presence presence) override;
    bool setAgentSettings(qint64 agentId, int capacity, bool autoAccept) override;
    bool createSession(const QByteArray &tokenHash, qint64 agentId,
                       const QDateTime &expiresAt) override;
    std::optional<SessionRecord> session(const QByteArray &tokenHash) override;
    bool revokeSession(const QByteArray &tokenHash) override;
    bool revokeSessionsOf(qint64 agentId) override;
    QList<QByteArray> endedSessions(const QList<QByteArray> &tokenHashes,
                                    const QDateTime &now) override;

    Result<Customer> createCustomer(const Customer &customer, const QByteArray &tokenHash) override;
    std::optional<Customer> customerByToken(const QByteArray &tokenHash) override;
    Result<Conversation> createConversation(const Conversation &conversation) override;
    std::optional<Conversation> conversation(qint64 id) override;
    bool updateConversation(const Conversation &conversation) override;
    QList<Conversation> liveConversations() override;
    QList<qint64> recentHandleTimesMs(int limit) override;
    QHash<qint64, QDateTime> lastAssignments() override;
    QList<JobRecord> jobs() override;
    bool saveJob(const JobRecord &job) override;
    bool deleteJob(const QString &kind, const QString &key) override;
    Result<CannedResponse> saveCanned(const CannedResponse &canned) override;
    bool deleteCanned(qint64 id) override;
    QList<CannedResponse> cannedResponses() override;
    QList<Conversation> openConversations(const ReadScope &scope,
                                          const std::optional<ConversationCursor> &after,
                                          int limit) override;
    Result<Message> insertMessage(const Message &message) override;
    std::optional<Message> message(qint64 id) override;
    std::optional<Message> messageByClientId(const QUuid &clientId) override;
    QList<Message> messages(qint64 conversationId, std::optional<qint64> beforeId,
                            int limit) override;
    std::optional<Message> lastMessage(qint64 conversationId) override;
    QHash<qint64, Message> lastMessages(const QList<qint64> &conversationIds) override;
    qint64 readMarker(qint64 conversationId, const Party &reader) override;
    bool setReadMarker(qint64 conversationId, const Party &reader, qint64 upTo) override;

    QList<Event> eventsAfter(qint64 seq, const ReadScope &scope, int limit) override;
    qint64 headSeq() override;

    //! The database connection, for tests that inspect the schema.
    QSqlDatabase database() const { return m_db; }

protected:
    bool insertEvent(Event &event) override;

private:
    bool run(QSqlQuery &query, const QVariantList &binds = {});
    //! The statement for `sql`, compiled once and kept: compiling took a large share of the
    //! storage thread's time. A caller must be done with it before the same SQL is
    //! prepared again. (Statements built for a number of ids come in at most a few hundred
    //! shapes.)
    QSqlQuery &prepare(const QString &sql);
    //! Runs one of the fixed transaction statements (BEGIN, SAVEPOINT …).
    bool execute(const QString &sql);
    std::optional<Message> oneMessage(const QString &where, const QVariant &bind);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace Tandem::Server
