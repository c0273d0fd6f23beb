// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergeoperations.h"

#include "conversations/slacalendar.h"
#include "conversations/statuschanges.h"
#include "conversations/timeline.h"
#include "deskoperations.h"
#include "protocol/events.h"

namespace Tandem::Server::MergeOperations {
namespace {

Failure invalidState(const QString &why)
{
    return {ErrorCode::InvalidState, why};
}

bool underWay(const Conversation &c)
{
    return c.liveState == LiveState::Queued || c.liveState == LiveState::Active;
}

//! Saves both, records `activity` in the one kept, and appends `event` and an update of the
//! one merged away (so whoever sees only that one learns where it went).
Result<Done> commit(Store &store, const Viewer &viewer, const Merged &m,
                    const QJsonObject &activity, const QString &text, Event event,
                    const QString &change)
{
    if (auto saved = store.updateConversation(m.from); !saved)
        return storageFailed(saved.failure());
    if (auto saved = store.updateConversation(m.into); !saved)
        return storageFailed(saved.failure());
    if (auto recorded = Timeline::record(store, m.into, viewer.party, activity, text); !recorded)
        return recorded.failure();
    Event updated = Events::conversationUpdated(m.from, change, viewer.party);
    updated.staffOnly = true;
    if (auto appended = store.appendEvent(updated); !appended)
        return storageFailed(appended.failure());
    if (auto appended = store.appendEvent(event); !appended)
        return storageFailed(appended.failure());
    return Done{};
}

//! The conversation a merge (or its undo) is asked for, if the viewer is staff who see it.
Result<Conversation> merging(Store &store, const Viewer &viewer, qint64 id)
{
    if (!viewer.isStaff())
        return Failure{ErrorCode::Forbidden, QStringLiteral("Only staff merge conversations")};
    return DeskOperations::accessibleConversation(store, viewer, id);
}

} // namespace

Result<Merged> merge(Store &store, const Viewer &viewer, const Commands::Merge &command)
{
    auto from = merging(store, viewer, command.conversationId);
    if (!from)
        return from.failure();
    auto into = DeskOperations::accessibleConversation(store, viewer, command.intoId);
    if (!into)
        return into.failure();
    Merged m{from.value(), into.value(), from->mergedAt.addSecs(UndoSeconds)};
    if (m.from.mergedInto == m.into.id)
        return m; // done already: a retry
    if (m.from.customer.id != m.into.customer.id)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("Only conversations of the same customer are merged")};
    if (m.from.mergedInto || m.into.mergedInto)
        return invalidState(QStringLiteral("That conversation was merged into another already"));
    if (underWay(m.from) || underWay(m.into))
        return invalidState(QStringLiteral("End the live chat first"));
    const QDateTime now = store.now();
    if (auto moved = store.moveMessages(m.from.id, m.into.id); !moved)
        return storageFailed(moved.failure());
    // The customer's wait goes with their messages: the thread they join owes the answer,
    // from the older of the two waits. The merged one's clocks stop (an undo resumes them).
    if (m.from.sla.awaitingSince.isValid()
        && (!m.into.sla.awaitingSince.isValid()
            || m.from.sla.awaitingSince < m.into.sla.awaitingSince)) {
        m.into.sla.awaitingSince = m.from.sla.awaitingSince;
        m.into.sla.awaitingPausedBase = m.into.sla.pausedSeconds;
    }
    m.from.statusBeforeMerge = m.from.status;
    m.from.status = ConversationStatus::Resolved;
    if (auto moved = SlaCalendar::statusChanged(store, m.from, now); !moved)
        return moved.failure();
    m.from.snoozedUntil = QDateTime();
    m.from.mergedInto = m.into.id;
    m.from.mergedAt = now;
    m.from.updatedAt = now;
    m.into.updatedAt = now;
    m.undoUntil = now.addSecs(UndoSeconds);
    // A snoozed one has no wake-up to keep: merged, it is resolved.
    if (auto dropped = store.deleteJob(StatusChanges::WakeJob, QString::number(m.from.id));
        !dropped)
        return storageFailed(dropped.failure());
    const QJsonObject activity{{QStringLiteral("change"), QStringLiteral("merged")},
                               {QStringLiteral("from"), m.from.id}};
    auto done = commit(store, viewer, m, activity,
                       QStringLiteral("%1 merged conversation %2 into this one")
                           .arg(viewer.party.name)
                           .arg(m.from.id),
                       Events::conversationMerged(m.from, m.into, viewer.party, m.undoUntil),
                       QStringLiteral("merged"));
    if (!done)
        return done.failure();
    return m;
}

namespace {

//! When the customer's oldest message after staff's last reply was written (invalid: none
//! waits), from the conversation's own messages; machines' mail asks for nothing.
Result<QDateTime> unansweredSince(Store &store, qint64 conversationId)
{
    const auto recent = store.messages(conversationId, std::nullopt, 200, MessageView::Customer);
    if (!recent)
        return storageFailed(recent.failure());
    QDateTime since;
    for (auto it = recent->crbegin(); it != recent->crend(); ++it) {
        if (it->author.kind == Party::Kind::Agent)
            break;
        if (it->author.kind == Party::Kind::Customer
            && !it->email.contains(QLatin1String("automatic")))
            since = it->createdAt;
    }
    return since;
}

} // namespace

Result<Merged> unmerge(Store &store, const Viewer &viewer, const Commands::Merge &command)
{
    auto from = merging(store, viewer, command.conversationId);
    if (!from)
        return from.failure();
    if (!from->mergedInto)
        return invalidState(QStringLiteral("That conversation is not merged"));
    auto into = DeskOperations::accessibleConversation(store, viewer, from->mergedInto);
    if (!into)
        return into.failure();
    Merged m{from.value(), into.value(), from->mergedAt.addSecs(UndoSeconds)};
    if (store.now() > m.undoUntil)
        return invalidState(
            QStringLiteral("A merge can be undone for %1 minutes only").arg(UndoSeconds / 60));
    if (auto moved = store.returnMessages(m.from.id, m.into.id); !moved)
        return storageFailed(moved.failure());
    // The wait that came with the messages goes back with them: the kept one owes an answer
    // only to what its own customer messages still ask.
    if (m.into.sla.awaitingSince.isValid()) {
        const auto waiting = unansweredSince(store, m.into.id);
        if (!waiting)
            return waiting.failure();
        if (waiting.value() != m.into.sla.awaitingSince) {
            m.into.sla.awaitingSince = waiting.value();
            m.into.sla.awaitingPausedBase = m.into.sla.pausedSeconds;
        }
    }
    m.from.status =
        m.from.statusBeforeMerge.isEmpty() ? ConversationStatus::Open : m.from.statusBeforeMerge;
    if (m.from.status == ConversationStatus::Snoozed)
        m.from.status = ConversationStatus::Open; // its wake-up went with the merge
    m.from.statusBeforeMerge.clear();
    if (auto moved = SlaCalendar::statusChanged(store, m.from, store.now()); !moved)
        return moved.failure();
    m.from.mergedInto = 0;
    m.from.mergedAt = QDateTime();
    m.from.updatedAt = store.now();
    m.into.updatedAt = store.now();
    const QJsonObject activity{{QStringLiteral("change"), QStringLiteral("unmerged")},
                               {QStringLiteral("from"), m.from.id}};
    auto done = commit(store, viewer, m, activity,
                       QStringLiteral("%1 took conversation %2 back out of this one")
                           .arg(viewer.party.name)
                           .arg(m.from.id),
                       Events::conversationUnmerged(m.from, m.into, viewer.party),
                       QStringLiteral("unmerged"));
    if (!done)
        return done.failure();
    return m;
}

} // namespace Tandem::Server::MergeOperations
