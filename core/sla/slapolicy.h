// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <optional>

namespace Tandem {

//! How long the team allows itself, in business seconds (0: no target).
struct SlaTargets {
    qint64 firstReply = 0; //!< from the customer's first message to staff's first reply
    qint64 nextReply = 0;  //!< from a customer's message after that to staff's next reply
    qint64 resolution = 0; //!< from the conversation's start to its resolution

    bool isEmpty() const { return !firstReply && !nextReply && !resolution; }
    bool operator==(const SlaTargets &o) const
    {
        return firstReply == o.firstReply && nextReply == o.nextReply && resolution == o.resolution;
    }
};

//! The targets for the conversations of one inbox and/or priority (unset: any).
struct SlaRule {
    std::optional<qint64> inboxId;
    std::optional<int> priority;
    SlaTargets targets;

    bool operator==(const SlaRule &o) const
    {
        return inboxId == o.inboxId && priority == o.priority && targets == o.targets;
    }
};

//! A team's service level agreement (docs/protocol.md, "SLA"): targets per inbox and
//! priority, counted in the team's business time, and when to warn before a breach.
struct SlaPolicy {
    QList<SlaRule> rules;
    //! Warn when this share (percent) of a target has gone by.
    int warnPercent = 80;

    //! The targets of the most specific rule for a conversation of `inboxId` with
    //! `priority`: inbox and priority, then inbox, then priority, then neither; none: empty.
    SlaTargets targetsFor(qint64 inboxId, int priority) const;

    bool operator==(const SlaPolicy &o) const
    {
        return rules == o.rules && warnPercent == o.warnPercent;
    }
};

} // namespace Tandem
