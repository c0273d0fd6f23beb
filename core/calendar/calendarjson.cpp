// SPDX-License-Identifier: GPL-3.0-or-later
#include "calendarjson.h"

#include "protocol/fieldreader.h"
#include "protocol/limits.h"

#include <QJsonArray>

namespace Tandem::CalendarJson {
namespace {

const QString TimeFormat = QStringLiteral("HH:mm");
const QString LocalFormat = QStringLiteral("yyyy-MM-ddTHH:mm");

//! "HH:MM", 00:00 to 23:59.
QTime timeOf(FieldReader &r, const char *key)
{
    const QString text = r.string(key, 5, 5);
    const QTime time = QTime::fromString(text, TimeFormat);
    if (r.ok() && !time.isValid())
        r.fail(key, QStringLiteral("must be a time of day as HH:MM"));
    return time;
}

//! "YYYY-MM-DDTHH:MM", a local time without offset.
QDateTime localOf(FieldReader &r, const char *key, const QTimeZone &zone)
{
    const QString text = r.string(key, 16, 16);
    const QDateTime local = QDateTime::fromString(text, LocalFormat);
    if (!r.ok())
        return {};
    if (!local.isValid()) {
        r.fail(key, QStringLiteral("must be a local time as YYYY-MM-DDTHH:MM"));
        return {};
    }
    return QDateTime(local.date(), local.time(), zone);
}

} // namespace

QJsonObject encode(const BusinessCalendar &calendar)
{
    QJsonArray hours;
    for (const OpeningHours &h : calendar.week())
        hours.append(QJsonObject{{QStringLiteral("day"), h.day},
                                 {QStringLiteral("from"), h.from.toString(TimeFormat)},
                                 {QStringLiteral("to"), h.to.toString(TimeFormat)}});
    QJsonArray closures;
    for (const Closure &c : calendar.closures()) {
        QJsonObject closure{{QStringLiteral("from"), c.from.toString(LocalFormat)},
                            {QStringLiteral("to"), c.to.toString(LocalFormat)}};
        if (!c.name.isEmpty())
            closure.insert(QStringLiteral("name"), c.name);
        closures.append(closure);
    }
    QJsonObject json{{QStringLiteral("timezone"), QString::fromUtf8(calendar.zone().id())},
                     {QStringLiteral("hours"), hours},
                     {QStringLiteral("closures"), closures}};
    if (calendar.hasOwnAutoReply())
        json.insert(QStringLiteral("autoReply"), calendar.autoReply());
    if (calendar.busyAfterMinutes())
        json.insert(QStringLiteral("busyAfterMinutes"), *calendar.busyAfterMinutes());
    if (calendar.hasOwnBusyReply())
        json.insert(QStringLiteral("busyReply"), calendar.busyReply());
    return json;
}

Result<BusinessCalendar> decode(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("calendar"));
    const QString zoneId = r.string("timezone", 1, 64);
    const QJsonArray hours = r.array("hours");
    if (!r.ok())
        return r.failure();
    const QTimeZone zone(zoneId.toUtf8());
    if (!zone.isValid()) {
        r.fail("timezone", QStringLiteral("is not a known timezone (an IANA name such as "
                                          "Europe/Berlin)"));
        return r.failure();
    }
    if (hours.isEmpty() || hours.size() > Protocol::MaxOpeningIntervals) {
        r.fail("hours", QStringLiteral("must hold 1 to %1 intervals (a calendar that never "
                                       "opens promises nothing)")
                            .arg(Protocol::MaxOpeningIntervals));
        return r.failure();
    }
    QList<OpeningHours> week;
    for (qsizetype i = 0; i < hours.size(); ++i) {
        FieldReader h(hours.at(i).toObject(), QStringLiteral("calendar.hours[%1]").arg(i));
        if (!hours.at(i).isObject())
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("calendar.hours[%1]: must be an object").arg(i)};
        OpeningHours o;
        o.day = int(h.integer("day", 1, 7));
        o.from = timeOf(h, "from");
        o.to = timeOf(h, "to");
        if (!h.ok())
            return h.failure();
        week.append(o);
    }
    const QJsonValue closuresValue = json.value(QLatin1String("closures"));
    if (!closuresValue.isUndefined() && !closuresValue.isNull() && !closuresValue.isArray())
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("calendar.closures: must be an array")};
    const QJsonArray closureList = closuresValue.toArray();
    if (closureList.size() > Protocol::MaxClosures)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("calendar.closures: at most %1").arg(Protocol::MaxClosures)};
    QList<Closure> off;
    for (qsizetype i = 0; i < closureList.size(); ++i) {
        if (!closureList.at(i).isObject())
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("calendar.closures[%1]: must be an object").arg(i)};
        FieldReader c(closureList.at(i).toObject(), QStringLiteral("calendar.closures[%1]").arg(i));
        Closure closure;
        closure.from = localOf(c, "from", zone);
        closure.to = localOf(c, "to", zone);
        closure.name =
            c.optionalString("name", 0, Protocol::MaxClosureNameChars).value_or(QString());
        if (c.ok() && closure.to <= closure.from)
            c.fail("to", QStringLiteral("must be after from"));
        if (c.ok() && closure.from.daysTo(closure.to) > Protocol::MaxClosureDays)
            c.fail(
                "to",
                QStringLiteral("must be at most %1 days after from").arg(Protocol::MaxClosureDays));
        if (!c.ok())
            return c.failure();
        off.append(closure);
    }
    BusinessCalendar calendar(zone, week, off);
    FieldReader a(json, QStringLiteral("calendar"));
    calendar.setAutoReply(a.optionalString("autoReply", 0, Protocol::MaxAutoReplyChars));
    if (const auto after = a.optionalInteger("busyAfterMinutes", 1, Protocol::MaxBusyAfterMinutes))
        calendar.setBusyAfterMinutes(int(*after));
    calendar.setBusyReply(a.optionalString("busyReply", 1, Protocol::MaxAutoReplyChars));
    if (!a.ok())
        return a.failure();
    return calendar;
}

} // namespace Tandem::CalendarJson
