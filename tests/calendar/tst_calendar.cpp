// SPDX-License-Identifier: GPL-3.0-or-later
// A team's business hours: open or closed, the next opening, business time between two
// instants, across daylight saving changes, overnight hours, holidays and .ics imports.
#include "calendar/autoreplytext.h"
#include "calendar/businesscalendar.h"
#include "calendar/calendarjson.h"
#include "calendar/icsimport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Tandem;

namespace {

const QTimeZone Berlin("Europe/Berlin");

QDateTime local(const char *text)
{
    return QDateTime(QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).date(),
                     QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).time(), Berlin);
}

QDateTime utc(const char *text)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

//! Monday to Friday, 08:00 to 18:00 in Berlin.
QList<OpeningHours> officeWeek()
{
    QList<OpeningHours> week;
    for (int day = 1; day <= 5; ++day)
        week.append({day, QTime(8, 0), QTime(18, 0)});
    return week;
}

constexpr qint64 Hour = 3600;

//! JSON written with single quotes, which read more easily in C++ strings.
QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class TestCalendar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openInItsHoursClosedOutsideThem()
    {
        const BusinessCalendar c(Berlin, officeWeek());
        QVERIFY(c.isOpen(local("2026-12-01T08:00:00"))); // Tuesday, opening minute
        QVERIFY(c.isOpen(local("2026-12-01T17:59:59")));
        QVERIFY(!c.isOpen(local("2026-12-01T18:00:00"))); // closing is exclusive
        QVERIFY(!c.isOpen(local("2026-12-01T07:59:00")));
        QVERIFY(!c.isOpen(local("2026-12-05T10:00:00"))); // Saturday
        // Instants in any zone: 07:30 UTC is 08:30 in Berlin in winter.
        QVERIFY(c.isOpen(utc("2026-12-01T07:30:00")));
        // Friday evening: next Monday at eight, which is 07:00 UTC.
        QCOMPARE(c.nextOpening(local("2026-12-04T18:30:00")), utc("2026-12-07T07:00:00"));
        QCOMPARE(c.nextOpening(local("2026-12-01T10:00:00")), utc("2026-12-01T09:00:00"));
        QCOMPARE(c.nextClosing(local("2026-12-01T10:00:00")), utc("2026-12-01T17:00:00"));
        QVERIFY(!c.nextClosing(local("2026-12-05T10:00:00")).isValid());
    }

    void businessTimeSkipsNightsAndWeekends()
    {
        const BusinessCalendar c(Berlin, officeWeek());
        // Friday 17:00 to Monday 09:00: one hour each side.
        QCOMPARE(
            c.businessSecondsBetween(local("2026-12-04T17:00:00"), local("2026-12-07T09:00:00")),
            2 * Hour);
        QCOMPARE(
            c.businessSecondsBetween(local("2026-12-07T09:00:00"), local("2026-12-04T17:00:00")),
            0);
        // Two hours from Friday 17:00 are due Monday at nine.
        QCOMPARE(c.addBusinessSeconds(local("2026-12-04T17:00:00"), 2 * Hour),
                 local("2026-12-07T09:00:00").toUTC());
        // Nothing to add on a Saturday: due at the opening.
        QCOMPARE(c.addBusinessSeconds(local("2026-12-05T12:00:00"), 0),
                 local("2026-12-07T08:00:00").toUTC());
        QVERIFY(!c.addBusinessSeconds(local("2026-12-05T12:00:00"), -1).isValid());
    }

    void daylightSavingMovesTheInstantsNotTheHours()
    {
        const BusinessCalendar c(Berlin, officeWeek());
        // Summer time starts on Sunday 28 March 2027: eight o'clock comes an hour earlier.
        QCOMPARE(c.nextOpening(local("2027-03-22T07:00:00")), utc("2027-03-22T07:00:00"));
        QCOMPARE(c.nextOpening(local("2027-03-29T07:00:00")), utc("2027-03-29T06:00:00"));
        QCOMPARE(
            c.businessSecondsBetween(local("2027-03-22T00:00:00"), local("2027-04-05T00:00:00")),
            100 * Hour);

        // An overnight interval over the changes: five hours in spring, seven in autumn.
        const BusinessCalendar nights(Berlin, {{6, QTime(22, 0), QTime(4, 0)}});
        QVERIFY(nights.isOpen(local("2027-03-28T01:30:00")));
        QVERIFY(nights.isOpen(local("2027-03-28T03:30:00")));
        QVERIFY(!nights.isOpen(local("2027-03-28T04:00:00")));
        QCOMPARE(nights.businessSecondsBetween(local("2027-03-27T12:00:00"),
                                               local("2027-03-28T12:00:00")),
                 5 * Hour);
        QCOMPARE(nights.businessSecondsBetween(local("2027-10-30T12:00:00"),
                                               local("2027-10-31T12:00:00")),
                 7 * Hour);
        QCOMPARE(nights.nextClosing(local("2027-03-27T23:00:00")), local("2027-03-28T04:00:00"));
    }

    void overnightHoursJoinAcrossMidnight()
    {
        // Open Friday 20:00 to Saturday 02:00 and Saturday 00:00 to 06:00: one stretch.
        const BusinessCalendar c(Berlin,
                                 {{5, QTime(20, 0), QTime(2, 0)}, {6, QTime(0, 0), QTime(6, 0)}});
        QCOMPARE(c.nextClosing(local("2026-12-04T21:00:00")), local("2026-12-05T06:00:00"));
        QCOMPARE(
            c.businessSecondsBetween(local("2026-12-04T00:00:00"), local("2026-12-06T00:00:00")),
            10 * Hour);
        // "00:00" to "00:00" is the whole day.
        const BusinessCalendar sunday(Berlin, {{7, QTime(0, 0), QTime(0, 0)}});
        QCOMPARE(sunday.businessSecondsBetween(local("2026-12-06T00:00:00"),
                                               local("2026-12-07T00:00:00")),
                 24 * Hour);
    }

    void holidaysAndPartialClosures()
    {
        const BusinessCalendar c(Berlin, officeWeek(),
                                 {{local("2026-12-24T00:00:00"), local("2026-12-27T00:00:00"),
                                   QStringLiteral("Christmas")},
                                  {local("2026-12-01T12:00:00"), local("2026-12-01T14:00:00"),
                                   QStringLiteral("Training")}});
        QVERIFY(!c.isOpen(local("2026-12-24T10:00:00")));
        QVERIFY(!c.isOpen(local("2026-12-25T10:00:00")));
        // Wednesday evening before Christmas: back on Monday the 28th.
        QCOMPARE(c.nextOpening(local("2026-12-23T18:30:00")), local("2026-12-28T08:00:00").toUTC());
        QCOMPARE(
            c.businessSecondsBetween(local("2026-12-23T17:00:00"), local("2026-12-28T09:00:00")),
            2 * Hour);
        // The training splits a Tuesday.
        QVERIFY(!c.isOpen(local("2026-12-01T13:00:00")));
        QCOMPARE(c.nextClosing(local("2026-12-01T10:00:00")), local("2026-12-01T12:00:00").toUTC());
        QCOMPARE(c.nextOpening(local("2026-12-01T13:00:00")), local("2026-12-01T14:00:00").toUTC());
        QCOMPARE(
            c.businessSecondsBetween(local("2026-12-01T00:00:00"), local("2026-12-02T00:00:00")),
            8 * Hour);
    }

    void aCalendarClosedPastTheHorizonNeverOpens()
    {
        const BusinessCalendar c(
            Berlin, officeWeek(),
            {{local("2026-12-01T00:00:00"), local("2027-12-01T00:00:00"), {}},
             {local("2027-12-01T00:00:00"), local("2028-12-01T00:00:00"), {}}});
        QVERIFY(!c.isOpen(local("2026-12-02T10:00:00")));
        QVERIFY(!c.nextOpening(local("2026-12-02T10:00:00")).isValid());
        QVERIFY(!c.addBusinessSeconds(local("2026-12-02T10:00:00"), Hour).isValid());
        QCOMPARE(
            c.businessSecondsBetween(local("2026-12-01T00:00:00"), local("2027-06-01T00:00:00")),
            0);
    }

    void jsonRoundTrips()
    {
        const BusinessCalendar c(Berlin,
                                 {{1, QTime(8, 0), QTime(18, 0)}, {5, QTime(22, 0), QTime(2, 0)}},
                                 {{local("2026-12-24T00:00:00"), local("2026-12-27T00:00:00"),
                                   QStringLiteral("Christmas")}});
        const QJsonObject json = CalendarJson::encode(c);
        QCOMPARE(json.value(QLatin1String("timezone")).toString(), QStringLiteral("Europe/Berlin"));
        QCOMPARE(json.value(QLatin1String("hours"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("to"))
                     .toString(),
                 QStringLiteral("02:00"));
        QCOMPARE(json.value(QLatin1String("closures"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("from"))
                     .toString(),
                 QStringLiteral("2026-12-24T00:00"));
        const Result<BusinessCalendar> back = CalendarJson::decode(json);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.failure().message));
        QVERIFY(back.value() == c);
        // The team's own auto-reply travels with it; none set reads as the default, and an
        // empty one (no automatic reply) stays empty.
        QVERIFY(!json.contains(QLatin1String("autoReply")));
        QCOMPARE(back->autoReply(), BusinessCalendar::DefaultAutoReply);
        BusinessCalendar own = c;
        own.setAutoReply(QStringLiteral("Back {opening}"));
        QCOMPARE(CalendarJson::decode(CalendarJson::encode(own))->autoReply(),
                 QStringLiteral("Back {opening}"));
        own.setAutoReply(QString());
        const auto off = CalendarJson::decode(CalendarJson::encode(own));
        QVERIFY(off->hasOwnAutoReply());
        QVERIFY(off->autoReply().isEmpty());
        QVERIFY(!(off.value() == c));
    }

    void theLastClosingIsWhereTheClosedStretchBegan()
    {
        const BusinessCalendar c(Berlin, officeWeek(),
                                 {{local("2026-12-24T00:00:00"), local("2026-12-27T00:00:00"),
                                   QStringLiteral("Christmas")}});
        // Saturday: closed since Friday at six.
        QCOMPARE(c.lastClosing(local("2026-12-05T10:00:00")), local("2026-12-04T18:00:00").toUTC());
        // Early Tuesday: since Monday evening.
        QCOMPARE(c.lastClosing(local("2026-12-01T07:00:00")), local("2026-11-30T18:00:00").toUTC());
        // Open: no closed stretch.
        QVERIFY(!c.lastClosing(local("2026-12-01T10:00:00")).isValid());
        // Over Christmas and the weekend after it: since Wednesday the 23rd at six.
        QCOMPARE(c.lastClosing(local("2026-12-27T12:00:00")), local("2026-12-23T18:00:00").toUTC());
        // Never open before: none.
        const BusinessCalendar fresh(
            Berlin, officeWeek(),
            {{local("2025-01-01T00:00:00"), local("2025-12-31T00:00:00"), {}},
             {local("2025-12-31T00:00:00"), local("2026-12-31T00:00:00"), {}}});
        QVERIFY(!fresh.lastClosing(local("2026-12-01T10:00:00")).isValid());
    }

    void autoReplyTextsGiveTimesInTheCustomersZoneAndLanguage()
    {
        const QDateTime opening = utc("2026-12-07T07:00:00");
        const QString text = QStringLiteral("Open {opening}, reply by {replyBy}, {unknown}");
        QCOMPARE(AutoReplyText::fill(text, opening, opening.addSecs(Hour),
                                     QTimeZone("America/New_York"), QLocale(QLocale::English),
                                     QStringLiteral("soon")),
                 QStringLiteral("Open Monday 7 December, 02:00 (America/New_York), reply by "
                                "Monday 7 December, 03:00 (America/New_York), {unknown}"));
        QCOMPARE(AutoReplyText::fill(text, opening, QDateTime(), Berlin, QLocale(QLocale::French),
                                     QStringLiteral("bientôt")),
                 QStringLiteral("Open lundi 7 décembre, 08:00 (Europe/Berlin), reply by bientôt, "
                                "{unknown}"));
    }

    void badCalendarsAreRefusedWithTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const auto hours = [](const QByteArray &extra) {
            return (q("{'timezone':'Europe/Berlin','hours':[")) + extra + "]}";
        };
        QTest::newRow("no timezone") << (q("{'hours':[]}")) << "calendar.timezone";
        QTest::newRow("unknown timezone") << QByteArray(
            q("{'timezone':'Mars/Olympus','hours':[{'day':1,'from':'08:00','to':'18:00'}]}"))
                                          << "calendar.timezone";
        QTest::newRow("never open") << hours("") << "calendar.hours";
        QTest::newRow("hours not a list")
            << (q("{'timezone':'UTC','hours':{'day':1}}")) << "calendar.hours";
        QTest::newRow("day 8") << hours(q("{'day':8,'from':'08:00','to':'18:00'}"))
                               << "calendar.hours[0].day";
        QTest::newRow("25 o'clock")
            << hours(q("{'day':1,'from':'25:00','to':'18:00'}")) << "calendar.hours[0].from";
        QTest::newRow("short time")
            << hours(q("{'day':1,'from':'8:00','to':'18:00'}")) << "calendar.hours[0].from";
        QTest::newRow("hour not an object") << hours(q("'08:00'")) << "calendar.hours[0]";
        QByteArray many = hours("");
        many.chop(2);
        for (int i = 0; i < 71; ++i)
            many += QByteArray(i ? "," : "") + q("{'day':1,'from':'08:00','to':'09:00'}");
        many += "]}";
        QTest::newRow("71 intervals") << many << "calendar.hours";
        const QByteArray open =
            q("{'timezone':'UTC','hours':[{'day':1,'from':'08:00','to':'18:00'}],");
        QTest::newRow("closure ends first")
            << open + q("'closures':[{'from':'2026-12-24T00:00','to':'2026-12-23T00:00'}]}")
            << "calendar.closures[0].to";
        QTest::newRow("closure over a year")
            << open + q("'closures':[{'from':'2026-01-01T00:00','to':'2027-01-03T00:00'}]}")
            << "calendar.closures[0].to";
        QTest::newRow("closure with offset")
            << open + q("'closures':[{'from':'2026-12-24T00:00Z','to':'2026-12-27T00:00'}]}")
            << "calendar.closures[0].from";
        QTest::newRow("closures not a list")
            << open + q("'closures':'Christmas'}") << "calendar.closures";
        QTest::newRow("auto-reply not text") << open + q("'autoReply':42}") << "calendar.autoReply";
        QTest::newRow("auto-reply too long")
            << open + q("'autoReply':'") + QByteArray(1001, 'x') + q("'}") << "calendar.autoReply";
        QTest::newRow("closure name too long")
            << open + q("'closures':[{'from':'2026-12-24T00:00','to':'2026-12-27T00:00','name':'")
                   + QByteArray(101, 'x') + q("'}]}")
            << "calendar.closures[0].name";
    }

    void badCalendarsAreRefusedWithTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const Result<BusinessCalendar> decoded =
            CalendarJson::decode(QJsonDocument::fromJson(json).object());
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.failure().code, ErrorCode::BadRequest);
        QVERIFY2(decoded.failure().message.startsWith(field + QLatin1Char(':')),
                 qPrintable(decoded.failure().message));
    }

    void holidaysImportFromIcs()
    {
        const QByteArray ics = "BEGIN:VCALENDAR\r\n"
                               "VERSION:2.0\r\n"
                               "PRODID:-//Tandem tests//EN\r\n"
                               "BEGIN:VEVENT\r\n"
                               "UID:christmas@example.com\r\n"
                               "DTSTART;VALUE=DATE:20261224\r\n"
                               "DTEND;VALUE=DATE:20261227\r\n"
                               "SUMMARY:Christmas\r\n"
                               "END:VEVENT\r\n"
                               "BEGIN:VEVENT\r\n"
                               "UID:newyear@example.com\r\n"
                               "DTSTART;VALUE=DATE:20270101\r\n"
                               "RRULE:FREQ=YEARLY\r\n"
                               "EXDATE;VALUE=DATE:20280101\r\n"
                               "SUMMARY:New Year's Day\r\n"
                               "END:VEVENT\r\n"
                               "BEGIN:VEVENT\r\n"
                               "UID:offsite@example.com\r\n"
                               "DTSTART:20261230T120000Z\r\n"
                               "DTEND:20261230T160000Z\r\n"
                               "SUMMARY:Team offsite\r\n"
                               "END:VEVENT\r\n"
                               "BEGIN:VEVENT\r\n"
                               "UID:call@example.com\r\n"
                               "DTSTART;TZID=America/New_York:20261231T090000\r\n"
                               "DTEND;TZID=America/New_York:20261231T100000\r\n"
                               "SUMMARY:All-hands call\r\n"
                               "END:VEVENT\r\n"
                               "BEGIN:VEVENT\r\n"
                               "UID:old@example.com\r\n"
                               "DTSTART;VALUE=DATE:20200101\r\n"
                               "SUMMARY:Long gone\r\n"
                               "END:VEVENT\r\n"
                               "END:VCALENDAR\r\n";
        const auto read = IcsImport::closures(ics, Berlin, QDate(2026, 12, 1), QDate(2029, 1, 1));
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.failure().message));
        const QList<Closure> closures = read.value();
        QCOMPARE(closures.size(), 4);
        QCOMPARE(closures.at(0),
                 (Closure{local("2026-12-24T00:00:00"), local("2026-12-27T00:00:00"),
                          QStringLiteral("Christmas")}));
        // 12:00 UTC is 13:00 in Berlin; 09:00 in New York is 15:00 there.
        QCOMPARE(closures.at(1),
                 (Closure{local("2026-12-30T13:00:00"), local("2026-12-30T17:00:00"),
                          QStringLiteral("Team offsite")}));
        QCOMPARE(closures.at(2),
                 (Closure{local("2026-12-31T15:00:00"), local("2026-12-31T16:00:00"),
                          QStringLiteral("All-hands call")}));
        // The yearly holiday: 2027, not 2028 (excluded), not 2029 (past the window).
        QCOMPARE(closures.at(3),
                 (Closure{local("2027-01-01T00:00:00"), local("2027-01-02T00:00:00"),
                          QStringLiteral("New Year's Day")}));
        // What was imported closes the team.
        const BusinessCalendar c(Berlin, officeWeek(), closures);
        QVERIFY(!c.isOpen(local("2026-12-30T14:00:00")));
        QVERIFY(c.isOpen(local("2026-12-30T12:00:00")));
        QVERIFY(CalendarJson::decode(CalendarJson::encode(c)).ok());
    }

    void notIcalendarIsRefused()
    {
        const QDate from(2026, 12, 1), until(2027, 12, 1);
        QVERIFY(!IcsImport::closures("hello", Berlin, from, until).ok());
        QVERIFY(!IcsImport::closures(QByteArray(IcsImport::MaxBytes + 1, 'x'), Berlin, from, until)
                     .ok());
        // A rule that would close the team every day for years: more than a calendar holds.
        const QByteArray daily = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                                 "DTSTART;VALUE=DATE:20261201\r\nRRULE:FREQ=DAILY\r\n"
                                 "SUMMARY:Every day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const auto tooMany = IcsImport::closures(daily, Berlin, from, QDate(2028, 12, 1));
        QVERIFY(!tooMany.ok());
        QVERIFY(tooMany.failure().message.contains(QLatin1String("more than 400")));
        // An event without a start is skipped, not fatal.
        const QByteArray noStart = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                                   "SUMMARY:When?\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const auto none = IcsImport::closures(noStart, Berlin, from, until);
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCalendar)
#include "tst_calendar.moc"
