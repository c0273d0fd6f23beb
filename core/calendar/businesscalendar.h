// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace Tandem {

//! One opening interval of the week, in the calendar's timezone: `day` 1 (Monday) to 7
//! (Sunday) from `from` to `to`. A `to` at or before `from` runs past midnight into the next
//! day ("22:00"–"02:00"); "00:00"–"00:00" is the whole day.
struct OpeningHours {
    int day = 1;
    QTime from;
    QTime to;

    bool operator==(const OpeningHours &o) const
    {
        return day == o.day && from == o.from && to == o.to;
    }
};

//! A holiday or one-off closure: closed from `from` until `to`, local times in the
//! calendar's timezone (a whole day runs from its midnight to the next).
struct Closure {
    QDateTime from;
    QDateTime to;
    QString name;

    bool operator==(const Closure &o) const
    {
        return from == o.from && to == o.to && name == o.name;
    }
};

//! A stretch of time the team is open, in UTC: [start, end).
struct OpenPeriod {
    QDateTime start;
    QDateTime end;

    bool operator==(const OpenPeriod &o) const { return start == o.start && end == o.end; }
};

//! A team's business hours: when live chat is offered, when an auto-reply goes out, how SLA
//! clocks run and when an answer can be expected. Times in and out are instants (any
//! timespec); the weekly hours and closures are read in `zone`, so daylight saving moves
//! the instants, not the hours ("08:00" stays 08:00 on the wall).
class BusinessCalendar
{
public:
    //! How far ahead the calendar looks for the next opening or the end of a span of
    //! business time before it gives up (a calendar closed for longer never opens).
    static constexpr int HorizonDays = 400;

    BusinessCalendar() = default;
    BusinessCalendar(QTimeZone zone, QList<OpeningHours> week, QList<Closure> closures = {});

    const QTimeZone &zone() const { return m_zone; }
    const QList<OpeningHours> &week() const { return m_week; }
    const QList<Closure> &closures() const { return m_closures; }
    //! What the automatic reply says when a customer writes while the team is closed:
    //! the team's own text, or (none set) DefaultAutoReply; empty: no automatic reply.
    //! Placeholders: {opening} (the next opening), {replyBy} (the expected reply time).
    QString autoReply() const { return m_autoReply.value_or(DefaultAutoReply); }
    bool hasOwnAutoReply() const { return m_autoReply.has_value(); }
    void setAutoReply(std::optional<QString> text) { m_autoReply = std::move(text); }
    static const QString DefaultAutoReply;
    //! While the team is open: a customer is told when to expect an answer if that is more
    //! than this many minutes away (unset: never), in these words (or DefaultBusyReply).
    //! Placeholders as autoReply().
    std::optional<int> busyAfterMinutes() const { return m_busyAfterMinutes; }
    void setBusyAfterMinutes(std::optional<int> minutes) { m_busyAfterMinutes = minutes; }
    QString busyReply() const { return m_busyReply.value_or(DefaultBusyReply); }
    bool hasOwnBusyReply() const { return m_busyReply.has_value(); }
    void setBusyReply(std::optional<QString> text) { m_busyReply = std::move(text); }
    static const QString DefaultBusyReply;

    //! The open stretches overlapping [from, to), merged and cut to it, in order.
    QList<OpenPeriod> openPeriods(const QDateTime &from, const QDateTime &to) const;
    bool isOpen(const QDateTime &at) const;
    //! `at` itself when open; else when the team next opens (invalid: not within the
    //! horizon).
    QDateTime nextOpening(const QDateTime &at) const;
    //! When the stretch open at `at` ends (invalid when closed at `at`, or open past the
    //! horizon).
    QDateTime nextClosing(const QDateTime &at) const;
    //! When the stretch closed at `at` began: the end of the last open period before it
    //! (invalid when open at `at`, or closed for the whole horizon before it).
    QDateTime lastClosing(const QDateTime &at) const;
    //! Business time between two instants, in seconds (0 when `to` is not after `from`).
    qint64 businessSecondsBetween(const QDateTime &from, const QDateTime &to) const;
    //! The instant `seconds` of business time after `from` (invalid: not within the
    //! horizon).
    QDateTime addBusinessSeconds(const QDateTime &from, qint64 seconds) const;

    bool operator==(const BusinessCalendar &o) const
    {
        return m_zone == o.m_zone && m_week == o.m_week && m_closures == o.m_closures
               && m_autoReply == o.m_autoReply && m_busyAfterMinutes == o.m_busyAfterMinutes
               && m_busyReply == o.m_busyReply;
    }

private:
    //! The weekly hours on the local days around [from, to), before closures, unmerged.
    QList<OpenPeriod> weeklyPeriods(const QDateTime &from, const QDateTime &to) const;

    QTimeZone m_zone = QTimeZone::utc();
    QList<OpeningHours> m_week;
    QList<Closure> m_closures;
    std::optional<QString> m_autoReply;
    std::optional<int> m_busyAfterMinutes;
    std::optional<QString> m_busyReply;
};

} // namespace Tandem
