// SPDX-License-Identifier: GPL-3.0-or-later
#include "livetimes.h"

namespace Tandem::LiveTimes {

Urgency urgencyOf(qint64 waitingSeconds)
{
    if (waitingSeconds >= RedAfterSeconds)
        return Urgency::Red;
    if (waitingSeconds >= AmberAfterSeconds)
        return Urgency::Amber;
    return Urgency::Calm;
}

QColor colorOf(Urgency urgency, const QColor &base)
{
    const bool dark = base.lightness() < 128;
    switch (urgency) {
    case Urgency::Calm:
        return {};
    case Urgency::Amber:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    case Urgency::Red:
        return dark ? QColor(0xff, 0x7a, 0x70) : QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QString clock(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 h = seconds / 3600;
    const qint64 m = seconds / 60 % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

qint64 secondsSince(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return 0;
    return std::max<qint64>(0, since.secsTo(now));
}

} // namespace Tandem::LiveTimes
