// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachetables.h"

#include "cachelogging.h"
#include "calendar/calendarjson.h"
#include "localcache.h"
#include "sla/slapolicyjson.h"

#include <QJsonDocument>
#include <QSqlError>

namespace Tandem {
namespace {

// Qt binds a null QString as SQL NULL, which the NOT NULL columns refuse (and INSERT OR
// IGNORE would then drop the row without a word).
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString summaryOf(const QString &s)
{
    if (s.size() <= CacheTables::SummaryChars)
        return s;
    qsizetype cut = CacheTables::SummaryChars;
    if (s.at(cut - 1).isHighSurrogate())
        --cut; // never leave half a character at the end
    return s.left(cut);
}

// Customer messages after the own read marker: what the agent has not seen yet.
const QString unreadCount =
    QStringLiteral("(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = conversations.id"
                   " AND m.author_kind = 'customer' AND m.kind = 'message'"
                   " AND m.id > COALESCE((SELECT up_to FROM read_markers r"
                   " WHERE r.conversation_id = conversations.id), 0))");

} // namespace

CacheTables::CacheTables(const QSqlDatabase &db)
    : m_db(db)
{
}

bool CacheTables::prepare()
{
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&m_metaGet, QStringLiteral("SELECT value FROM meta WHERE key = ?")},
        {&m_metaSet, QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value")},
        {&m_conversationUpsert,
         QStringLiteral("INSERT INTO conversations (id, customer_id, customer_name,"
                        " customer_email, channel, status, created_at, updated_at, mode,"
                        " live_state, assignee_id, assignee_name, priority, queued_at,"
                        " assigned_at, ended_at, rating_score, rating_comment, inbox_id,"
                        " snoozed_until, woke_because, labels, merged_into, sla, first_reply_at,"
                        " promised_by, promise_answered_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        " ?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT(id) DO UPDATE SET"
                        " customer_id = excluded.customer_id,"
                        " customer_name = excluded.customer_name,"
                        " customer_email = CASE WHEN excluded.customer_email = ''"
                        "   THEN customer_email ELSE excluded.customer_email END,"
                        " channel = excluded.channel, status = excluded.status,"
                        " created_at = excluded.created_at,"
                        " updated_at = MAX(updated_at, excluded.updated_at),"
                        " mode = excluded.mode, live_state = excluded.live_state,"
                        " assignee_id = excluded.assignee_id,"
                        " assignee_name = excluded.assignee_name,"
                        " priority = excluded.priority, queued_at = excluded.queued_at,"
                        " assigned_at = excluded.assigned_at, ended_at = excluded.ended_at,"
                        " rating_score = excluded.rating_score,"
                        " rating_comment = excluded.rating_comment,"
                        " inbox_id = excluded.inbox_id, snoozed_until = excluded.snoozed_until,"
                        " woke_because = excluded.woke_because, labels = excluded.labels,"
                        " merged_into = excluded.merged_into, sla = excluded.sla,"
                        " first_reply_at = excluded.first_reply_at,"
                        " promised_by = excluded.promised_by,"
                        " promise_answered_at = excluded.promise_answered_at")},
        {&m_transferSet,
         QStringLiteral("UPDATE conversations SET transfer_from = ?, transfer_to = ?,"
                        " transfer_note = ? WHERE id = ?")},
        {&m_messageInsert,
         QStringLiteral(
             "INSERT OR IGNORE INTO messages (id, conversation_id, client_id,"
             " author_kind, author_id, author_name, text, created_at, delivery,"
             " delivery_error, kind, detail, merged_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
             " ?, ?, ?, ?, ?)")},
        // Only forward: a page read before an event may arrive after it.
        {&m_deliverySet, QStringLiteral("UPDATE messages SET delivery = ?, delivery_error = ?"
                                        " WHERE id = ? AND delivery < ?")},
        {&m_searchInsert, QStringLiteral("INSERT INTO messages_fts (rowid, text) VALUES (?, ?)")},
        {&m_newestMessage, QStringLiteral("SELECT id, text, author_kind, created_at FROM messages"
                                          " WHERE conversation_id = ? AND kind = 'message'"
                                          " ORDER BY id DESC LIMIT 1")},
        {&m_summarySet,
         QStringLiteral("UPDATE conversations SET last_message_id = ?, last_text = ?,"
                        " last_author_kind = ?, last_message_at = ?,"
                        " updated_at = MAX(updated_at, ?), unread = ")
             + unreadCount + QStringLiteral(" WHERE id = ?")},
        {&m_markerMove,
         QStringLiteral("INSERT INTO read_markers (conversation_id, up_to) VALUES (?, ?)"
                        " ON CONFLICT(conversation_id) DO UPDATE"
                        " SET up_to = MAX(up_to, excluded.up_to)")},
        {&m_unreadRecount, QStringLiteral("UPDATE conversations SET unread = ") + unreadCount
                               + QStringLiteral(" WHERE id = ?")},
        {&m_agentInsert,
         QStringLiteral("INSERT OR REPLACE INTO agents (id, name, role, presence, capacity,"
                        " auto_accept, async_capacity) VALUES (?, ?, ?, ?, ?, ?, ?)")},
        {&m_cannedUpsert,
         QStringLiteral("INSERT OR REPLACE INTO canned (id, shortcut, text, updated_at)"
                        " VALUES (?, ?, ?, ?)")},
        {&m_cannedDelete, QStringLiteral("DELETE FROM canned WHERE id = ?")},
        {&m_presenceSet,
         QStringLiteral("UPDATE agents SET presence = ? WHERE id = ? AND presence <> ?")},
        {&m_outboxInsert,
         QStringLiteral("INSERT INTO outbox (client_id, conversation_id, text, created_at,"
                        " note, cc, email) VALUES (?, ?, ?, ?, ?, ?, ?)")},
        {&m_outboxDelete, QStringLiteral("DELETE FROM outbox WHERE client_id = ?")},
        {&m_outboxAttempt,
         QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE client_id = ?")},
        {&m_draftSet, QStringLiteral("INSERT INTO drafts (conversation_id, text) VALUES (?, ?)"
                                     " ON CONFLICT(conversation_id) DO UPDATE"
                                     " SET text = excluded.text")},
        {&m_draftDelete, QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?")},
    };
    for (const auto &[query, sql] : statements) {
        *query = QSqlQuery(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            qCCritical(lcCache) << "prepare failed:" << query->lastError().text() << sql;
            return false;
        }
    }
    return reloadOutboxIds();
}

bool CacheTables::run(QSqlQuery &query, std::initializer_list<QVariant> binds)
{
    int i = 0;
    for (const QVariant &value : binds)
        query.bindValue(i++, value);
    if (query.exec())
        return true;
    qCCritical(lcCache) << "query failed:" << query.lastError().text() << query.lastQuery();
    return false;
}

std::optional<qint64> CacheTables::meta(const QString &key)
{
    if (!run(m_metaGet, {key}))
        return std::nullopt;
    std::optional<qint64> value;
    if (m_metaGet.next())
        value = m_metaGet.value(0).toLongLong();
    m_metaGet.finish();
    return value;
}

bool CacheTables::setMeta(const QString &key, qint64 value)
{
    return run(m_metaSet, {key, value});
}

bool CacheTables::upsertConversation(const Conversation &c, const QString &customerEmail)
{
    const auto ms = [](const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : 0; };
    return run(
        m_conversationUpsert,
        {c.id,
         c.customer.id,
         text(c.customer.name),
         text(customerEmail),
         text(c.channel),
         text(c.status),
         c.createdAt.toMSecsSinceEpoch(),
         c.updatedAt.toMSecsSinceEpoch(),
         modeName(c.mode),
         text(liveStateName(c.liveState)),
         c.assignee ? c.assignee->id : 0,
         text(c.assignee ? c.assignee->name : QString()),
         c.priority,
         ms(c.queuedAt),
         ms(c.assignedAt),
         ms(c.endedAt),
         c.rating ? c.rating->score : 0,
         text(c.rating ? c.rating->comment : QString()),
         c.inboxId,
         ms(c.snoozedUntil),
         text(c.wokeBecause),
         labelIdsText(c.labels),
         c.mergedInto,
         c.sla.isEmpty()
             ? QVariant()
             : QVariant(QString::fromUtf8(
                 QJsonDocument(SlaRecordJson::encode(c.sla)).toJson(QJsonDocument::Compact))),
         ms(c.firstReplyAt),
         ms(c.promisedBy),
         ms(c.promiseAnsweredAt)});
}

bool CacheTables::setTransfer(qint64 conversationId, const Party &from, const Party &to,
                              const QString &note)
{
    return run(m_transferSet, {text(from.name), to.id, text(note), conversationId});
}

bool CacheTables::clearConversations()
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("DELETE FROM conversations")))
        return true;
    qCCritical(lcCache) << "clearing conversations failed:" << q.lastError().text();
    return false;
}

bool CacheTables::removeConversationsBetween(const std::optional<ListPosition> &newerThan,
                                             const std::optional<ListPosition> &downTo,
                                             const QSet<qint64> &keep, QList<qint64> &removed,
                                             bool resolved)
{
    QString where =
        resolved ? QStringLiteral("status = 'resolved'") : QStringLiteral("status <> 'resolved'");
    QVariantList binds;
    if (newerThan) {
        where += QStringLiteral(" AND (updated_at < ? OR (updated_at = ? AND id < ?))");
        binds << newerThan->updatedAtMs << newerThan->updatedAtMs << newerThan->id;
    }
    if (downTo) {
        where += QStringLiteral(" AND (updated_at > ? OR (updated_at = ? AND id >= ?))");
        binds << downTo->updatedAtMs << downTo->updatedAtMs << downTo->id;
    }
    QSqlQuery select(m_db);
    select.setForwardOnly(true);
    bool ok = select.prepare(QStringLiteral("SELECT id FROM conversations WHERE ") + where);
    for (int i = 0; ok && i < binds.size(); ++i)
        select.bindValue(i, binds.at(i));
    if (!ok || !select.exec()) {
        qCCritical(lcCache) << "reading conversations failed:" << select.lastError().text();
        return false;
    }
    QList<qint64> gone;
    while (select.next()) {
        const qint64 id = select.value(0).toLongLong();
        if (!keep.contains(id))
            gone.append(id);
    }
    QSqlQuery remove(m_db);
    if (!remove.prepare(QStringLiteral("DELETE FROM conversations WHERE id = ?")))
        return false;
    for (qint64 id : std::as_const(gone)) {
        if (!run(remove, {id})) {
            qCCritical(lcCache) << "removing a conversation failed:" << remove.lastError().text();
            return false;
        }
    }
    removed += gone;
    return true;
}

bool CacheTables::insertMessage(const Message &m, bool &isNew)
{
    isNew = false;
    const int delivery = m.delivery ? int(*m.delivery) : -1;
    if (!run(m_messageInsert,
             {m.id, m.conversationId, m.clientId.toRfc4122(), partyKindName(m.author.kind),
              m.author.id, text(m.author.name), text(m.text), m.createdAt.toMSecsSinceEpoch(),
              delivery, text(m.deliveryError), messageKindName(m.kind), text(messageDetail(m)),
              m.mergedFrom}))
        return false;
    isNew = m_messageInsert.numRowsAffected() > 0;
    return !isNew || run(m_searchInsert, {m.id, text(m.text)});
}

bool CacheTables::setDelivery(qint64 messageId, const DeliveryStatus &status, bool &changed)
{
    if (!run(m_deliverySet, {int(status.state), text(status.error), messageId, int(status.state)}))
        return false;
    changed = m_deliverySet.numRowsAffected() > 0;
    return true;
}

bool CacheTables::refreshSummary(qint64 conversationId)
{
    if (!run(m_newestMessage, {conversationId}))
        return false;
    QVariantList newest{0, QStringLiteral(""), partyKindName(Party::Kind::Customer), 0};
    if (m_newestMessage.next()) {
        newest = {m_newestMessage.value(0), summaryOf(m_newestMessage.value(1).toString()),
                  m_newestMessage.value(2), m_newestMessage.value(3)};
    }
    m_newestMessage.finish();
    return run(m_summarySet, {newest.at(0), newest.at(1), newest.at(2), newest.at(3), newest.at(3),
                              conversationId});
}

bool CacheTables::moveReadMarker(qint64 conversationId, qint64 upTo)
{
    return run(m_markerMove, {conversationId, upTo}) && run(m_unreadRecount, {conversationId});
}

bool CacheTables::replaceAgents(const QList<Agent> &agents)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DELETE FROM agents"))) {
        qCCritical(lcCache) << "clearing agents failed:" << q.lastError().text();
        return false;
    }
    for (const Agent &a : agents) {
        if (!upsertAgent(a))
            return false;
    }
    return true;
}

bool CacheTables::upsertAgent(const Agent &a)
{
    return run(m_agentInsert, {a.id, text(a.name), roleName(a.role), presenceName(a.presence),
                               a.capacity, a.autoAccept ? 1 : 0, a.asyncCapacity});
}

bool CacheTables::saveTeam(const Team &team)
{
    QStringList members;
    for (qint64 id : team.members)
        members.append(QString::number(id));
    QSqlQuery q(m_db);
    const QVariant calendar =
        team.calendar ? QVariant(QString::fromUtf8(
            QJsonDocument(CalendarJson::encode(*team.calendar)).toJson(QJsonDocument::Compact)))
                      : QVariant();
    const QVariant sla =
        team.sla ? QVariant(QString::fromUtf8(
            QJsonDocument(SlaPolicyJson::encode(*team.sla)).toJson(QJsonDocument::Compact)))
                 : QVariant();
    return q.prepare(QStringLiteral("INSERT OR REPLACE INTO teams (id, name, members, calendar,"
                                    " sla) VALUES (?, ?, ?, ?, ?)"))
           && run(q, {team.id, text(team.name), members.join(QLatin1Char(',')), calendar, sla});
}

bool CacheTables::saveInbox(const Inbox &inbox)
{
    QSqlQuery q(m_db);
    return q.prepare(QStringLiteral("INSERT OR REPLACE INTO inboxes (id, name, channel, team_id,"
                                    " address, signature) VALUES (?, ?, ?, ?, ?, ?)"))
           && run(q, {inbox.id, text(inbox.name), text(inbox.channel), inbox.teamId,
                      text(inbox.address), text(inbox.signature)});
}

QList<qint64> CacheTables::renameCustomer(const Customer &customer)
{
    QSqlQuery q(m_db);
    QList<qint64> changed;
    if (!q.prepare(QStringLiteral("SELECT id FROM conversations WHERE customer_id = ?"))
        || !run(q, {customer.id}))
        return {-1};
    while (q.next())
        changed.append(q.value(0).toLongLong());
    if (!q.prepare(QStringLiteral("UPDATE conversations SET customer_name = ?, customer_email = ?"
                                  " WHERE customer_id = ?"))
        || !run(q, {text(customer.name), text(customer.email), customer.id}))
        return {-1};
    return changed;
}

bool CacheTables::moveMessages(qint64 from, qint64 into, bool back)
{
    QSqlQuery q(m_db);
    if (back)
        return q.prepare(QStringLiteral("UPDATE messages SET conversation_id = ?, merged_from = 0"
                                        " WHERE conversation_id = ? AND merged_from = ?"))
               && run(q, {from, into, from});
    return q.prepare(QStringLiteral("UPDATE messages SET conversation_id = ?, merged_from = ?"
                                    " WHERE conversation_id = ?"))
           && run(q, {into, from, from});
}

bool CacheTables::addAction(qint64 conversationId, const QString &type, const QString &fields,
                            qint64 createdAtMs)
{
    QSqlQuery q(m_db);
    return q.prepare(QStringLiteral("INSERT INTO pending_actions (conversation_id, type, fields,"
                                    " created_at) VALUES (?, ?, ?, ?)"))
           && run(q, {conversationId, type, fields, createdAtMs});
}

bool CacheTables::removeAction(qint64 id, qint64 &conversationId)
{
    QSqlQuery q(m_db);
    conversationId = 0;
    if (!q.prepare(QStringLiteral("SELECT conversation_id FROM pending_actions WHERE id = ?"))
        || !run(q, {id}))
        return false;
    if (q.next())
        conversationId = q.value(0).toLongLong();
    q.finish();
    return q.prepare(QStringLiteral("DELETE FROM pending_actions WHERE id = ?")) && run(q, {id});
}

bool CacheTables::setMentioned(qint64 conversationId, qint64 noteId)
{
    QSqlQuery q(m_db);
    return q.prepare(QStringLiteral("UPDATE conversations SET mentioned = MAX(mentioned, ?)"
                                    " WHERE id = ?"))
           && run(q, {noteId, conversationId});
}

bool CacheTables::replaceLabels(const QList<Label> &labels)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DELETE FROM labels"))) {
        qCCritical(lcCache) << "clearing labels failed:" << q.lastError().text();
        return false;
    }
    for (const Label &label : labels)
        if (!saveLabel(label))
            return false;
    return true;
}

bool CacheTables::saveLabel(const Label &label)
{
    QSqlQuery q(m_db);
    return q.prepare(QStringLiteral("INSERT OR REPLACE INTO labels (id, name, colour)"
                                    " VALUES (?, ?, ?)"))
           && run(q, {label.id, text(label.name), text(label.colour)});
}

QList<qint64> CacheTables::deleteLabel(qint64 id)
{
    QSqlQuery q(m_db);
    QList<qint64> changed;
    if (!q.prepare(QStringLiteral("DELETE FROM labels WHERE id = ?")) || !run(q, {id}))
        return {-1};
    if (!q.prepare(QStringLiteral("SELECT c.id FROM conversations c, json_each(c.labels) l"
                                  " WHERE l.value = ?"))
        || !run(q, {id}))
        return {-1};
    while (q.next())
        changed.append(q.value(0).toLongLong());
    if (!changed.isEmpty()
        && (!q.prepare(QStringLiteral(
                "UPDATE conversations SET labels = (SELECT json_group_array(value) FROM"
                " (SELECT value FROM json_each(conversations.labels) WHERE value <> ?"
                " ORDER BY value)) WHERE EXISTS (SELECT 1 FROM json_each(conversations.labels)"
                " WHERE value = ?)"))
            || !run(q, {id, id})))
        return {-1};
    return changed;
}

bool CacheTables::clearTeamsAndInboxes()
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("DELETE FROM teams"))
        && q.exec(QStringLiteral("DELETE FROM inboxes")))
        return true;
    qCCritical(lcCache) << "clearing teams failed:" << q.lastError().text();
    return false;
}

bool CacheTables::replaceCanned(const QList<CannedResponse> &canned)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("DELETE FROM canned"))) {
        qCCritical(lcCache) << "clearing canned responses failed:" << q.lastError().text();
        return false;
    }
    for (const CannedResponse &c : canned) {
        if (!upsertCanned(c))
            return false;
    }
    return true;
}

bool CacheTables::upsertCanned(const CannedResponse &c)
{
    return run(m_cannedUpsert,
               {c.id, text(c.shortcut), text(c.text), c.updatedAt.toMSecsSinceEpoch()});
}

bool CacheTables::deleteCanned(qint64 id)
{
    return run(m_cannedDelete, {id});
}

bool CacheTables::setPresence(qint64 agentId, Presence presence, bool &changed)
{
    changed = false;
    const QString name = presenceName(presence);
    if (!run(m_presenceSet, {name, agentId, name}))
        return false;
    changed = m_presenceSet.numRowsAffected() > 0;
    return true;
}

bool CacheTables::addToOutbox(const OutboxEntry &e)
{
    if (!run(m_outboxInsert,
             {e.clientId.toRfc4122(), e.conversationId, text(e.text),
              e.createdAt.toMSecsSinceEpoch(), e.note ? 1 : 0, text(e.cc.join(QLatin1Char(','))),
              e.email.isEmpty()
                  ? QString(QLatin1String(""))
                  : QString::fromUtf8(QJsonDocument(e.email).toJson(QJsonDocument::Compact))}))
        return false;
    m_outboxIds.insert(e.clientId);
    return true;
}

bool CacheTables::removeFromOutbox(const QUuid &clientId, bool &removed)
{
    removed = false;
    if (!m_outboxIds.contains(clientId))
        return true;
    if (!run(m_outboxDelete, {clientId.toRfc4122()}))
        return false;
    m_outboxIds.remove(clientId);
    removed = true;
    return true;
}

bool CacheTables::countAttempt(const QUuid &clientId)
{
    return run(m_outboxAttempt, {clientId.toRfc4122()});
}

bool CacheTables::reloadOutboxIds()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT client_id FROM outbox"))) {
        qCCritical(lcCache) << "reading the outbox failed:" << q.lastError().text();
        return false;
    }
    m_outboxIds.clear();
    while (q.next())
        m_outboxIds.insert(QUuid::fromRfc4122(q.value(0).toByteArray()));
    return true;
}

bool CacheTables::setDraft(qint64 conversationId, const QString &draft)
{
    if (draft.isEmpty())
        return run(m_draftDelete, {conversationId});
    return run(m_draftSet, {conversationId, draft});
}

} // namespace Tandem
