// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationsummary.h"

#include "cachelogging.h"
#include "domain/label.h"
#include "pendingoverlay.h"
#include "platform/clock.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Tandem {
namespace {

const QString summaryColumns = QStringLiteral(
    "SELECT id, customer_id, customer_name, channel, status, updated_at, last_message_id,"
    " last_text, last_author_kind, unread, last_message_at, mode, live_state, assignee_id,"
    " assignee_name, priority, queued_at, assigned_at, ended_at, rating_score, rating_comment,"
    " transfer_from, transfer_to, transfer_note, inbox_id, snoozed_until, woke_because, labels,"
    " merged_into, mentioned, mentioned > COALESCE((SELECT up_to FROM read_markers r"
    " WHERE r.conversation_id = conversations.id), 0), (SELECT COUNT(*) FROM pending_actions p"
    " WHERE p.conversation_id = conversations.id), created_at, first_reply_at, promised_by,"
    " promise_answered_at, sla FROM conversations ");

QDateTime optionalTime(const QVariant &ms)
{
    return ms.toLongLong() > 0 ? CacheRows::time(ms) : QDateTime();
}

ConversationSummary summaryFrom(const QSqlQuery &q)
{
    ConversationSummary s;
    s.id = q.value(0).toLongLong();
    s.customerId = q.value(1).toLongLong();
    s.customerName = q.value(2).toString();
    s.channel = q.value(3).toString();
    s.status = q.value(4).toString();
    s.updatedAt = CacheRows::time(q.value(5));
    s.lastMessageId = q.value(6).toLongLong();
    s.lastText = q.value(7).toString();
    s.lastAuthorKind = CacheRows::authorKind(q.value(8));
    s.unread = q.value(9).toInt();
    s.lastMessageAt = optionalTime(q.value(10));
    s.mode = modeFromName(q.value(11).toString()).value_or(ConversationMode::Async);
    s.liveState = liveStateFromName(q.value(12).toString()).value_or(LiveState::None);
    s.assigneeId = q.value(13).toLongLong();
    s.assigneeName = q.value(14).toString();
    s.priority = q.value(15).toInt();
    s.queuedAt = optionalTime(q.value(16));
    s.assignedAt = optionalTime(q.value(17));
    s.endedAt = optionalTime(q.value(18));
    s.ratingScore = q.value(19).toInt();
    s.ratingComment = q.value(20).toString();
    s.transferFrom = q.value(21).toString();
    s.transferTo = q.value(22).toLongLong();
    s.transferNote = q.value(23).toString();
    s.inboxId = q.value(24).toLongLong();
    s.snoozedUntil = optionalTime(q.value(25));
    s.wokeBecause = q.value(26).toString();
    s.labels = labelIdsFrom(q.value(27).toString());
    s.mergedInto = q.value(28).toLongLong();
    s.mentioned = q.value(29).toLongLong();
    s.mentionUnread = q.value(30).toBool();
    s.pendingActions = q.value(31).toInt();
    s.createdAt = CacheRows::time(q.value(32));
    s.firstReplyAt = optionalTime(q.value(33));
    s.promisedBy = optionalTime(q.value(34));
    s.promiseAnsweredAt = optionalTime(q.value(35));
    if (!q.value(36).isNull())
        if (const auto sla =
                SlaRecordJson::decode(QJsonDocument::fromJson(q.value(36).toByteArray()).object()))
            s.sla = sla.value();
    return s;
}

} // namespace

bool ConversationSummary::operator==(const ConversationSummary &o) const
{
    return id == o.id && customerId == o.customerId && customerName == o.customerName
           && channel == o.channel && status == o.status && updatedAt == o.updatedAt
           && lastMessageId == o.lastMessageId && lastText == o.lastText
           && lastAuthorKind == o.lastAuthorKind && lastMessageAt == o.lastMessageAt
           && unread == o.unread && mode == o.mode && liveState == o.liveState
           && assigneeId == o.assigneeId && assigneeName == o.assigneeName && priority == o.priority
           && queuedAt == o.queuedAt && assignedAt == o.assignedAt && endedAt == o.endedAt
           && ratingScore == o.ratingScore && ratingComment == o.ratingComment
           && transferFrom == o.transferFrom && transferTo == o.transferTo
           && transferNote == o.transferNote && inboxId == o.inboxId
           && snoozedUntil == o.snoozedUntil && wokeBecause == o.wokeBecause && labels == o.labels
           && mergedInto == o.mergedInto && mentioned == o.mentioned
           && mentionUnread == o.mentionUnread && pendingActions == o.pendingActions
           && createdAt == o.createdAt && firstReplyAt == o.firstReplyAt
           && promisedBy == o.promisedBy && promiseAnsweredAt == o.promiseAnsweredAt
           && sla == o.sla;
}

namespace CacheRows {

QDateTime time(const QVariant &ms)
{
    return Clock::fromMs(ms.toLongLong());
}

Party::Kind authorKind(const QVariant &name)
{
    return name.toString() == QLatin1String("agent") ? Party::Kind::Agent : Party::Kind::Customer;
}

QList<ConversationSummary> summariesWhere(const QSqlDatabase &db, const QString &rest,
                                          std::initializer_list<QVariant> binds, bool *ok)
{
    QList<ConversationSummary> result;
    if (ok)
        *ok = false;
    if (!db.isOpen())
        return result;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sql = summaryColumns + rest;
    const bool prepared = q.prepare(sql);
    int i = 0;
    for (const QVariant &value : binds)
        q.bindValue(i++, value);
    if (!prepared || !q.exec()) {
        qCWarning(lcCache) << "reading conversations failed:" << q.lastError().text() << sql;
        return result;
    }
    while (q.next())
        result.append(summaryFrom(q));
    if (ok)
        *ok = !q.lastError().isValid();
    applyPending(db, result);
    return result;
}

QList<ConversationSummary> summaries(const QSqlDatabase &db, int limit, bool *ok)
{
    const QString order = QStringLiteral("ORDER BY updated_at DESC, id DESC");
    return limit > 0 ? summariesWhere(db, order + QStringLiteral(" LIMIT ?"), {limit}, ok)
                     : summariesWhere(db, order, {}, ok);
}

} // namespace CacheRows

} // namespace Tandem
