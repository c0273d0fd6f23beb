// SPDX-License-Identifier: GPL-3.0-or-later
#include "slaboard.h"

#include <algorithm>

namespace Tandem {
namespace {

//! The fields of a conversation the clocks are worked out from.
Conversation clockFields(const ConversationSummary &s)
{
    Conversation c;
    c.id = s.id;
    c.status = s.status;
    c.createdAt = s.createdAt;
    c.firstReplyAt = s.firstReplyAt;
    c.sla = s.sla;
    return c;
}

} // namespace

void SlaBoard::setTerms(const QList<Team> &teams, const QList<Inbox> &inboxes)
{
    m_byInbox.clear();
    m_cache.clear();
    QHash<qint64, const Team *> byId;
    for (const Team &team : teams)
        byId.insert(team.id, &team);
    for (const Inbox &inbox : inboxes) {
        const Team *team = byId.value(inbox.teamId);
        if (team && team->sla)
            m_byInbox.insert(inbox.id, Terms{*team->sla, team->calendar});
    }
}

QList<SlaClock> SlaBoard::clocksOf(const ConversationSummary &summary) const
{
    const auto terms = m_byInbox.constFind(summary.inboxId);
    if (terms == m_byInbox.cend() || summary.mergedInto)
        return {};
    const SlaTargets targets = terms->policy.targetsFor(summary.inboxId, summary.priority);
    if (targets.isEmpty())
        return {};
    const BusinessCalendar *calendar = terms->calendar ? &*terms->calendar : nullptr;
    const Conversation fields = clockFields(summary);
    auto cached = m_cache.find(summary.id);
    if (cached == m_cache.end() || !(cached->fields == fields) || cached->inboxId != summary.inboxId
        || cached->priority != summary.priority) {
        Cached entry{fields, summary.inboxId, summary.priority,
                     SlaClocks::of(fields, targets, calendar, m_now)};
        cached = m_cache.insert(summary.id, entry);
        return cached->clocks;
    }
    // The same clocks at another instant: a running one is as far from its due as the
    // business time between.
    for (SlaClock &clock : cached->clocks) {
        if (!clock.owed || cached->fields.sla.pausedSince.isValid())
            continue;               // stopped or paused: time does not move it
        if (!clock.due.isValid()) { // due beyond the calendar's horizon: counted afresh
            cached->clocks = SlaClocks::of(fields, targets, calendar, m_now);
            return cached->clocks;
        }
        const qint64 apart = m_now < clock.due ? -businessSeconds(calendar, m_now, clock.due)
                                               : businessSeconds(calendar, clock.due, m_now);
        clock.elapsedSeconds = std::max<qint64>(0, clock.targetSeconds + apart);
        clock.state = clock.elapsedSeconds >= clock.targetSeconds ? SlaClock::State::Breached
                                                                  : SlaClock::State::Running;
    }
    return cached->clocks;
}

SlaBoard::Row SlaBoard::rowOf(const ConversationSummary &summary) const
{
    const QList<SlaClock> clocks = clocksOf(summary);
    if (clocks.isEmpty())
        return {};
    Row row;
    row.clock = SlaClocks::pressing(clocks);
    // At risk when any clock owed is past its share (the most pressing may not be).
    const int warnPercent = m_byInbox.value(summary.inboxId).policy.warnPercent;
    row.atRisk = std::any_of(clocks.cbegin(), clocks.cend(),
                             [warnPercent](const SlaClock &c) { return c.atRisk(warnPercent); });
    return row;
}

} // namespace Tandem
