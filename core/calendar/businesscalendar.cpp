// SPDX-License-Identifier: GPL-3.0-or-later
#include "businesscalendar.h"

#include <algorithm>

namespace Tandem {
namespace {

//! Searched in steps of this many days, so a far opening costs a few steps, not one.
constexpr int StepDays = 14;

//! Sorts and joins touching or overlapping periods.
QList<OpenPeriod> merged(QList<OpenPeriod> periods)
{
    std::sort(periods.begin(), periods.end(),
              [](const OpenPeriod &a, const OpenPeriod &b) { return a.start < b.start; });
    QList<OpenPeriod> out;
    for (const OpenPeriod &p : std::as_const(periods)) {
        if (p.end <= p.start)
            continue;
        if (!out.isEmpty() && p.start <= out.last().end)
            out.last().end = std::max(out.last().end, p.end);
        else
            out.append(p);
    }
    return out;
}

//! `periods` less [cutFrom, cutTo).
QList<OpenPeriod> without(const QList<OpenPeriod> &periods, const QDateTime &cutFrom,
                          const QDateTime &cutTo)
{
    QList<OpenPeriod> out;
    for (const OpenPeriod &p : periods) {
        if (p.end <= cutFrom || p.start >= cutTo) {
            out.append(p);
            continue;
        }
        if (p.start < cutFrom)
            out.append({p.start, cutFrom});
        if (p.end > cutTo)
            out.append({cutTo, p.end});
    }
    return out;
}

} // namespace

const QString BusinessCalendar::DefaultAutoReply =
    QStringLiteral("Thank you for your message. We are closed right now and open again {opening}. "
                   "We expect to reply by {replyBy}.");

const QString BusinessCalendar::DefaultBusyReply =
    QStringLiteral("Thank you for your message. We are busier than usual right now and expect "
                   "to reply by {replyBy}.");

BusinessCalendar::BusinessCalendar(QTimeZone zone, QList<OpeningHours> week,
                                   QList<Closure> closures)
    : m_zone(std::move(zone))
    , m_week(std::move(week))
    , m_closures(std::move(closures))
{
    for (Closure &c : m_closures) {
        c.from = QDateTime(c.from.date(), c.from.time(), m_zone);
        c.to = QDateTime(c.to.date(), c.to.time(), m_zone);
    }
}

QList<OpenPeriod> BusinessCalendar::weeklyPeriods(const QDateTime &from, const QDateTime &to) const
{
    QList<OpenPeriod> periods;
    // A day's hours may run into the next day: start the day before.
    const QDate first = from.toTimeZone(m_zone).date().addDays(-1);
    const QDate last = to.toTimeZone(m_zone).date();
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        for (const OpeningHours &h : m_week) {
            if (h.day != day.dayOfWeek())
                continue;
            const QDate endDay = h.to <= h.from ? day.addDays(1) : day;
            periods.append(
                {QDateTime(day, h.from, m_zone).toUTC(), QDateTime(endDay, h.to, m_zone).toUTC()});
        }
    }
    return periods;
}

QList<OpenPeriod> BusinessCalendar::openPeriods(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return {};
    QList<OpenPeriod> periods = merged(weeklyPeriods(from, to));
    for (const Closure &c : m_closures) {
        if (c.to.toUTC() > from && c.from.toUTC() < to)
            periods = without(periods, c.from.toUTC(), c.to.toUTC());
    }
    QList<OpenPeriod> out;
    for (const OpenPeriod &p : std::as_const(periods)) {
        const OpenPeriod cut{std::max(p.start, from.toUTC()), std::min(p.end, to.toUTC())};
        if (cut.start < cut.end)
            out.append(cut);
    }
    return out;
}

bool BusinessCalendar::isOpen(const QDateTime &at) const
{
    return !openPeriods(at, at.addSecs(1)).isEmpty();
}

QDateTime BusinessCalendar::nextOpening(const QDateTime &at) const
{
    if (!at.isValid())
        return {};
    if (isOpen(at))
        return at.toUTC();
    for (int step = 0; step * StepDays < HorizonDays; ++step) {
        const QDateTime from = at.addDays(qint64(step) * StepDays);
        const QList<OpenPeriod> periods = openPeriods(from, from.addDays(StepDays));
        if (!periods.isEmpty())
            return periods.first().start;
    }
    return {};
}

QDateTime BusinessCalendar::nextClosing(const QDateTime &at) const
{
    if (!at.isValid() || !isOpen(at))
        return {};
    QDateTime from = at;
    for (int step = 0; step * StepDays < HorizonDays; ++step) {
        const QDateTime to = from.addDays(StepDays);
        const QList<OpenPeriod> periods = openPeriods(from, to);
        // Open from `from` on: the first period starts there; it ends before `to` or runs on.
        if (periods.isEmpty() || periods.first().start > from.toUTC())
            return from.toUTC();
        if (periods.first().end < to.toUTC())
            return periods.first().end;
        from = to;
    }
    return {};
}

QDateTime BusinessCalendar::lastClosing(const QDateTime &at) const
{
    if (!at.isValid() || isOpen(at))
        return {};
    for (int step = 1; (step - 1) * StepDays < HorizonDays; ++step) {
        const QDateTime from = at.addDays(-qint64(step) * StepDays);
        const QList<OpenPeriod> periods = openPeriods(from, from.addDays(StepDays));
        if (!periods.isEmpty())
            return periods.last().end;
    }
    return {};
}

qint64 BusinessCalendar::businessSecondsBetween(const QDateTime &from, const QDateTime &to) const
{
    qint64 seconds = 0;
    for (const OpenPeriod &p : openPeriods(from, to))
        seconds += p.start.secsTo(p.end);
    return seconds;
}

QDateTime BusinessCalendar::addBusinessSeconds(const QDateTime &from, qint64 seconds) const
{
    if (!from.isValid() || seconds < 0)
        return {};
    QDateTime at = from.toUTC();
    for (int step = 0; step * StepDays < HorizonDays; ++step) {
        const QDateTime to = at.addDays(StepDays);
        for (const OpenPeriod &p : openPeriods(at, to)) {
            const qint64 length = p.start.secsTo(p.end);
            if (seconds <= length)
                return p.start.addSecs(seconds);
            seconds -= length;
        }
        at = to;
    }
    return {};
}

} // namespace Tandem
