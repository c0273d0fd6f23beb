// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sla/slaclock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Tandem {

//! SLA clocks in words (docs/protocol.md, "SLA"): "First reply due in 42 min of business
//! time", "Paused: waiting on the customer", "Breached 10 min ago".
class SlaWords
{
    Q_DECLARE_TR_FUNCTIONS(SlaWords)
public:
    //! "42 min", "3 h 5 min", "2 d 4 h"; under a minute, "less than a minute".
    static QString duration(qint64 seconds);
    //! What the clock is for: "First reply", "Next reply", "Resolution".
    static QString kindName(SlaClock::Kind kind);
    //! One clock, in full, for the thread: `status` says why a paused one waits.
    static QString clock(const SlaClock &clock, const QString &status, const QDateTime &now);
    //! The list's short form of an owed clock, from the model's roles (`remainingSeconds`
    //! negative: over by so much business time).
    static QString brief(const QString &kind, const QString &state, qint64 remainingSeconds);
};

} // namespace Tandem
