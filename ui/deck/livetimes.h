// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QDateTime>
#include <QString>

namespace Tandem::LiveTimes {

//! A customer waiting this long for an answer is shown in amber…
constexpr qint64 AmberAfterSeconds = 60;
//! …and this long, in red.
constexpr qint64 RedAfterSeconds = 180;

enum class Urgency { Calm, Amber, Red };

Urgency urgencyOf(qint64 waitingSeconds);
//! The colour of an urgency on `base` (the palette's window colour), readable in light and
//! dark themes; invalid for Calm (use the palette's text colour).
QColor colorOf(Urgency urgency, const QColor &base);

//! "0:42", "12:05", "1:02:03".
QString clock(qint64 seconds);
//! Seconds from `since` to `now`, 0 when `since` is invalid or in the future (clocks differ).
qint64 secondsSince(const QDateTime &since, const QDateTime &now);

} // namespace Tandem::LiveTimes
