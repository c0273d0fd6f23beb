// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqliterows.h"

#include "logging/logging.h"

#include <QJsonDocument>

namespace Tandem::Server::SqliteRows {

qint64 toMs(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(const QVariant &v)
{
    return Clock::fromMs(v.toLongLong());
}

QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString placeholders(const QList<qint64> &ids, QVariantList &binds)
{
    QString marks;
    for (qint64 id : ids) {
        marks += marks.isEmpty() ? QStringLiteral("?") : QStringLiteral(", ?");
        binds.append(id);
    }
    return marks;
}

QString kindName(const Party &p)
{
    return partyKindName(p.kind);
}

const QString messageColumns = QStringLiteral(
    "SELECT m.id, m.conversation_id, m.client_id, m.author_kind, m.author_id, m.text,"
    " m.created_at, COALESCE(a.name, c.name, ''), m.kind, m.detail, m.merged_from FROM messages m"
    " LEFT JOIN agents a ON m.author_kind = 'agent' AND a.id = m.author_id"
    " LEFT JOIN customers c ON m.author_kind = 'customer' AND c.id = m.author_id ");

const QString conversationColumns = QStringLiteral(
    "SELECT cv.id, cv.customer_id, cu.name, cu.email, cv.channel, cv.status, cv.created_at,"
    " cv.updated_at, cv.mode, cv.live_state, cv.assignee_id, asg.name, cv.priority,"
    " cv.queued_at, cv.assigned_at, cv.ended_at, cv.rating_score, cv.rating_comment,"
    " cv.inbox_id, cv.snoozed_until, cv.woke_because, cv.labels, cv.merged_into, cv.merged_at,"
    " cv.status_before_merge, cv.first_reply_at, cv.promised_by, cv.promise_answered_at,"
    " cv.sla FROM conversations cv"
    " JOIN customers cu ON "
    "cu.id = cv.customer_id"
    " LEFT JOIN agents asg ON asg.id = cv.assignee_id ");

const QString agentInboxes =
    QStringLiteral("SELECT i.id FROM inboxes i JOIN team_members tm ON tm.team_id = i.team_id"
                   " WHERE tm.agent_id = ?");

const QString agentColumns = QStringLiteral(
    "SELECT id, name, email, role, presence, disabled, password_hash, capacity, auto_accept,"
    " async_capacity FROM agents ");

QVariant optionalMs(const QDateTime &t)
{
    return t.isValid() ? QVariant(toMs(t)) : QVariant();
}

QDateTime optionalTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : fromMs(v);
}

SlaRecord slaRecordFrom(const QVariant &column, qint64 conversationId)
{
    if (column.isNull())
        return {};
    const auto decoded =
        SlaRecordJson::decode(QJsonDocument::fromJson(column.toByteArray()).object());
    if (!decoded) {
        qCWarning(lcStore) << "conversation" << conversationId << "has an unreadable SLA record ("
                           << decoded.failure().message << "); its clocks start over";
        return {};
    }
    return decoded.value();
}

QVariant slaRecordColumn(const SlaRecord &record)
{
    if (record.isEmpty())
        return QVariant();
    return QString::fromUtf8(
        QJsonDocument(SlaRecordJson::encode(record)).toJson(QJsonDocument::Compact));
}

Message messageFrom(const SqliteStatement &q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.clientId = QUuid::fromString(q.value(2).toString());
    const QString kind = q.value(3).toString();
    m.author.kind = kind == QLatin1String("agent")    ? Party::Kind::Agent
                    : kind == QLatin1String("system") ? Party::Kind::System
                                                      : Party::Kind::Customer;
    m.author.id = q.value(4).toLongLong();
    m.text = q.value(5).toString();
    m.createdAt = fromMs(q.value(6));
    m.author.name = q.value(7).toString();
    m.kind = messageKindFromName(q.value(8).toString()).value_or(MessageKind::Activity);
    readMessageDetail(m, q.value(9).toString());
    m.mergedFrom = q.value(10).toLongLong();
    return m;
}

Conversation conversationFrom(const SqliteStatement &q)
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
    c.inboxId = q.value(18).toLongLong();
    c.snoozedUntil = optionalTime(q.value(19));
    c.wokeBecause = q.value(20).toString();
    c.labels = labelIdsFrom(q.value(21).toString());
    c.mergedInto = q.value(22).toLongLong();
    c.mergedAt = optionalTime(q.value(23));
    c.statusBeforeMerge = q.value(24).toString();
    c.firstReplyAt = optionalTime(q.value(25));
    c.promisedBy = optionalTime(q.value(26));
    c.promiseAnsweredAt = optionalTime(q.value(27));
    c.sla = slaRecordFrom(q.value(28), c.id);
    return c;
}

AgentRecord agentFrom(const SqliteStatement &q)
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
    r.agent.asyncCapacity = q.value(9).toInt();
    return r;
}

} // namespace Tandem::Server::SqliteRows
