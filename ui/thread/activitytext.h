// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QVariantMap>

namespace Tandem {

//! A line of a thread's timeline in the reader's language and time zone, from what the
//! server recorded (docs/protocol.md, "Timeline"): "Dana snoozed it until Tue 09:00".
class ActivityText
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::ActivityText)
public:
    //! `who`: the author's name (empty for the helpdesk itself); `fallback`: the server's
    //! English text, for a change this version does not know.
    static QString describe(const QVariantMap &activity, const QString &who,
                            const QString &fallback);
    //! When a snooze ends, for people: "Tue 09:00" this week, else with the date.
    static QString wakeTime(const QDateTime &until, const QDateTime &now);
};

} // namespace Tandem
