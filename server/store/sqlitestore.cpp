// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestore.h"

#include "logging/logging.h"
#include "sqliteschema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace Tandem::Server {
namespace {

qint64 toMs(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &v)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
#endif
}

// Qt binds a null QString as SQL NULL; the schema wants empty text instead.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString kindName(const Party &p)
{
    return partyKindName(p.kind);
}

const QString messageColumns = QStringLiteral(
    "SELECT m.id, m.conversation_id, m.client_id, m.author_kind, m.author_id, m.text,"
    " m.created_at, COALESCE(a.name, c.name, '') FROM messages m"
    " LEFT JOIN agents a ON m.author_kind = 'agent' AND a.id = m.author_id"
    " LEFT JOIN customers c ON m.author_kind = 'customer' AND c.id = m.author_id ");

const QString conversationColumns = QStringLiteral(
    "SELECT cv.id, cv.customer_id, cu.name, cu.email, cv.channel, cv.status, cv.created_at,"
    " cv.updated_at, cv.mode, cv.live_state, cv.assignee_id, asg.name, cv.priority,"
    " cv.queued_at, cv.assigned_at, cv.ended_at, cv.rating_score, cv.rating_comment"
    " FROM conversations cv JOIN customers cu ON cu.id = cv.customer_id"
    " LEFT JOIN agents asg ON asg.id = cv.assignee_id ");

const QString agentColumns = QStringLiteral(
    "SELECT id, name, email, role, presence, disabled, password_hash, capacity, auto_accept"
    " FROM agents ");

QVariant optionalMs(const QDateTime &t)
{
    return t.isValid() ? QVariant(toMs(t)) : QVariant();
}

QDateTime optionalTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : fromMs(v);
}

Message messageFrom(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.clientId = QUuid::fromString(q.value(2).toString());
    m.author.kind = q.value(3).toString() == QLatin1String("agent") ? Party::Kind::Agent
                                                                    : Party::Kind::Customer;
    m.author.id = q.value(4).toLongLong();
    m.text = q.value(5).toString();
    m.createdAt = fromMs(q.value(6));
    m.author.name = q.value(7).toString();
    return m;
}

Conversation conversationFrom(const QSqlQuery &q)
{
    Conversation c;
    c.id = q.value(0).toLongLong();
    c.customer.id = q.value(1).toLongLong();
    c.customer.name = q.value(2).toString();
    c.customer.email = q.value(3).toString();
    c.channel = q.value(4).toString();
    c.status = q.value(5).toString();
    c.createdAt = fromMs(q.value(6));
    c.updatedAt = fromMs(q.value(7));
    c.mode = modeFromName(q.value(8).toString()).value_or(ConversationMode::Async);
    c.liveState = liveStateFromName(q.value(9).toString()).value_or(LiveState::None);
    if (!q.value(10).isNull())
        c.assignee = Party{Party::Kind::Agent, q.value(10).toLongLong(), q.value(11).toString()};
    c.priority = q.value(12).toInt();
    c.queuedAt = optionalTime(q.value(13));
    c.assignedAt = optionalTime(q.value(14));
    c.endedAt = optionalTime(q.value(15));
    if (!q.value(16).isNull())
        c.rating = Rating{q.value(16).toInt(), q.value(17).toString()};
    return c;
}

AgentRecord agentFrom(const QSqlQuery &q)
{
    AgentRecord r;
    r.agent.id = q.value(0).toLongLong();
    r.agent.name = q.value(1).toString();
    r.agent.email = q.value(2).toString();
    r.agent.role = roleFromName(q.value(3).toString()).value_or(Role::Agent);
    r.agent.presence = presenceFromName(q.value(4).toString()).value_or(Presence::Offline);
    r.agent.disabled = q.value(5).toBool();
    r.passwordHash = q.value(6).toString();
    r.agent.capacity = q.value(7).toInt();
    r.agent.autoAccept = q.value(8).toBool();
    return r;
}

} // namespace

SqliteStore::SqliteStore(QString path)
    : m_path(std::move(path))
{
    static QAtomicInteger<int> counter;
    m_connectionName = QStringLiteral("tandem-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

SqliteStore::~SqliteStore()
{
    m_statements.clear(); // they hold the connection open
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Result<Done> SqliteStore::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return Failure{ErrorCode::Internal,
                       QStringLiteral("The Qt SQLite driver (QSQLITE) is not installed")};
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return Failure{ErrorCode::Internal, m_db.lastError().text()};
    QSqlQuery q(m_db);
    // FULL makes each commit durable on disk, not just in the OS cache; group commit pays
    // for it across many requests.
    for (const char *pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return Failure{ErrorCode::Internal, q.lastError().text()};
    }
    return SqliteSchema::migrate(m_db);
}

int SqliteStore::schemaVersion()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
}

QSqlQuery &SqliteStore::prepare(const QString &sql)
{
    std::unique_ptr<QSqlQuery> &kept = m_statements[sql];
    if (kept) {
        kept->finish(); // whatever its last caller left unread
        return *kept;
    }
    kept = std::make_unique<QSqlQuery>(m_db);
    kept->setForwardOnly(true);
    if (!kept->prepare(sql))
        qCWarning(lcStore) << "prepare failed:" << kept->lastError().text() << sql;
    return *kept;
}

bool SqliteStore::execute(const QString &sql)
{
    QSqlQuery &q = prepare(sql);
    if (q.exec())
        return true;
    qCWarning(lcStore) << sql << "failed:" << q.lastError().text();
    return false;
}

bool SqliteStore::run(QSqlQuery &query, const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i)
        query.bindValue(i, binds.at(i));
    if (!query.exec()) {
        qCWarning(lcStore) << "query failed:" << query.lastError().text() << query.lastQuery();
        return false;
    }
    return true;
}

bool SqliteStore::begin()
{
    return execute(QStringLiteral("BEGIN IMMEDIATE"));
}

bool SqliteStore::commit()
{
    // A kept SELECT that was not read to its end would hold on to a read snapshot after
    // the commit (and keep the WAL from being checkpointed).
    for (const auto &[sql, statement] : m_statements)
        statement->finish();
    if (execute(QStringLiteral("COMMIT")))
        return true;
    rollback();
    return false;
}

void SqliteStore::rollback()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

bool SqliteStore::savepoint()
{
    return execute(QStringLiteral("SAVEPOINT request"));
}

bool SqliteStore::releaseSavepoint()
{
    return execute(QStringLiteral("RELEASE request"));
}

void SqliteStore::rollbackToSavepoint()
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK TO request"));
    q.exec(QStringLiteral("RELEASE request"));
}

Result<Agent> SqliteStore::createAgent(const Agent &agent, const QString &passwordHash)
{
    QSqlQuery &q = prepare(QStringLiteral(
        "INSERT INTO agents (email, name, role, password_hash, presence, disabled, created_at,"
        " capacity, auto_accept) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!run(q, {agent.email, agent.name, roleName(agent.role), passwordHash,
                 presenceName(agent.presence), agent.disabled,
                 toMs(QDateTime::currentDateTimeUtc()), agent.capacity, agent.autoAccept}))
        return Failure{ErrorCode::Conflict,
                       QStringLiteral("An account with that email already exists")};
    Agent created = agent;
    created.id = q.lastInsertId().toLongLong();
    return created;
}

std::optional<AgentRecord> SqliteStore::agentByEmail(const QString &email)
{
    QSqlQuery &q = prepare(agentColumns + QStringLiteral("WHERE email = ?"));
    if (!run(q, {email}) || !q.next())
        return std::nullopt;
    return agentFrom(q);
}

std::optional<Agent> SqliteStore::agentById(qint64 id)
{
    QSqlQuery &q = prepare(agentColumns + QStringLiteral("WHERE id = ?"));
    if (!run(q, {id}) || !q.next())
        return std::nullopt;
    return agentFrom(q).agent;
}

QList<Agent> SqliteStore::agents(bool includeDisabled)
{
    QSqlQuery &q = prepare(agentColumns
                           + (includeDisabled ? QStringLiteral("ORDER BY id")
                                              : QStringLiteral("WHERE disabled = 0 "
                                                               "ORDER BY id")));
    QList<Agent> list;
    if (run(q)) {
        while (q.next())
            list.append(agentFrom(q).agent);
    }
    return list;
}

bool SqliteStore::setPassword(qint64 agentId, const QString &passwordHash)
{
    QSqlQuery &q = prepare(QStringLiteral("UPDATE agents SET password_hash = ? WHERE id = ?"));
    return run(q, {passwordHash, agentId}) && q.numRowsAffected() == 1;
}

bool SqliteStore::setDisabled(qint64 agentId, bool disabled)
{
    QSqlQuery &q = prepare(QStringLiteral("UPDATE agents SET disabled = ? WHERE id = ?"));
    return run(q, {disabled, agentId}) && q.numRowsAffected() == 1;
}

bool SqliteStore::setPresence(qint64 agentId, Presence presence)
{
    QSqlQuery &q = prepare(QStringLiteral("UPDATE agents SET presence = ? WHERE id = ?"));
    return run(q, {presenceName(presence), agentId}) && q.numRowsAffected() == 1;
}

bool SqliteStore::setAgentSettings(qint64 agentId, int capacity, bool autoAccept)
{
    QSqlQuery &q =
        prepare(QStringLiteral("UPDATE agents SET capacity = ?, auto_accept = ? WHERE id = ?"));
    return run(q, {capacity, autoAccept, agentId}) && q.numRowsAffected() == 1;
}

bool SqliteStore::createSession(const QByteArray &tokenHash, qint64 agentId,
                                const QDateTime &expiresAt)
{
    QSqlQuery &q = prepare(QStringLiteral(
        "INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)"));
    return run(q, {tokenHash, agentId, toMs(QDateTime::currentDateTimeUtc()), toMs(expiresAt)});
}

std::optional<SessionRecord> SqliteStore::session(const QByteArray &tokenHash)
{
    QSqlQuery &q = prepare(
        QStringLiteral("SELECT agent_id, expires_at, revoked FROM sessions WHERE token_hash = ?"));
    if (!run(q, {tokenHash}) || !q.next())
        return std::nullopt;
    return SessionRecord{q.value(0).toLongLong(), fromMs(q.value(1)), q.value(2).toBool()};
}

bool SqliteStore::revokeSession(const QByteArray &tokenHash)
{
    QSqlQuery &q = prepare(
        QStringLiteral("UPDATE sessions SET revoked = 1 WHERE token_hash = ? AND revoked = 0"));
    return run(q, {tokenHash}) && q.numRowsAffected() == 1;
}

bool SqliteStore::revokeSessionsOf(qint64 agentId)
{
    QSqlQuery &q = prepare(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE agent_id = ?"));
    return run(q, {agentId});
}

QList<QByteArray> SqliteStore::endedSessions(const QList<QByteArray> &tokenHashes,
                                             const QDateTime &now)
{
    QList<QByteArray> ended;
    QSqlQuery &q =
        prepare(QStringLiteral("SELECT s.revoked OR s.expires_at <= ? OR a.disabled FROM sessions s"
                               " JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = ?"));
    for (const QByteArray &hash : tokenHashes) {
        if (!run(q, {toMs(now), hash}))
            continue;
        if (!q.next() || q.value(0).toBool())
            ended.append(hash);
        q.finish();
    }
    return ended;
}

Result<Customer> SqliteStore::createCustomer(const Customer &customer, const QByteArray &tokenHash)
{
    QSqlQuery &q = prepare(QStringLiteral(
        "INSERT INTO customers (name, email, token_hash, created_at) VALUES (?, ?, ?, ?)"));
    if (!run(q, {text(customer.name), text(customer.email), tokenHash,
                 toMs(QDateTime::currentDateTimeUtc())}))
        return Failure{ErrorCode::Internal, QStringLiteral("Could not record the customer")};
    Customer created = customer;
    created.id = q.lastInsertId().toLongLong();
    return created;
}

std::optional<Customer> SqliteStore::customerByToken(const QByteArray &tokenHash)
{
    QSqlQuery &q =
        prepare(QStringLiteral("SELECT id, name, email FROM customers WHERE token_hash = ?"));
    if (!run(q, {tokenHash}) || !q.next())
        return std::nullopt;
    return Customer{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

Result<Conversation> SqliteStore::createConversation(const Conversation &c)
{
    QSqlQuery &q = prepare(QStringLiteral(
        "INSERT INTO conversations (customer_id, channel, status, created_at, updated_at,"
        " mode, live_state, priority, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString liveState = liveStateName(c.liveState);
    if (!run(q, {c.customer.id, c.channel, c.status, toMs(c.createdAt), toMs(c.updatedAt),
                 modeName(c.mode), liveState.isEmpty() ? QVariant() : QVariant(liveState),
                 c.priority, optionalMs(c.queuedAt)}))
        return Failure{ErrorCode::Internal, QStringLiteral("Could not record the conversation")};
    Conversation created = c;
    created.id = q.lastInsertId().toLongLong();
    return created;
}

std::optional<Conversation> SqliteStore::conversation(qint64 id)
{
    QSqlQuery &q = prepare(conversationColumns + QStringLiteral("WHERE cv.id = ?"));
    if (!run(q, {id}) || !q.next())
        return std::nullopt;
    return conversationFrom(q);
}

bool SqliteStore::updateConversation(const Conversation &c)
{
    QSqlQuery &q = prepare(QStringLiteral(
        "UPDATE conversations SET status = ?, updated_at = ?, mode = ?, live_state = ?,"
        " assignee_id = ?, priority = ?, queued_at = ?, assigned_at = ?, ended_at = ?,"
        " rating_score = ?, rating_comment = ? WHERE id = ?"));
    const QString liveState = liveStateName(c.liveState);
    return run(q, {c.status, toMs(c.updatedAt), modeName(c.mode),
                   liveState.isEmpty() ? QVariant() : QVariant(liveState),
                   c.assignee ? QVariant(c.assignee->id) : QVariant(), c.priority,
                   optionalMs(c.queuedAt), optionalMs(c.assignedAt), optionalMs(c.endedAt),
                   c.rating ? QVariant(c.rating->score) : QVariant(),
                   c.rating ? QVariant(text(c.rating->comment)) : QVariant(), c.id})
           && q.numRowsAffected() == 1;
}

QList<Conversation> SqliteStore::liveConversations()
{
    QSqlQuery &q = prepare(conversationColumns
                           + QStringLiteral("WHERE cv.live_state IN ('queued', 'active')"));
    QList<Conversation> list;
    if (run(q)) {
        while (q.next())
            list.append(conversationFrom(q));
    }
    return list;
}

QList<qint64> SqliteStore::recentHandleTimesMs(int limit)
{
    QSqlQuery &q = prepare(
        QStringLiteral("SELECT ended_at - assigned_at FROM conversations WHERE ended_at IS NOT NULL"
                       " AND assigned_at IS NOT NULL ORDER BY ended_at DESC LIMIT ?"));
    QList<qint64> list;
    if (run(q, {limit})) {
        while (q.next())
            list.append(q.value(0).toLongLong());
    }
    return list;
}

QHash<qint64, QDateTime> SqliteStore::lastAssignments()
{
    QSqlQuery &q = prepare(QStringLiteral(
        "SELECT assignee_id, MAX(assigned_at) FROM conversations"
        " WHERE assignee_id IS NOT NULL AND assigned_at IS NOT NULL GROUP BY assignee_id"));
    QHash<qint64, QDateTime> last;
    if (run(q)) {
        while (q.next())
            last.insert(q.value(0).toLongLong(), fromMs(q.value(1)));
    }
    return last;
}

Result<CannedResponse> SqliteStore::saveCanned(const CannedResponse &canned)
{
    QSqlQuery &taken =
        prepare(QStringLiteral("SELECT id FROM canned_responses WHERE shortcut = ? AND id <> ?"));
    if (!run(taken, {canned.shortcut, canned.id}))
        return Failure{ErrorCode::Internal, QStringLiteral("Could not read canned responses")};
    if (taken.next())
        return Failure{ErrorCode::Conflict, QStringLiteral("That shortcut is already in use")};
    CannedResponse saved = canned;
    if (canned.id == 0) {
        QSqlQuery &q = prepare(QStringLiteral(
            "INSERT INTO canned_responses (shortcut, text, updated_at) VALUES (?, ?, ?)"));
        if (!run(q, {canned.shortcut, canned.text, toMs(canned.updatedAt)}))
            return Failure{ErrorCode::Internal, QStringLiteral("Could not save the response")};
        saved.id = q.lastInsertId().toLongLong();
        return saved;
    }
    QSqlQuery &q = prepare(QStringLiteral(
        "UPDATE canned_responses SET shortcut = ?, text = ?, updated_at = ? WHERE id = ?"));
    if (!run(q, {canned.shortcut, canned.text, toMs(canned.updatedAt), canned.id}))
        return Failure{ErrorCode::Internal, QStringLiteral("Could not save the response")};
    if (q.numRowsAffected() != 1)
        return Failure{ErrorCode::NotFound, QStringLiteral("No such canned response")};
    return saved;
}

bool SqliteStore::deleteCanned(qint64 id)
{
    QSqlQuery &q = prepare(QStringLiteral("DELETE FROM canned_responses WHERE id = ?"));
    return run(q, {id}) && q.numRowsAffected() == 1;
}

QList<CannedResponse> SqliteStore::cannedResponses()
{
    QSqlQuery &q = prepare(QStringLiteral(
        "SELECT id, shortcut, text, updated_at FROM canned_responses ORDER BY shortcut"));
    QList<CannedResponse> list;
    if (run(q)) {
        while (q.next())
            list.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                         fromMs(q.value(3))});
    }
    return list;
}

QList<Conversation> SqliteStore::openConversations(std::optional<qint64> customerId,
                                                   const std::optional<ConversationCursor> &after,
                                                   int limit)
{
    // A customer sees all of theirs; staff every open one. Pages follow the index
    // (status, updated_at), so a page costs the same wherever it is.
    QString sql = conversationColumns
                  + (customerId ? QStringLiteral("WHERE cv.customer_id = ? ")
                                : QStringLiteral("WHERE cv.status = 'open' "));
    QVariantList binds;
    if (customerId)
        binds.append(*customerId);
    if (after) {
        // A row value, so the scan starts at the cursor instead of filtering up to it.
        sql += QStringLiteral("AND (cv.updated_at, cv.id) < (?, ?) ");
        binds << toMs(after->updatedAt) << after->id;
    }
    sql += QStringLiteral("ORDER BY cv.updated_at DESC, cv.id DESC LIMIT ?");
    binds.append(limit);
    QSqlQuery &q = prepare(sql);
    QList<Conversation> list;
    if (run(q, binds)) {
        while (q.next())
            list.append(conversationFrom(q));
    }
    return list;
}

Result<Message> SqliteStore::insertMessage(const Message &m)
{
    QSqlQuery &q = prepare(QStringLiteral(
        "INSERT INTO messages (conversation_id, client_id, author_kind, author_id, text,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!run(q, {m.conversationId, m.clientId.toString(QUuid::WithoutBraces), kindName(m.author),
                 m.author.id, m.text, toMs(m.createdAt)}))
        return Failure{ErrorCode::Internal, QStringLiteral("Could not record the message")};
    Message created = m;
    created.id = q.lastInsertId().toLongLong();
    QSqlQuery &touch =
        prepare(QStringLiteral("UPDATE conversations SET updated_at = ? WHERE id = ?"));
    if (!run(touch, {toMs(m.createdAt), m.conversationId}))
        return Failure{ErrorCode::Internal, QStringLiteral("Could not update the conversation")};
    return created;
}

std::optional<Message> SqliteStore::oneMessage(const QString &where, const QVariant &bind)
{
    QSqlQuery &q = prepare(messageColumns + where);
    if (!run(q, {bind}) || !q.next())
        return std::nullopt;
    return messageFrom(q);
}

std::optional<Message> SqliteStore::message(qint64 id)
{
    return oneMessage(QStringLiteral("WHERE m.id = ?"), id);
}

std::optional<Message> SqliteStore::messageByClientId(const QUuid &clientId)
{
    return oneMessage(QStringLiteral("WHERE m.client_id = ?"),
                      clientId.toString(QUuid::WithoutBraces));
}

QList<Message> SqliteStore::messages(qint64 conversationId, std::optional<qint64> beforeId,
                                     int limit)
{
    QSqlQuery &q = prepare(messageColumns
                           + QStringLiteral("WHERE m.conversation_id = ? AND m.id < ?"
                                            " ORDER BY m.id DESC LIMIT ?"));
    QList<Message> list;
    if (run(q, {conversationId, beforeId.value_or(std::numeric_limits<qint64>::max()), limit})) {
        while (q.next())
            list.prepend(messageFrom(q));
    }
    return list;
}

std::optional<Message> SqliteStore::lastMessage(qint64 conversationId)
{
    const QList<Message> last = messages(conversationId, std::nullopt, 1);
    return last.isEmpty() ? std::nullopt : std::optional<Message>(last.first());
}

QHash<qint64, Message> SqliteStore::lastMessages(const QList<qint64> &conversationIds)
{
    QHash<qint64, Message> last;
    if (conversationIds.isEmpty())
        return last;
    QStringList marks;
    QVariantList binds;
    for (qint64 id : conversationIds) {
        marks.append(QStringLiteral("?"));
        binds.append(id);
    }
    QSqlQuery &q = prepare(messageColumns
                           + QStringLiteral("WHERE m.id IN (SELECT MAX(id) FROM messages WHERE"
                                            " conversation_id IN (%1) GROUP BY conversation_id)")
                                 .arg(marks.join(QLatin1Char(','))));
    if (run(q, binds)) {
        while (q.next()) {
            const Message m = messageFrom(q);
            last.insert(m.conversationId, m);
        }
    }
    return last;
}

qint64 SqliteStore::readMarker(qint64 conversationId, const Party &reader)
{
    QSqlQuery &q = prepare(QStringLiteral(
        "SELECT up_to FROM read_markers WHERE conversation_id = ? AND reader_kind = ?"
        " AND reader_id = ?"));
    if (!run(q, {conversationId, kindName(reader), reader.id}) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool SqliteStore::setReadMarker(qint64 conversationId, const Party &reader, qint64 upTo)
{
    QSqlQuery &q = prepare(
        QStringLiteral("INSERT INTO read_markers (conversation_id, reader_kind, reader_id, up_to)"
                       " VALUES (?, ?, ?, ?) ON CONFLICT (conversation_id, reader_kind, reader_id)"
                       " DO UPDATE SET up_to = excluded.up_to"));
    return run(q, {conversationId, kindName(reader), reader.id, upTo});
}

bool SqliteStore::insertEvent(Event &event)
{
    QSqlQuery &q = prepare(QStringLiteral(
        "INSERT INTO events (kind, conversation_id, customer_id, staff_only, data, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"));
    const QByteArray json = QJsonDocument(event.data).toJson(QJsonDocument::Compact);
    if (!run(q, {event.kind, event.conversationId ? QVariant(event.conversationId) : QVariant(),
                 event.customerId ? QVariant(event.customerId) : QVariant(), event.staffOnly,
                 QString::fromUtf8(json), toMs(QDateTime::currentDateTimeUtc())}))
        return false;
    event.seq = q.lastInsertId().toLongLong();
    return true;
}

QList<Event> SqliteStore::eventsAfter(qint64 seq, std::optional<qint64> customerId, int limit)
{
    QSqlQuery &q = prepare(
        QStringLiteral("SELECT seq, kind, conversation_id, customer_id, staff_only, data"
                       " FROM events WHERE seq > ? ")
        + (customerId ? QStringLiteral("AND customer_id = ? AND staff_only = 0 ") : QString())
        + QStringLiteral("ORDER BY seq LIMIT ?"));
    QVariantList binds{seq};
    if (customerId)
        binds.append(*customerId);
    binds.append(limit);
    QList<Event> list;
    if (run(q, binds)) {
        while (q.next()) {
            Event e;
            e.seq = q.value(0).toLongLong();
            e.kind = q.value(1).toString();
            e.conversationId = q.value(2).toLongLong();
            e.customerId = q.value(3).toLongLong();
            e.staffOnly = q.value(4).toBool();
            e.data = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
            list.append(e);
        }
    }
    return list;
}

qint64 SqliteStore::headSeq()
{
    QSqlQuery &q = prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events"));
    return run(q) && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace Tandem::Server
