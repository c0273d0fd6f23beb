// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "slapolicy.h"

#include <QDateTime>
#include <QList>

namespace Tandem {

class BusinessCalendar;
struct Conversation;

//! One SLA clock of a conversation at an instant (docs/protocol.md, "SLA").
struct SlaClock {
    enum class Kind { FirstReply, NextReply, Resolution };
    enum class State {
        Running,  //!< counting, not yet due
        Paused,   //!< pending, snoozed or resolved: not counting
        Breached, //!< past its target, still counting or stopped late
        Met,      //!< stopped within its target
    };

    Kind kind = Kind::FirstReply;
    State state = State::Running;
    qint64 targetSeconds = 0;
    //! Business seconds counted so far (stopped: what it took).
    qint64 elapsedSeconds = 0;
    //! When it is or was due while it counts (invalid: paused or stopped, or beyond the
    //! calendar's horizon).
    QDateTime due;
    //! It counts, or would if the conversation were open: an answer is still owed.
    bool owed = false;

    qint64 remainingSeconds() const { return targetSeconds - elapsedSeconds; }
    //! Whether `warnPercent` of the target has gone by on a clock still owed.
    bool atRisk(int warnPercent) const
    {
        return owed && elapsedSeconds * 100 >= targetSeconds * qint64(warnPercent);
    }
};

namespace SlaClocks {

//! The clocks `targets` set for `c` at `now`, first reply, next reply, resolution, those
//! without a target left out. `calendar` null: business time is wall time.
QList<SlaClock> of(const Conversation &c, const SlaTargets &targets,
                   const BusinessCalendar *calendar, const QDateTime &now);

//! The clock that matters most: a breached one still owed, else the owed one with the least
//! time left, else none (kind of an empty list's: check `owed`).
SlaClock pressing(const QList<SlaClock> &clocks);

} // namespace SlaClocks

} // namespace Tandem
