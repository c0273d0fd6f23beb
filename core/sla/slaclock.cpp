// SPDX-License-Identifier: GPL-3.0-or-later
#include "slaclock.h"

#include "domain/conversation.h"

namespace Tandem::SlaClocks {
namespace {

//! A clock that still counts from `from`, less the pauses since `pausedBase`.
SlaClock owedClock(SlaClock::Kind kind, qint64 target, const SlaRecord &r, const QDateTime &from,
                   qint64 pausedBase, const BusinessCalendar *calendar, const QDateTime &now)
{
    SlaClock clock;
    clock.kind = kind;
    clock.targetSeconds = target;
    clock.owed = true;
    clock.elapsedSeconds = r.elapsed(from, pausedBase, now, calendar);
    const bool paused = r.pausedSince.isValid();
    if (!paused) {
        const qint64 untilDue = target + (r.pausedSeconds - pausedBase);
        clock.due =
            calendar ? calendar->addBusinessSeconds(from, untilDue) : from.addSecs(untilDue);
    }
    if (clock.elapsedSeconds >= target)
        clock.state = SlaClock::State::Breached;
    else
        clock.state = paused ? SlaClock::State::Paused : SlaClock::State::Running;
    return clock;
}

SlaClock stoppedClock(SlaClock::Kind kind, qint64 target, qint64 took)
{
    SlaClock clock;
    clock.kind = kind;
    clock.targetSeconds = target;
    clock.elapsedSeconds = took;
    // As one still counting: breached once the count reaches the target.
    clock.state = took >= target ? SlaClock::State::Breached : SlaClock::State::Met;
    return clock;
}

} // namespace

QList<SlaClock> of(const Conversation &c, const SlaTargets &targets,
                   const BusinessCalendar *calendar, const QDateTime &now)
{
    QList<SlaClock> clocks;
    const SlaRecord &r = c.sla;
    const bool awaiting = r.awaitingSince.isValid();
    const bool replied = c.firstReplyAt.isValid();
    if (targets.firstReply) {
        if (awaiting && !replied)
            clocks.append(owedClock(SlaClock::Kind::FirstReply, targets.firstReply, r,
                                    r.awaitingSince, r.awaitingPausedBase, calendar, now));
        else if (r.firstReplySeconds)
            clocks.append(
                stoppedClock(SlaClock::Kind::FirstReply, targets.firstReply, *r.firstReplySeconds));
    }
    if (targets.nextReply && replied) {
        if (awaiting)
            clocks.append(owedClock(SlaClock::Kind::NextReply, targets.nextReply, r,
                                    r.awaitingSince, r.awaitingPausedBase, calendar, now));
        else if (r.nextReplySeconds)
            clocks.append(
                stoppedClock(SlaClock::Kind::NextReply, targets.nextReply, *r.nextReplySeconds));
    }
    if (targets.resolution && c.createdAt.isValid()) {
        if (c.status == ConversationStatus::Resolved) {
            if (r.resolutionSeconds)
                clocks.append(stoppedClock(SlaClock::Kind::Resolution, targets.resolution,
                                           *r.resolutionSeconds));
        } else {
            clocks.append(owedClock(SlaClock::Kind::Resolution, targets.resolution, r, c.createdAt,
                                    0, calendar, now));
        }
    }
    return clocks;
}

SlaClock pressing(const QList<SlaClock> &clocks)
{
    SlaClock best;
    for (const SlaClock &clock : clocks) {
        if (!clock.owed)
            continue;
        if (!best.owed || clock.remainingSeconds() < best.remainingSeconds())
            best = clock;
    }
    return best;
}

} // namespace Tandem::SlaClocks
