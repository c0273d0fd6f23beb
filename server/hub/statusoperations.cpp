// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusoperations.h"

#include "conversations/statuschanges.h"
#include "deskoperations.h"
#include "protocol/wirecodec.h"

namespace Tandem::Server::StatusOperations {
namespace {

//! The longest snooze.
constexpr qint64 MaxSnoozeDays = 5 * 366;

QString sentence(const Party &by, const Conversation &c)
{
    const QString who = by.name.isEmpty() ? QStringLiteral("Someone") : by.name;
    if (c.status == ConversationStatus::Snoozed)
        return c.snoozedUntil.isValid()
                   ? QStringLiteral("%1 snoozed it until %2")
                         .arg(who, c.snoozedUntil.toString(Qt::ISODate))
                   : QStringLiteral("%1 snoozed it until the customer replies").arg(who);
    if (c.status == ConversationStatus::Pending)
        return QStringLiteral("%1 set it pending: waiting on the customer").arg(who);
    if (c.status == ConversationStatus::Resolved)
        return QStringLiteral("%1 resolved it").arg(who);
    return QStringLiteral("%1 opened it").arg(who);
}

} // namespace

Result<StatusChange> setStatus(Store &store, const Viewer &viewer,
                               const Commands::SetStatus &command)
{
    if (!viewer.isStaff())
        return Failure{ErrorCode::Forbidden, QStringLiteral("Only staff set a status")};
    auto loaded = DeskOperations::accessibleConversation(store, viewer, command.conversationId);
    if (!loaded)
        return loaded.failure();
    Conversation c = loaded.value();
    const QDateTime now = store.now();
    if (command.until.isValid()
        && (command.until <= now || command.until > now.addDays(MaxSnoozeDays)))
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("until: must be in the future, within five years")};
    if (c.liveState == LiveState::Queued || c.liveState == LiveState::Active)
        return Failure{ErrorCode::InvalidState,
                       QStringLiteral("End the live chat, or make it a follow-up, first")};
    // Its messages are in the other thread: that one has the status (an undo gives it back).
    if (c.mergedInto)
        return Failure{ErrorCode::InvalidState,
                       QStringLiteral("Merged into conversation %1: change that one, or undo "
                                      "the merge")
                           .arg(c.mergedInto)};
    const QDateTime until =
        command.status == ConversationStatus::Snoozed ? command.until : QDateTime();
    StatusChange change;
    if (c.status == command.status && c.snoozedUntil == until) {
        change.conversation = c; // as asked already: a retry, or someone was quicker
        return change;
    }
    const bool hadTimer = c.status == ConversationStatus::Snoozed && c.snoozedUntil.isValid();
    c.status = command.status;
    c.snoozedUntil = until;
    c.wokeBecause.clear();
    QJsonObject activity;
    if (until.isValid())
        activity.insert(QStringLiteral("until"), Wire::timeToString(until));
    auto saved = StatusChanges::commit(store, c, viewer.party, activity, sentence(viewer.party, c));
    if (!saved)
        return saved.failure();
    change.conversation = saved.value();
    // The timer is kept with the change, so a crash cannot lose it.
    if (until.isValid()) {
        change.wake = StatusChanges::wakeJob(c.id, until);
        if (auto kept = store.saveJob(*change.wake); !kept)
            return storageFailed(kept.failure());
    } else if (hadTimer) {
        change.dropWake = true;
        if (auto dropped = store.deleteJob(StatusChanges::WakeJob, QString::number(c.id)); !dropped)
            return storageFailed(dropped.failure());
    }
    return change;
}

} // namespace Tandem::Server::StatusOperations
