// SPDX-License-Identifier: GPL-3.0-or-later
#include "icsimport.h"

#include "protocol/limits.h"

#include <libical/ical.h>

#include <algorithm>
#include <memory>

namespace Tandem::IcsImport {
namespace {

//! The most occurrences one recurring event may add (a yearly holiday over a century).
constexpr int MaxOccurrences = 1000;

struct ComponentFree {
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
struct IteratorFree {
    void operator()(icalrecur_iterator *i) const { icalrecur_iterator_free(i); }
};

//! The timezone a DATE-TIME property is written in: its TZID when Qt knows it, UTC for a
//! "Z" time, else (floating, or unknown) the calendar's own.
QTimeZone zoneOf(icalproperty *property, const icaltimetype &time, const QTimeZone &fallback)
{
    if (icaltime_is_utc(time))
        return QTimeZone::utc();
    if (property) {
        if (icalparameter *tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)) {
            QByteArray id = icalparameter_get_tzid(tzid);
            // Some writers prefix the IANA name with a path of their own.
            const int area = id.lastIndexOf('/', id.lastIndexOf('/') - 1);
            for (const QByteArray &candidate : {id, area >= 0 ? id.mid(area + 1) : QByteArray()}) {
                if (!candidate.isEmpty() && QTimeZone::isTimeZoneIdAvailable(candidate))
                    return QTimeZone(candidate);
            }
        }
    }
    return fallback;
}

QDateTime toQt(const icaltimetype &t, const QTimeZone &in, const QTimeZone &out)
{
    const QDate date(t.year, t.month, t.day);
    if (icaltime_is_date(t))
        return QDateTime(date, QTime(0, 0), out);
    return QDateTime(date, QTime(t.hour, t.minute, t.second), in).toTimeZone(out);
}

} // namespace

Result<QList<Closure>> closures(const QByteArray &ics, const QTimeZone &zone, const QDate &from,
                                const QDate &until)
{
    const auto bad = [](const QString &why) { return Failure{ErrorCode::BadRequest, why}; };
    if (ics.size() > MaxBytes)
        return bad(QStringLiteral("The file is larger than %1 MiB.").arg(MaxBytes >> 20));
    if (!ics.contains("BEGIN:VCALENDAR"))
        return bad(QStringLiteral("The file is not an iCalendar (.ics) file."));
    std::unique_ptr<icalcomponent, ComponentFree> root(icalparser_parse_string(ics.constData()));
    if (!root)
        return bad(QStringLiteral("The file could not be read as iCalendar."));
    icalcomponent *calendar = root.get();
    if (icalcomponent_isa(calendar) != ICAL_VCALENDAR_COMPONENT)
        calendar = icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT);
    if (!calendar)
        return bad(QStringLiteral("The file holds no calendar."));

    const QDateTime windowStart(from, QTime(0, 0), zone);
    const QDateTime windowEnd(until, QTime(0, 0), zone);
    QList<Closure> found;
    for (icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
         event; event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
        const icaltimetype start = icalcomponent_get_dtstart(event);
        if (icaltime_is_null_time(start) || !icaltime_is_valid_time(start))
            continue;
        icaltimetype end = icalcomponent_get_dtend(event);
        const QTimeZone startZone =
            zoneOf(icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY), start, zone);
        const QDateTime first = toQt(start, startZone, zone);
        QDateTime firstEnd;
        if (!icaltime_is_null_time(end) && icaltime_is_valid_time(end)) {
            const QTimeZone endZone =
                zoneOf(icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY), end, zone);
            firstEnd = toQt(end, endZone, zone);
        }
        // Without an end: a day for an all-day event, else an instant (nothing to close).
        if (!firstEnd.isValid())
            firstEnd = icaltime_is_date(start) ? first.addDays(1) : first;
        if (firstEnd <= first)
            continue;
        const qint64 days = first.date().daysTo(firstEnd.date());
        const qint64 seconds = first.secsTo(firstEnd);
        const char *summary = icalcomponent_get_summary(event);
        const QString name = QString::fromUtf8(summary ? summary : "")
                                 .simplified()
                                 .left(Protocol::MaxClosureNameChars);

        // The occurrences: the event itself, or each of its rule's less the excluded ones.
        QList<QDateTime> starts;
        icalproperty *rule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
        if (!rule) {
            starts.append(first);
        } else {
            QList<QDateTime> excluded;
            for (icalproperty *ex = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY);
                 ex; ex = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
                const icaltimetype t = icalproperty_get_exdate(ex);
                if (!icaltime_is_null_time(t))
                    excluded.append(toQt(t, zoneOf(ex, t, zone), zone));
            }
            std::unique_ptr<icalrecur_iterator, IteratorFree> next(
                icalrecur_iterator_new(icalproperty_get_rrule(rule), start));
            if (!next)
                return bad(QStringLiteral("The rule of “%1” could not be read.").arg(name));
            for (int n = 0; n < MaxOccurrences; ++n) {
                const icaltimetype t = icalrecur_iterator_next(next.get());
                if (icaltime_is_null_time(t))
                    break;
                const QDateTime at = toQt(t, startZone, zone);
                if (at >= windowEnd)
                    break;
                if (!excluded.contains(at))
                    starts.append(at);
            }
        }
        for (const QDateTime &at : std::as_const(starts)) {
            // Whole days stay whole across a change of daylight saving time.
            const QDateTime to = icaltime_is_date(start) ? at.addDays(days) : at.addSecs(seconds);
            if (to <= windowStart || at >= windowEnd)
                continue;
            if (found.size() == Protocol::MaxClosures)
                return bad(QStringLiteral("The file closes more than %1 times in that period.")
                               .arg(Protocol::MaxClosures));
            found.append({at, to, name});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Closure &a, const Closure &b) { return a.from < b.from; });
    return found;
}

} // namespace Tandem::IcsImport
