// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuschanges.h"

#include "protocol/events.h"
#include "slacalendar.h"
#include "timeline.h"

namespace Tandem::Server::StatusChanges {

JobRecord wakeJob(qint64 conversationId, const QDateTime &until)
{
    return {WakeJob,
            QString::number(conversationId),
            until,
            {{QStringLiteral("until"), until.toMSecsSinceEpoch()}}};
}

Result<Conversation> commit(Store &store, Conversation c, const Party &by, QJsonObject activity,
                            const QString &text)
{
    const QString change = QStringLiteral("status");
    c.updatedAt = store.now();
    // Open runs the SLA clocks, anything else pauses them (docs/protocol.md, "SLA").
    if (auto moved = SlaCalendar::statusChanged(store, c, c.updatedAt); !moved)
        return moved.failure();
    if (auto updated = store.updateConversation(c); !updated)
        return storageFailed(updated.failure());
    activity.insert(QStringLiteral("change"), change);
    activity.insert(QStringLiteral("status"), c.status);
    if (auto recorded = Timeline::record(store, c, by, activity, text); !recorded)
        return recorded.failure();
    Event e = Events::conversationUpdated(c, change, by);
    e.staffOnly = true; // how the team works a conversation is not the customer's concern
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return c;
}

Result<std::optional<Conversation>> wake(Store &store, qint64 conversationId,
                                         const QDateTime &until)
{
    auto c = store.conversation(conversationId);
    if (!c && !c.isNotFound())
        return storageFailed(c.failure());
    if (!c || c->status != ConversationStatus::Snoozed || c->snoozedUntil != until)
        return std::optional<Conversation>(); // it moved on meanwhile
    c->status = ConversationStatus::Open;
    c->snoozedUntil = QDateTime();
    c->wokeBecause = WokeBecause::Time;
    const Party system{Party::Kind::System, 0, {}};
    auto saved = commit(store, c.value(), system, {{QStringLiteral("because"), WokeBecause::Time}},
                        QStringLiteral("Its snooze ran out: open again"));
    if (!saved)
        return saved.failure();
    return std::optional<Conversation>(saved.value());
}

Result<Conversation> customerWrote(Store &store, Conversation c, bool automatic)
{
    if (automatic || c.status == ConversationStatus::Open)
        return c;
    const bool cameBack =
        c.status == ConversationStatus::Snoozed || c.status == ConversationStatus::Resolved;
    const bool hadTimer = c.status == ConversationStatus::Snoozed && c.snoozedUntil.isValid();
    c.status = ConversationStatus::Open;
    c.snoozedUntil = QDateTime();
    c.wokeBecause = cameBack ? WokeBecause::Customer : QString();
    const Party customer{Party::Kind::Customer, c.customer.id, c.customer.name};
    auto saved = commit(store, c, customer, {{QStringLiteral("because"), WokeBecause::Customer}},
                        QStringLiteral("The customer wrote: open again"));
    if (!saved)
        return saved.failure();
    if (hadTimer) // its timer finds it open and does nothing; the row need not wait for it
        if (auto dropped = store.deleteJob(WakeJob, QString::number(c.id)); !dropped)
            return storageFailed(dropped.failure());
    return saved.value();
}

} // namespace Tandem::Server::StatusChanges
