// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "customer.h"
#include "livechat.h"
#include "party.h"
#include "sla/slarecord.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Tandem {

//! Where a conversation stands with the team (docs/protocol.md, "Statuses").
namespace ConversationStatus {
inline const QString Open = QStringLiteral("open");
inline const QString Pending = QStringLiteral("pending"); //!< waiting on the customer
inline const QString Snoozed = QStringLiteral("snoozed");
inline const QString Resolved = QStringLiteral("resolved");
inline bool isKnown(const QString &status)
{
    return status == Open || status == Pending || status == Snoozed || status == Resolved;
}
} // namespace ConversationStatus

//! Why a snoozed (or resolved) conversation came back by itself.
namespace WokeBecause {
inline const QString Customer = QStringLiteral("customer"); //!< the customer wrote
inline const QString Time = QStringLiteral("time");         //!< its snooze ran out
} // namespace WokeBecause

//! One customer's thread with the team, on one channel.
struct Conversation {
    qint64 id = 0;
    Customer customer; // id and name only on the wire
    QString channel = QStringLiteral("web");
    qint64 inboxId = 0; //!< the inbox it came in through (docs/protocol.md, "Inboxes and teams")
    QString status = QStringLiteral("open");
    QDateTime createdAt;
    QDateTime updatedAt;

    // Live chat (docs/protocol.md, "Live chat and routing").
    ConversationMode mode = ConversationMode::Async;
    LiveState liveState = LiveState::None;
    std::optional<Party> assignee; // an agent
    int priority = 0;
    QDateTime queuedAt;
    QDateTime assignedAt;
    QDateTime endedAt;
    std::optional<Rating> rating;
    //! Snoozed until then (invalid: until the customer writes, or not snoozed).
    QDateTime snoozedUntil;
    //! Set when it came back by itself (WokeBecause), until someone next changes its status.
    QString wokeBecause;
    //! The labels on it (docs/protocol.md, "Labels and priority"): ids, ascending.
    QList<qint64> labels;
    //! Merged into that conversation then (docs/protocol.md, "Merging"); 0: not merged.
    qint64 mergedInto = 0;
    QDateTime mergedAt;
    //! The status it had before it was merged, for an undo (the server's own).
    QString statusBeforeMerge;
    //! When staff first replied (docs/protocol.md, "Business hours"); invalid: not yet.
    QDateTime firstReplyAt;
    //! The reply time last promised to the customer, and when staff answered after it
    //! (invalid: no promise, or not answered yet).
    QDateTime promisedBy;
    QDateTime promiseAnsweredAt;
    //! What its SLA clocks are worked out from (docs/protocol.md, "SLA").
    SlaRecord sla;

    bool isLive() const { return mode == ConversationMode::Live; }

    bool operator==(const Conversation &o) const
    {
        const auto sameParty = [](const std::optional<Party> &a, const std::optional<Party> &b) {
            return a.has_value() == b.has_value()
                   && (!a || (a->kind == b->kind && a->id == b->id && a->name == b->name));
        };
        return id == o.id && customer.id == o.customer.id && customer.name == o.customer.name
               && channel == o.channel && inboxId == o.inboxId && status == o.status
               && createdAt == o.createdAt && updatedAt == o.updatedAt && mode == o.mode
               && liveState == o.liveState && sameParty(assignee, o.assignee)
               && priority == o.priority && queuedAt == o.queuedAt && assignedAt == o.assignedAt
               && endedAt == o.endedAt && rating == o.rating && labels == o.labels
               && mergedInto == o.mergedInto && mergedAt == o.mergedAt
               && firstReplyAt == o.firstReplyAt && promisedBy == o.promisedBy
               && promiseAnsweredAt == o.promiseAnsweredAt && sla == o.sla;
    }
};

} // namespace Tandem
