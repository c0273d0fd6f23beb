// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/conversationsummary.h"
#include "domain/team.h"
#include "sla/slaclock.h"

#include <QDateTime>
#include <QHash>
#include <optional>

namespace Tandem {

//! Each cached conversation's SLA clock as of one instant (docs/protocol.md, "SLA"): the
//! policy and calendar of its inbox's team, read from the cached teams, applied to the
//! record the server keeps. The instant moves when the owner says so (once a minute in the
//! app), so whatever is counted at it stays consistent in between.
class SlaBoard
{
public:
    //! What the list shows of a conversation's clocks: the one that matters most, and
    //! whether it is at risk (past the policy's warning share, or breached).
    struct Row {
        SlaClock clock; //!< `owed` false: no clock is owed
        bool atRisk = false;
    };

    void setTerms(const QList<Team> &teams, const QList<Inbox> &inboxes);
    void setNow(const QDateTime &now) { m_now = now; }
    //! Forgets the clocks worked out so far (the list was read afresh), or those of one
    //! conversation (it went).
    void forget() { m_cache.clear(); }
    void forget(qint64 conversationId) { m_cache.remove(conversationId); }
    //! No team has a policy: no conversation has a clock.
    bool isEmpty() const { return m_byInbox.isEmpty(); }

    Row rowOf(const ConversationSummary &summary) const;
    //! Every clock of `summary` with a target, at now().
    QList<SlaClock> clocksOf(const ConversationSummary &summary) const;

private:
    struct Terms {
        SlaPolicy policy;
        std::optional<BusinessCalendar> calendar;
    };
    //! A conversation's clocks as last worked out, with what they were worked out from:
    //! while that stays, time moves only the running ones, from their due instant (the
    //! business time since a conversation began is not counted again every minute).
    struct Cached {
        Conversation fields;
        qint64 inboxId = 0;
        int priority = 0;
        QList<SlaClock> clocks;
    };
    QHash<qint64, Terms> m_byInbox; // inboxes whose team has a policy
    QDateTime m_now;
    mutable QHash<qint64, Cached> m_cache;
};

} // namespace Tandem
