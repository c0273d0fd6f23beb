// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestore.h"

#include "logging/logging.h"
#include "sqlitecheckpointer.h"
#include "sqliterows.h"
#include "sqliteschema.h"
#include "sqlitestatement.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <limits>
#include <sqlite3.h>

namespace Tandem::Server {

using namespace SqliteRows;

namespace {

Stored<Done> done()
{
    return Done{};
}

// Per connection, so the migrating one and the working one each set them.
const char *const connectionPragmas[] = {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"};

} // namespace

SqliteStore::SqliteStore(QString path, Access access)
    : m_path(std::move(path))
    , m_access(access)
{
    static QAtomicInteger<int> counter;
    m_connectionName = QStringLiteral("tandem-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

SqliteStore::~SqliteStore()
{
    m_statements.clear(); // finalized before the connection closes
    if (m_checkpointer) {
        sqlite3_wal_hook(m_db, nullptr, nullptr);
        m_checkpointer.reset(); // so that the writer, last to close, checkpoints the rest
    }
    sqlite3_close_v2(m_db);
}

//! Creates the file when there is none, puts it in WAL mode and migrates it, on a
//! connection of its own that is closed again.
static Result<Done> prepareFile(const QString &path, const QString &connectionName)
{
    Result<Done> result = Done{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        if (!db.isValid())
            return Failure{ErrorCode::Internal,
                           QStringLiteral("The Qt SQLite driver (QSQLITE) is not installed")};
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            result = Failure{ErrorCode::Internal, db.lastError().text()};
        } else {
            QSqlQuery q(db);
            // WAL stays with the file; FULL makes each commit durable on disk, not just in
            // the OS cache (group commit pays for it across many requests).
            for (const char *pragma :
                 {"PRAGMA journal_mode = WAL", connectionPragmas[0], connectionPragmas[1]}) {
                if (result.ok() && !q.exec(QString::fromLatin1(pragma)))
                    result = Failure{ErrorCode::Internal, q.lastError().text()};
            }
            q.finish();
            if (result.ok())
                result = SqliteSchema::migrate(db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

Result<Done> SqliteStore::open()
{
    if (m_access == Access::ReadWrite) {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        if (Result<Done> prepared = prepareFile(m_path, m_connectionName); !prepared.ok())
            return prepared;
    }
    // One thread uses this connection at a time: SQLite's own locking would be waste.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    const auto failed = [this](const QString &what) -> Result<Done> {
        const QString why = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        return Failure{ErrorCode::Internal, what + QStringLiteral(": ") + why};
    };
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK)
        return failed(QStringLiteral("cannot open ") + m_path);
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    // The writer made the file, its schema and WAL mode; a reader only reads.
    // 32 MB of pages kept in memory (SQLite's default is 2 MB): the indexes every message
    // touches stay there instead of being read again from the OS for each transaction.
    const char *cache = "PRAGMA cache_size = -32768";
    const QList<const char *> pragmas =
        m_access == Access::ReadOnly
            ? QList<const char *>{"PRAGMA query_only = ON", cache}
            : QList<const char *>{connectionPragmas[0], connectionPragmas[1], cache};
    for (const char *pragma : pragmas) {
        if (sqlite3_exec(m_db, pragma, nullptr, nullptr, nullptr) != SQLITE_OK)
            return failed(QString::fromLatin1(pragma));
    }
    if (m_access == Access::ReadWrite) {
        m_checkpointer = std::make_unique<SqliteCheckpointer>(m_path);
        if (!m_checkpointer->watch(m_db))
            m_checkpointer.reset(); // SQLite's own checkpoints, on the writer, stay on
    }
    return Done{};
}

int SqliteStore::checkpointsElsewhere() const
{
    return m_checkpointer ? m_checkpointer->checkpoints() : 0;
}

int SqliteStore::schemaVersion()
{
    SqliteStatement &q = prepare(QStringLiteral("PRAGMA user_version"));
    const int version = q.exec() && q.next() ? q.value(0).toInt() : -1;
    q.finish();
    return version;
}

SqliteStatement &SqliteStore::prepare(const QString &sql)
{
    std::unique_ptr<SqliteStatement> &kept = m_statements[sql];
    if (kept) {
        kept->finish(); // whatever its last caller left unread
        return *kept;
    }
    kept = std::make_unique<SqliteStatement>(m_db, sql);
    if (!kept->ok())
        qCWarning(lcStore) << "prepare failed:" << kept->error();
    return *kept;
}

StoreFailure SqliteStore::failureOf(const SqliteStatement &statement)
{
    // SQLite names the rule a statement broke in its extended result code.
    StoreError kind = StoreError::Io;
    switch (statement.errorCode()) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
        kind = StoreError::Conflict;
        break;
    case SQLITE_TOOBIG:   // a value longer than the store takes
    case SQLITE_MISMATCH: // a number it cannot hold
        kind = StoreError::Constraint;
        break;
    default:
        if ((statement.errorCode() & 0xff) == SQLITE_CONSTRAINT)
            kind = StoreError::Constraint;
    }
    return {kind, statement.error()};
}

Stored<Done> SqliteStore::execute(const QString &sql)
{
    SqliteStatement &q = prepare(sql);
    if (q.exec())
        return done();
    const StoreFailure failure = failureOf(q);
    qCWarning(lcStore) << sql << "failed:" << failure.detail;
    return failure;
}

std::optional<StoreFailure> SqliteStore::run(SqliteStatement &statement, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        statement.bind(i, binds.at(i));
    if (statement.exec())
        return std::nullopt;
    StoreFailure failure = failureOf(statement);
    // Conflicts and broken references are the caller's to report; anything else is ours.
    if (failure.kind == StoreError::Io)
        qCWarning(lcStore) << "query failed:" << failure.detail;
    return failure;
}

Stored<Done> SqliteStore::changedOne(SqliteStatement &statement, const QVariantList &binds,
                                     const char *what)
{
    if (auto failure = run(statement, binds))
        return *failure;
    if (statement.rowsChanged() != 1)
        return StoreFailure{StoreError::NotFound, QString::fromLatin1(what)};
    return done();
}

Stored<Done> SqliteStore::begin()
{
    // A read outside a transaction whose rows were not all read keeps its snapshot; writing
    // on an old snapshot fails once someone else has committed since.
    finishStatements();
    return execute(QStringLiteral("BEGIN IMMEDIATE"));
}

Stored<Done> SqliteStore::commit()
{
    // A kept SELECT that was not read to its end would hold on to a read snapshot after
    // the commit (and keep the WAL from being checkpointed).
    finishStatements();
    Stored<Done> committed = execute(QStringLiteral("COMMIT"));
    if (!committed)
        rollback();
    return committed;
}

void SqliteStore::finishStatements()
{
    for (const auto &[sql, statement] : m_statements)
        statement->finish();
}

void SqliteStore::rollback()
{
    finishStatements();
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

Stored<Done> SqliteStore::beginRead()
{
    return execute(QStringLiteral("BEGIN DEFERRED"));
}

void SqliteStore::endRead()
{
    rollback();
}

Stored<Done> SqliteStore::savepoint()
{
    return execute(QStringLiteral("SAVEPOINT request"));
}

Stored<Done> SqliteStore::releaseSavepoint()
{
    return execute(QStringLiteral("RELEASE request"));
}

void SqliteStore::rollbackToSavepoint()
{
    finishStatements();
    sqlite3_exec(m_db, "ROLLBACK TO request; RELEASE request", nullptr, nullptr, nullptr);
}

Stored<Agent> SqliteStore::createAgent(const Agent &agent, const QString &passwordHash)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO agents (email, name, role, password_hash, presence, disabled, created_at,"
        " capacity, auto_accept) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto failure = run(q, {agent.email, agent.name, roleName(agent.role), passwordHash,
                               presenceName(agent.presence), agent.disabled, toMs(now()),
                               agent.capacity, agent.autoAccept}))
        return *failure;
    Agent created = agent;
    created.id = q.lastInsertId();
    return created;
}

Stored<AgentRecord> SqliteStore::agentByEmail(const QString &email)
{
    SqliteStatement &q = prepare(agentColumns + QStringLiteral("WHERE email = ?"));
    if (auto failure = run(q, {email}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no agent with that email")};
    return agentFrom(q);
}

Stored<Agent> SqliteStore::agentById(qint64 id)
{
    SqliteStatement &q = prepare(agentColumns + QStringLiteral("WHERE id = ?"));
    if (auto failure = run(q, {id}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such agent")};
    return agentFrom(q).agent;
}

Stored<QList<Agent>> SqliteStore::agents(bool includeDisabled)
{
    SqliteStatement &q = prepare(agentColumns
                                 + (includeDisabled ? QStringLiteral("ORDER BY id")
                                                    : QStringLiteral("WHERE disabled = 0 "
                                                                     "ORDER BY id")));
    if (auto failure = run(q))
        return *failure;
    QList<Agent> list;
    while (q.next())
        list.append(agentFrom(q).agent);
    return list;
}

Stored<Done> SqliteStore::setPassword(qint64 agentId, const QString &passwordHash)
{
    return changedOne(prepare(QStringLiteral("UPDATE agents SET password_hash = ? WHERE id = ?")),
                      {passwordHash, agentId}, "no such agent");
}

Stored<Done> SqliteStore::setDisabled(qint64 agentId, bool disabled)
{
    return changedOne(prepare(QStringLiteral("UPDATE agents SET disabled = ? WHERE id = ?")),
                      {disabled, agentId}, "no such agent");
}

Stored<Done> SqliteStore::setPresence(qint64 agentId, Presence presence)
{
    return changedOne(prepare(QStringLiteral("UPDATE agents SET presence = ? WHERE id = ?")),
                      {presenceName(presence), agentId}, "no such agent");
}

Stored<Done> SqliteStore::setAgentSettings(const Agent &agent)
{
    return changedOne(prepare(QStringLiteral("UPDATE agents SET capacity = ?, auto_accept = ?,"
                                             " async_capacity = ? WHERE id = ?")),
                      {agent.capacity, agent.autoAccept, agent.asyncCapacity, agent.id},
                      "no such agent");
}

Stored<QList<Conversation>> SqliteStore::unassignedConversations(int limit)
{
    // The partial index conversations_waiting holds exactly these, in this order.
    SqliteStatement &q =
        prepare(conversationColumns
                + QStringLiteral("WHERE cv.assignee_id IS NULL AND cv.status = 'open'"
                                 " AND COALESCE(cv.live_state, '') NOT IN ('queued', 'active')"
                                 " ORDER BY cv.created_at, cv.id LIMIT ?"));
    if (auto failure = run(q, {limit}))
        return *failure;
    return rows(q, conversationFrom);
}

Stored<QHash<qint64, int>> SqliteStore::asyncLoads()
{
    SqliteStatement &q =
        prepare(QStringLiteral("SELECT assignee_id, COUNT(*) FROM conversations"
                               " WHERE assignee_id IS NOT NULL AND status IN ('open', 'pending')"
                               " AND COALESCE(live_state, '') NOT IN ('queued', 'active')"
                               " GROUP BY assignee_id"));
    if (auto failure = run(q))
        return *failure;
    QHash<qint64, int> loads;
    while (q.next())
        loads.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return loads;
}

Stored<int> SqliteStore::asyncLoad(qint64 agentId)
{
    SqliteStatement &q =
        prepare(QStringLiteral("SELECT COUNT(*) FROM conversations WHERE assignee_id = ?"
                               " AND status IN ('open', 'pending')"
                               " AND COALESCE(live_state, '') NOT IN ('queued', 'active')"));
    if (auto failure = run(q, {agentId}))
        return *failure;
    return q.next() ? q.value(0).toInt() : 0;
}

Stored<Done> SqliteStore::createSession(const QByteArray &tokenHash, qint64 agentId,
                                        const QDateTime &expiresAt)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)"));
    if (auto failure = run(q, {tokenHash, agentId, toMs(now()), toMs(expiresAt)}))
        return *failure;
    return done();
}

Stored<SessionRecord> SqliteStore::session(const QByteArray &tokenHash)
{
    SqliteStatement &q = prepare(
        QStringLiteral("SELECT agent_id, expires_at, revoked FROM sessions WHERE token_hash = ?"));
    if (auto failure = run(q, {tokenHash}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such session")};
    return SessionRecord{q.value(0).toLongLong(), fromMs(q.value(1)), q.value(2).toBool()};
}

Stored<Done> SqliteStore::revokeSession(const QByteArray &tokenHash)
{
    return changedOne(prepare(QStringLiteral(
                          "UPDATE sessions SET revoked = 1 WHERE token_hash = ? AND revoked = 0")),
                      {tokenHash}, "no live session with that token");
}

Stored<int> SqliteStore::revokeSessionsOf(qint64 agentId)
{
    SqliteStatement &q = prepare(
        QStringLiteral("UPDATE sessions SET revoked = 1 WHERE agent_id = ? AND revoked = 0"));
    if (auto failure = run(q, {agentId}))
        return *failure;
    return q.rowsChanged();
}

Stored<QList<QByteArray>> SqliteStore::endedSessions(const QList<QByteArray> &tokenHashes,
                                                     const QDateTime &now)
{
    QList<QByteArray> ended;
    SqliteStatement &q =
        prepare(QStringLiteral("SELECT s.revoked OR s.expires_at <= ? OR a.disabled FROM sessions s"
                               " JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = ?"));
    for (const QByteArray &hash : tokenHashes) {
        if (auto failure = run(q, {toMs(now), hash}))
            return *failure;
        if (!q.next() || q.value(0).toBool())
            ended.append(hash);
        q.finish();
    }
    return ended;
}

Stored<Customer> SqliteStore::createCustomer(const Customer &customer, const QByteArray &tokenHash)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO customers (name, email, token_hash, created_at) VALUES (?, ?, ?, ?)"));
    if (auto failure = run(q, {text(customer.name), text(customer.email), tokenHash, toMs(now())}))
        return *failure;
    Customer created = customer;
    created.id = q.lastInsertId();
    return created;
}

Stored<Customer> SqliteStore::customerByToken(const QByteArray &tokenHash)
{
    SqliteStatement &q =
        prepare(QStringLiteral("SELECT id, name, email FROM customers WHERE token_hash = ?"));
    if (auto failure = run(q, {tokenHash}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no customer with that token")};
    return Customer{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

Stored<Conversation> SqliteStore::createConversation(const Conversation &c)
{
    // The column could not get a foreign key when it was added, so the inbox is checked.
    if (auto inboxRead = inbox(c.inboxId); !inboxRead)
        return inboxRead.isNotFound()
                   ? StoreFailure{StoreError::Constraint, QStringLiteral("no such inbox")}
                   : inboxRead.failure();
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO conversations (customer_id, channel, status, created_at, updated_at,"
        " mode, live_state, priority, queued_at, inbox_id, labels, sla)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString liveState = liveStateName(c.liveState);
    if (auto failure =
            run(q, {c.customer.id, c.channel, c.status, toMs(c.createdAt), toMs(c.updatedAt),
                    modeName(c.mode), liveState.isEmpty() ? QVariant() : QVariant(liveState),
                    c.priority, optionalMs(c.queuedAt), c.inboxId, labelIdsText(c.labels),
                    slaRecordColumn(c.sla)}))
        return *failure;
    Conversation created = c;
    created.id = q.lastInsertId();
    return created;
}

Stored<Conversation> SqliteStore::conversation(qint64 id)
{
    SqliteStatement &q = prepare(conversationColumns + QStringLiteral("WHERE cv.id = ?"));
    if (auto failure = run(q, {id}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such conversation")};
    return conversationFrom(q);
}

Stored<Done> SqliteStore::updateConversation(const Conversation &c)
{
    const QString liveState = liveStateName(c.liveState);
    return changedOne(
        prepare(QStringLiteral(
            "UPDATE conversations SET status = ?, updated_at = ?, mode = ?, live_state = ?,"
            " assignee_id = ?, priority = ?, queued_at = ?, assigned_at = ?, ended_at = ?,"
            " rating_score = ?, rating_comment = ?, inbox_id = ?, snoozed_until = ?,"
            " woke_because = ?, labels = ?, merged_into = ?, merged_at = ?,"
            " status_before_merge = ?, first_reply_at = ?, promised_by = ?,"
            " promise_answered_at = ?, sla = ? WHERE id = ?")),
        {c.status,
         toMs(c.updatedAt),
         modeName(c.mode),
         liveState.isEmpty() ? QVariant() : QVariant(liveState),
         c.assignee ? QVariant(c.assignee->id) : QVariant(),
         c.priority,
         optionalMs(c.queuedAt),
         optionalMs(c.assignedAt),
         optionalMs(c.endedAt),
         c.rating ? QVariant(c.rating->score) : QVariant(),
         c.rating ? QVariant(text(c.rating->comment)) : QVariant(),
         c.inboxId,
         optionalMs(c.snoozedUntil),
         c.wokeBecause.isEmpty() ? QVariant() : QVariant(c.wokeBecause),
         labelIdsText(c.labels),
         c.mergedInto ? QVariant(c.mergedInto) : QVariant(),
         optionalMs(c.mergedAt),
         c.statusBeforeMerge.isEmpty() ? QVariant() : QVariant(c.statusBeforeMerge),
         optionalMs(c.firstReplyAt),
         optionalMs(c.promisedBy),
         optionalMs(c.promiseAnsweredAt),
         slaRecordColumn(c.sla),
         c.id},
        "no such conversation");
}

Stored<QList<Conversation>> SqliteStore::liveConversations()
{
    SqliteStatement &q = prepare(conversationColumns
                                 + QStringLiteral("WHERE cv.live_state IN ('queued', 'active')"));
    if (auto failure = run(q))
        return *failure;
    return rows(q, conversationFrom);
}

Stored<QList<FirstReply>> SqliteStore::firstRepliesSince(const QDateTime &since)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT inbox_id, created_at, first_reply_at FROM conversations"
        " WHERE first_reply_at IS NOT NULL AND first_reply_at >= ? AND mode != 'live'"
        " ORDER BY first_reply_at"));
    if (auto failure = run(q, {toMs(since)}))
        return *failure;
    QList<FirstReply> replies;
    while (q.next())
        replies.append({q.value(0).toLongLong(), fromMs(q.value(1)), fromMs(q.value(2))});
    return replies;
}

Stored<int> SqliteStore::countAwaitingFirstReply(const QSet<qint64> &inboxIds)
{
    if (inboxIds.isEmpty())
        return 0;
    QVariantList binds;
    const QList<qint64> ids(inboxIds.cbegin(), inboxIds.cend());
    SqliteStatement &q = prepare(
        QStringLiteral("SELECT COUNT(*) FROM conversations WHERE first_reply_at IS NULL"
                       " AND status != 'resolved' AND merged_into IS NULL AND mode != 'live'"
                       " AND inbox_id IN (%1)")
            .arg(placeholders(ids, binds)));
    if (auto failure = run(q, binds))
        return *failure;
    return q.next() ? q.value(0).toInt() : 0;
}

Stored<QList<qint64>> SqliteStore::recentHandleTimesMs(int limit)
{
    SqliteStatement &q = prepare(
        QStringLiteral("SELECT ended_at - assigned_at FROM conversations WHERE ended_at IS NOT NULL"
                       " AND assigned_at IS NOT NULL ORDER BY ended_at DESC LIMIT ?"));
    if (auto failure = run(q, {limit}))
        return *failure;
    QList<qint64> list;
    while (q.next())
        list.append(q.value(0).toLongLong());
    return list;
}

Stored<QHash<qint64, QDateTime>> SqliteStore::lastAssignments()
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT assignee_id, MAX(assigned_at) FROM conversations"
        " WHERE assignee_id IS NOT NULL AND assigned_at IS NOT NULL GROUP BY assignee_id"));
    if (auto failure = run(q))
        return *failure;
    QHash<qint64, QDateTime> last;
    while (q.next())
        last.insert(q.value(0).toLongLong(), fromMs(q.value(1)));
    return last;
}

Stored<CannedResponse> SqliteStore::saveCanned(const CannedResponse &canned)
{
    CannedResponse saved = canned;
    if (canned.id == 0) {
        SqliteStatement &q = prepare(QStringLiteral(
            "INSERT INTO canned_responses (shortcut, text, updated_at) VALUES (?, ?, ?)"));
        if (auto failure = run(q, {canned.shortcut, canned.text, toMs(canned.updatedAt)}))
            return *failure;
        saved.id = q.lastInsertId();
        return saved;
    }
    const Stored<Done> updated = changedOne(
        prepare(QStringLiteral(
            "UPDATE canned_responses SET shortcut = ?, text = ?, updated_at = ? WHERE id = ?")),
        {canned.shortcut, canned.text, toMs(canned.updatedAt), canned.id},
        "no such canned response");
    if (!updated)
        return updated.failure();
    return saved;
}

Stored<Done> SqliteStore::deleteCanned(qint64 id)
{
    return changedOne(prepare(QStringLiteral("DELETE FROM canned_responses WHERE id = ?")), {id},
                      "no such canned response");
}

Stored<QList<CannedResponse>> SqliteStore::cannedResponses()
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT id, shortcut, text, updated_at FROM canned_responses ORDER BY shortcut"));
    if (auto failure = run(q))
        return *failure;
    QList<CannedResponse> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                     fromMs(q.value(3))});
    return list;
}

Stored<QList<JobRecord>> SqliteStore::jobs()
{
    SqliteStatement &q = prepare(QStringLiteral("SELECT kind, key, due_at, payload FROM jobs"));
    if (auto failure = run(q))
        return *failure;
    QList<JobRecord> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), fromMs(q.value(2)),
                     QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()});
    return list;
}

Stored<Done> SqliteStore::saveJob(const JobRecord &job)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT OR REPLACE INTO jobs (kind, key, due_at, payload) VALUES (?, ?, ?, ?)"));
    if (auto failure =
            run(q, {job.kind, job.key, toMs(job.due),
                    QString::fromUtf8(QJsonDocument(job.payload).toJson(QJsonDocument::Compact))}))
        return *failure;
    return done();
}

Stored<Done> SqliteStore::deleteJob(const QString &kind, const QString &key)
{
    SqliteStatement &q = prepare(QStringLiteral("DELETE FROM jobs WHERE kind = ? AND key = ?"));
    if (auto failure = run(q, {kind, key}))
        return *failure;
    return done();
}

Stored<QList<Conversation>>
SqliteStore::openConversations(const ReadScope &scope,
                               const std::optional<ConversationCursor> &after, int limit,
                               bool resolved)
{
    // A customer sees all of theirs; staff every unresolved one, or every resolved one (an
    // agent: of their teams' inboxes, and those assigned to them). Pages follow an index
    // (conversations_unresolved, or conversations_status), so a page costs the same wherever
    // it is.
    QString sql = conversationColumns
                  + (scope.customerId ? QStringLiteral("WHERE cv.customer_id = ? ")
                     : resolved       ? QStringLiteral("WHERE cv.status = 'resolved' ")
                                      : QStringLiteral("WHERE cv.status <> 'resolved' "));
    QVariantList binds;
    if (scope.customerId)
        binds.append(*scope.customerId);
    if (scope.agentId) {
        sql += QStringLiteral("AND (cv.inbox_id IN (") + agentInboxes
               + QStringLiteral(") OR cv.assignee_id = ?) ");
        binds << *scope.agentId << *scope.agentId;
    }
    if (after) {
        // A row value, so the scan starts at the cursor instead of filtering up to it.
        sql += QStringLiteral("AND (cv.updated_at, cv.id) < (?, ?) ");
        binds << toMs(after->updatedAt) << after->id;
    }
    sql += QStringLiteral("ORDER BY cv.updated_at DESC, cv.id DESC LIMIT ?");
    binds.append(limit);
    SqliteStatement &q = prepare(sql);
    if (auto failure = run(q, binds))
        return *failure;
    return rows(q, conversationFrom);
}

Stored<Message> SqliteStore::insertMessage(const Message &m)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO messages (conversation_id, client_id, author_kind, author_id, text,"
        " created_at, kind, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString detail = messageDetail(m);
    if (auto failure =
            run(q, {m.conversationId, m.clientId.toString(QUuid::WithoutBraces), kindName(m.author),
                    m.author.id, m.text, toMs(m.createdAt), messageKindName(m.kind),
                    detail.isEmpty() ? QVariant() : QVariant(detail)}))
        return *failure;
    Message created = m;
    created.id = q.lastInsertId();
    SqliteStatement &touch =
        prepare(QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"));
    if (auto failure = run(touch, {toMs(m.createdAt), m.conversationId}))
        return *failure;
    return created;
}

Stored<Message> SqliteStore::oneMessage(const QString &where, const QVariant &bind)
{
    SqliteStatement &q = prepare(messageColumns + where);
    if (auto failure = run(q, {bind}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such message")};
    return messageFrom(q);
}

Stored<Message> SqliteStore::message(qint64 id)
{
    return oneMessage(QStringLiteral("WHERE m.id = ?"), id);
}

Stored<Message> SqliteStore::messageByClientId(const QUuid &clientId)
{
    return oneMessage(QStringLiteral("WHERE m.client_id = ?"),
                      clientId.toString(QUuid::WithoutBraces));
}

Stored<QList<Message>> SqliteStore::messages(qint64 conversationId, std::optional<qint64> beforeId,
                                             int limit, MessageView view)
{
    SqliteStatement &q = prepare(
        messageColumns + QStringLiteral("WHERE m.conversation_id = ? AND m.id < ? ")
        + (view == MessageView::Customer ? QStringLiteral("AND m.kind = 'message' ") : QString())
        + QStringLiteral("ORDER BY m.id DESC LIMIT ?"));
    if (auto failure =
            run(q, {conversationId, beforeId.value_or(std::numeric_limits<qint64>::max()), limit}))
        return *failure;
    QList<Message> list;
    while (q.next())
        list.prepend(messageFrom(q));
    return list;
}

Stored<Message> SqliteStore::lastMessage(qint64 conversationId)
{
    const Stored<QList<Message>> last =
        messages(conversationId, std::nullopt, 1, MessageView::Customer);
    if (!last)
        return last.failure();
    if (last->isEmpty())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no message there")};
    return last->first();
}

Stored<QHash<qint64, Message>> SqliteStore::lastMessages(const QList<qint64> &conversationIds)
{
    QHash<qint64, Message> last;
    if (conversationIds.isEmpty())
        return last;
    QVariantList binds;
    SqliteStatement &q =
        prepare(messageColumns
                + QStringLiteral("WHERE m.id IN (SELECT MAX(id) FROM messages WHERE"
                                 " conversation_id IN (%1) AND kind = 'message'"
                                 " GROUP BY conversation_id)")
                      .arg(placeholders(conversationIds, binds)));
    if (auto failure = run(q, binds))
        return *failure;
    while (q.next()) {
        const Message m = messageFrom(q);
        last.insert(m.conversationId, m);
    }
    return last;
}

Stored<qint64> SqliteStore::readMarker(qint64 conversationId, const Party &reader)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT up_to FROM read_markers WHERE conversation_id = ? AND reader_kind = ?"
        " AND reader_id = ?"));
    if (auto failure = run(q, {conversationId, kindName(reader), reader.id}))
        return *failure;
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Stored<Done> SqliteStore::setReadMarker(qint64 conversationId, const Party &reader, qint64 upTo)
{
    SqliteStatement &q = prepare(
        QStringLiteral("INSERT INTO read_markers (conversation_id, reader_kind, reader_id, up_to)"
                       " VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id, reader_kind, reader_id)"
                       " DO UPDATE SET up_to = excluded.up_to"));
    if (auto failure = run(q, {conversationId, kindName(reader), reader.id, upTo}))
        return *failure;
    return done();
}

Stored<Done> SqliteStore::insertEvent(Event &event)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO events (kind, conversation_id, customer_id, staff_only, data, created_at,"
        " inbox_id, assignee_id, prior_assignee_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto orNull = [](qint64 id) { return id ? QVariant(id) : QVariant(); };
    QByteArray json = event.dataJson.isEmpty()
                          ? QJsonDocument(event.data).toJson(QJsonDocument::Compact)
                          : event.dataJson;
    if (auto failure =
            run(q, {event.kind, event.conversationId ? QVariant(event.conversationId) : QVariant(),
                    event.customerId ? QVariant(event.customerId) : QVariant(), event.staffOnly,
                    QString::fromUtf8(json), toMs(now()), orNull(event.inboxId),
                    orNull(event.assigneeId), orNull(event.priorAssigneeId)}))
        return *failure;
    event.seq = q.lastInsertId();
    event.dataJson = std::move(json);
    return done();
}

Stored<QList<Event>> SqliteStore::eventsAfter(qint64 seq, const ReadScope &scope, int limit)
{
    SqliteStatement &q = prepare(
        QStringLiteral("SELECT seq, kind, conversation_id, customer_id, staff_only, data,"
                       " inbox_id, assignee_id, prior_assignee_id FROM events WHERE seq > ? ")
        + (scope.customerId ? QStringLiteral("AND customer_id = ? AND staff_only = 0 ") : QString())
        + (scope.agentId
               ? QStringLiteral("AND (conversation_id IS NULL OR inbox_id IN (") + agentInboxes
                     + QStringLiteral(") OR assignee_id = ? OR prior_assignee_id = ?) ")
               : QString())
        + QStringLiteral("ORDER BY seq LIMIT ?"));
    QVariantList binds{seq};
    if (scope.customerId)
        binds.append(*scope.customerId);
    if (scope.agentId)
        binds << *scope.agentId << *scope.agentId << *scope.agentId;
    binds.append(limit);
    if (auto failure = run(q, binds))
        return *failure;
    QList<Event> list;
    while (q.next()) {
        Event e;
        e.seq = q.value(0).toLongLong();
        e.kind = q.value(1).toString();
        e.conversationId = q.value(2).toLongLong();
        e.customerId = q.value(3).toLongLong();
        e.staffOnly = q.value(4).toBool();
        // Replayed as it is: frames wrap this text, nothing here needs it parsed.
        e.dataJson = q.value(5).toString().toUtf8();
        e.inboxId = q.value(6).toLongLong();
        e.assigneeId = q.value(7).toLongLong();
        e.priorAssigneeId = q.value(8).toLongLong();
        list.append(e);
    }
    return list;
}

Stored<qint64> SqliteStore::headSeq()
{
    SqliteStatement &q = prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events"));
    if (auto failure = run(q))
        return *failure;
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

} // namespace Tandem::Server
