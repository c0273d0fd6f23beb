// SPDX-License-Identifier: GPL-3.0-or-later
#include "slawords.h"

#include "domain/conversation.h"

namespace Tandem {
QString SlaWords::duration(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    if (minutes < 1)
        return tr("less than a minute");
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return minutes % 60 ? tr("%1 h %2 min").arg(hours).arg(minutes % 60)
                            : tr("%1 h").arg(hours);
    return hours % 24 ? tr("%1 d %2 h").arg(hours / 24).arg(hours % 24)
                      : tr("%1 d").arg(hours / 24);
}

QString SlaWords::kindName(SlaClock::Kind kind)
{
    switch (kind) {
    case SlaClock::Kind::FirstReply:
        return tr("First reply");
    case SlaClock::Kind::NextReply:
        return tr("Next reply");
    case SlaClock::Kind::Resolution:
        return tr("Resolution");
    }
    return {};
}

QString SlaWords::clock(const SlaClock &c, const QString &status, const QDateTime &now)
{
    const QString what = kindName(c.kind);
    const QString target = duration(c.targetSeconds);
    if (!c.owed) {
        return c.state == SlaClock::State::Met
                   ? tr("%1 met: %2 of %3").arg(what, duration(c.elapsedSeconds), target)
                   : tr("%1 breached: took %2 of %3").arg(what, duration(c.elapsedSeconds), target);
    }
    if (c.state == SlaClock::State::Breached) {
        if (c.due.isValid())
            return tr("%1 breached %2 ago (target %3 of business time)")
                .arg(what, duration(c.due.secsTo(now)), target);
        return tr("%1 breached %2 over its target (paused)")
            .arg(what, duration(-c.remainingSeconds()));
    }
    if (c.state == SlaClock::State::Paused) {
        const QString why = status == ConversationStatus::Pending   ? tr("waiting on the customer")
                            : status == ConversationStatus::Snoozed ? tr("snoozed")
                                                                    : tr("resolved");
        return tr("%1 paused: %2 (%3 of business time left)")
            .arg(what, why, duration(c.remainingSeconds()));
    }
    return tr("%1 due in %2 of business time").arg(what, duration(c.remainingSeconds()));
}

QString SlaWords::brief(const QString &kind, const QString &state, qint64 remainingSeconds)
{
    // Short, for a narrow list: which clock it is, the thread says.
    if (kind.isEmpty())
        return {};
    // Over in business time, as the list counts it (a weekend does not make it worse).
    if (state == QLatin1String("breached"))
        return remainingSeconds < -59 ? tr("SLA: %1 overdue").arg(duration(-remainingSeconds))
                                      : tr("SLA: overdue");
    if (state == QLatin1String("paused"))
        return tr("SLA paused");
    return tr("SLA: due in %1").arg(duration(remainingSeconds));
}

} // namespace Tandem
