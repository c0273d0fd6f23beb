// SPDX-License-Identifier: GPL-3.0-or-later
// SLA clocks: which targets apply, how the clocks run in business time, pause while the
// conversation waits on the customer or is put away, and stop when staff answer.
#include "calendar/businesscalendar.h"
#include "domain/conversation.h"
#include "sla/slaclock.h"
#include "sla/slapolicyjson.h"
#include "sla/slarecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Tandem;

namespace {

const QTimeZone Berlin("Europe/Berlin");
constexpr qint64 Minute = 60;
constexpr qint64 Hour = 3600;

QDateTime local(const char *text)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate);
    return QDateTime(t.date(), t.time(), Berlin);
}

//! Monday to Friday, 08:00 to 18:00 in Berlin.
BusinessCalendar officeHours()
{
    QList<OpeningHours> week;
    for (int day = 1; day <= 5; ++day)
        week.append({day, QTime(8, 0), QTime(18, 0)});
    return BusinessCalendar(Berlin, week);
}

//! JSON written with single quotes, which read more easily in C++ strings.
QJsonObject q(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object();
}

//! A conversation a customer started at `at` (their first message then).
Conversation startedAt(const QDateTime &at)
{
    Conversation c;
    c.id = 1;
    c.createdAt = at;
    c.updatedAt = at;
    c.sla.customerWrote(at);
    return c;
}

void setStatus(Conversation &c, const QString &status, const QDateTime &at,
               const BusinessCalendar *calendar)
{
    c.status = status;
    c.sla.statusChanged(status, c.createdAt, at, calendar);
}

SlaClock clockOf(const Conversation &c, const SlaTargets &targets, const BusinessCalendar *calendar,
                 const QDateTime &now, SlaClock::Kind kind)
{
    for (const SlaClock &clock : SlaClocks::of(c, targets, calendar, now))
        if (clock.kind == kind)
            return clock;
    return {};
}

} // namespace

class TestSla : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theMostSpecificRuleSetsTheTargets()
    {
        SlaPolicy policy;
        policy.rules = {{std::nullopt, std::nullopt, {4 * Hour, 8 * Hour, 0}},
                        {std::nullopt, 4, {15 * Minute, Hour, 0}},
                        {2, std::nullopt, {2 * Hour, 0, 0}},
                        {2, 4, {5 * Minute, 0, 0}}};
        QCOMPARE(policy.targetsFor(1, 0).firstReply, 4 * Hour);    // neither matches more
        QCOMPARE(policy.targetsFor(1, 4).firstReply, 15 * Minute); // urgent anywhere
        QCOMPARE(policy.targetsFor(2, 1).firstReply, 2 * Hour);    // the inbox wins
        QCOMPARE(policy.targetsFor(2, 4).firstReply, 5 * Minute);  // both
        QVERIFY(SlaPolicy{}.targetsFor(1, 4).isEmpty());
    }

    void aPolicyReadsBackAsWritten()
    {
        const auto policy = SlaPolicyJson::decode(
            q("{'warnAtPercent': 75, 'targets': [{'firstReplyMinutes': 60, 'resolutionMinutes': "
              "2880}, {'inbox': 2, 'priority': 4, 'firstReplyMinutes': 10, "
              "'nextReplyMinutes': 30}]}"));
        QVERIFY2(policy, qPrintable(policy ? QString() : policy.failure().message));
        QCOMPARE(policy->warnPercent, 75);
        QCOMPARE(policy->rules.size(), 2);
        QCOMPARE(policy->rules.at(0).targets.resolution, 2880 * Minute);
        QCOMPARE(policy->rules.at(1).inboxId, std::optional<qint64>(2));
        QCOMPARE(policy->rules.at(1).targets.nextReply, 30 * Minute);
        const auto again = SlaPolicyJson::decode(SlaPolicyJson::encode(*policy));
        QVERIFY(again);
        QCOMPARE(again.value(), policy.value());
    }

    void aBadPolicyIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("no targets") << q("{}") << QStringLiteral("sla.targets");
        QTest::newRow("a rule without a target")
            << q("{'targets': [{'priority': 2}]}") << QStringLiteral("sla.targets[0]");
        QTest::newRow("zero minutes") << q("{'targets': [{'firstReplyMinutes': 0}]}")
                                      << QStringLiteral("sla.targets[0].firstReplyMinutes");
        QTest::newRow("minutes as text") << q("{'targets': [{'firstReplyMinutes': '60'}]}")
                                         << QStringLiteral("sla.targets[0].firstReplyMinutes");
        QTest::newRow("over a year") << q("{'targets': [{'resolutionMinutes': 600000}]}")
                                     << QStringLiteral("sla.targets[0].resolutionMinutes");
        QTest::newRow("no such priority")
            << q("{'targets': [{'priority': 5, 'firstReplyMinutes': 5}]}")
            << QStringLiteral("sla.targets[0].priority");
        QTest::newRow("a bad inbox") << q("{'targets': [{'inbox': -1, 'firstReplyMinutes': 5}]}")
                                     << QStringLiteral("sla.targets[0].inbox");
        QTest::newRow("the same rule twice")
            << q("{'targets': [{'priority': 1, 'firstReplyMinutes': 5}, "
                 "{'priority': 1, 'firstReplyMinutes': 9}]}")
            << QStringLiteral("sla.targets[1]");
        QTest::newRow("warn at all of it")
            << q("{'warnAtPercent': 100, 'targets': [{'firstReplyMinutes': 5}]}")
            << QStringLiteral("sla.warnAtPercent");
        QTest::newRow("a rule that is not an object")
            << q("{'targets': [3]}") << QStringLiteral("sla.targets[0]");
        QJsonArray many;
        for (int i = 0; i <= SlaPolicyJson::MaxRules; ++i)
            many.append(QJsonObject{{QStringLiteral("inbox"), i + 1},
                                    {QStringLiteral("firstReplyMinutes"), 5}});
        QTest::newRow("too many rules")
            << QJsonObject{{QStringLiteral("targets"), many}} << QStringLiteral("sla.targets");
    }

    void aBadPolicyIsRefusedNamingTheField()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        const auto policy = SlaPolicyJson::decode(json);
        QVERIFY(!policy);
        QCOMPARE(policy.failure().code, ErrorCode::BadRequest);
        QVERIFY2(policy.failure().message.startsWith(field), qPrintable(policy.failure().message));
    }

    void theFirstReplyClockCountsBusinessTimeOnly()
    {
        const BusinessCalendar hours = officeHours();
        // Friday 17:30: half an hour before closing, a four-hour target.
        const Conversation c = startedAt(local("2026-12-04T17:30:00"));
        const SlaTargets targets{4 * Hour, 0, 0};
        const SlaClock friday =
            clockOf(c, targets, &hours, local("2026-12-04T17:50:00"), SlaClock::Kind::FirstReply);
        QCOMPARE(friday.state, SlaClock::State::Running);
        QCOMPARE(friday.elapsedSeconds, 20 * Minute);
        // Due Monday 11:30: 30 minutes on Friday, three and a half hours on Monday.
        QCOMPARE(friday.due, local("2026-12-07T11:30:00"));
        // The weekend does not count.
        const SlaClock sunday =
            clockOf(c, targets, &hours, local("2026-12-06T12:00:00"), SlaClock::Kind::FirstReply);
        QCOMPARE(sunday.elapsedSeconds, 30 * Minute);
        QVERIFY(!sunday.atRisk(80));
        const SlaClock late =
            clockOf(c, targets, &hours, local("2026-12-07T11:00:00"), SlaClock::Kind::FirstReply);
        QVERIFY(late.atRisk(80)); // 3.5 of 4 hours gone
        QCOMPARE(late.state, SlaClock::State::Running);
        const SlaClock breached =
            clockOf(c, targets, &hours, local("2026-12-07T11:40:00"), SlaClock::Kind::FirstReply);
        QCOMPARE(breached.state, SlaClock::State::Breached);
        QCOMPARE(breached.remainingSeconds(), -10 * Minute);
    }

    void aClockPausesWhilePendingAndResumesWithTheTimeItHad()
    {
        const BusinessCalendar hours = officeHours();
        Conversation c = startedAt(local("2026-12-01T09:00:00"));
        const SlaTargets targets{Hour, 0, 8 * Hour};
        // Twenty minutes in, it waits on the customer (say, for an order number) for a day.
        setStatus(c, ConversationStatus::Pending, local("2026-12-01T09:20:00"), &hours);
        const SlaClock paused =
            clockOf(c, targets, &hours, local("2026-12-02T09:00:00"), SlaClock::Kind::FirstReply);
        QCOMPARE(paused.state, SlaClock::State::Paused);
        QCOMPARE(paused.elapsedSeconds, 20 * Minute);
        QVERIFY(!paused.due.isValid());
        setStatus(c, ConversationStatus::Open, local("2026-12-02T10:00:00"), &hours);
        const SlaClock resumed =
            clockOf(c, targets, &hours, local("2026-12-02T10:00:00"), SlaClock::Kind::FirstReply);
        QCOMPARE(resumed.state, SlaClock::State::Running);
        QCOMPARE(resumed.elapsedSeconds, 20 * Minute);
        QCOMPARE(resumed.due, local("2026-12-02T10:40:00"));
        // The resolution clock paused too.
        const SlaClock resolution =
            clockOf(c, targets, &hours, local("2026-12-02T10:00:00"), SlaClock::Kind::Resolution);
        QCOMPARE(resolution.elapsedSeconds, 20 * Minute);

        // Staff answer at 10:30: the first reply took 50 minutes of business time, met.
        c.sla.staffReplied(true, local("2026-12-02T10:30:00"), &hours);
        c.firstReplyAt = local("2026-12-02T10:30:00");
        const SlaClock met =
            clockOf(c, targets, &hours, local("2026-12-03T10:00:00"), SlaClock::Kind::FirstReply);
        QCOMPARE(met.state, SlaClock::State::Met);
        QCOMPARE(met.elapsedSeconds, 50 * Minute);
        QVERIFY(!met.owed);
    }

    void aSnoozeThatEndsWithTheCustomerWritingCountsOnlyFromTheirMessage()
    {
        const BusinessCalendar hours = officeHours();
        Conversation c = startedAt(local("2026-12-01T09:00:00"));
        c.sla.staffReplied(true, local("2026-12-01T09:10:00"), &hours);
        c.firstReplyAt = local("2026-12-01T09:10:00");
        setStatus(c, ConversationStatus::Snoozed, local("2026-12-01T09:15:00"), &hours);
        // The customer writes the next day; their message wakes it.
        c.sla.customerWrote(local("2026-12-02T14:00:00"));
        setStatus(c, ConversationStatus::Open, local("2026-12-02T14:00:00"), &hours);
        const SlaTargets targets{Hour, 2 * Hour, 0};
        const SlaClock next =
            clockOf(c, targets, &hours, local("2026-12-02T14:30:00"), SlaClock::Kind::NextReply);
        QCOMPARE(next.state, SlaClock::State::Running);
        QCOMPARE(next.elapsedSeconds, 30 * Minute);
        QCOMPARE(next.due, local("2026-12-02T16:00:00"));
        // A second message while they wait does not restart their clock.
        c.sla.customerWrote(local("2026-12-02T14:20:00"));
        QCOMPARE(c.sla.awaitingSince, local("2026-12-02T14:00:00"));
        // Staff answer after the target: breached, and it stays so.
        c.sla.staffReplied(false, local("2026-12-02T16:30:00"), &hours);
        const SlaClock late =
            clockOf(c, targets, &hours, local("2026-12-03T09:00:00"), SlaClock::Kind::NextReply);
        QCOMPARE(late.state, SlaClock::State::Breached);
        QCOMPARE(late.elapsedSeconds, 150 * Minute);
        QVERIFY(!late.owed);
        // The first reply is still told apart.
        QCOMPARE(
            clockOf(c, targets, &hours, local("2026-12-03T09:00:00"), SlaClock::Kind::FirstReply)
                .state,
            SlaClock::State::Met);
    }

    void resolvingStopsTheResolutionClockAndReopeningResumesIt()
    {
        Conversation c = startedAt(QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc()));
        const SlaTargets targets{0, 0, 4 * Hour}; // around the clock: no calendar
        setStatus(c, ConversationStatus::Resolved, c.createdAt.addSecs(3 * Hour), nullptr);
        const SlaClock resolved = clockOf(c, targets, nullptr, c.createdAt.addSecs(48 * Hour),
                                          SlaClock::Kind::Resolution);
        QCOMPARE(resolved.state, SlaClock::State::Met);
        QCOMPARE(resolved.elapsedSeconds, 3 * Hour);
        // Reopened a day later: the day resolved does not count, the rest does.
        setStatus(c, ConversationStatus::Open, c.createdAt.addSecs(27 * Hour), nullptr);
        const SlaClock reopened =
            clockOf(c, targets, nullptr, c.createdAt.addSecs(27 * Hour + 30 * Minute),
                    SlaClock::Kind::Resolution);
        QCOMPARE(reopened.state, SlaClock::State::Running);
        QCOMPARE(reopened.elapsedSeconds, 3 * Hour + 30 * Minute); // 3 h before, 30 min since
        QVERIFY(reopened.atRisk(80));
        QCOMPARE(reopened.due, c.createdAt.addSecs(28 * Hour));
    }

    void thePressingClockIsTheOneWithLeastTimeLeft()
    {
        Conversation c = startedAt(QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc()));
        const QList<SlaClock> clocks =
            SlaClocks::of(c, {Hour, 0, 3 * Hour}, nullptr, c.createdAt.addSecs(30 * Minute));
        QCOMPARE(clocks.size(), 2);
        const SlaClock pressing = SlaClocks::pressing(clocks);
        QCOMPARE(pressing.kind, SlaClock::Kind::FirstReply);
        QCOMPARE(pressing.remainingSeconds(), 30 * Minute);
        QVERIFY(!SlaClocks::pressing({}).owed);
        // No targets, no clocks.
        QVERIFY(SlaClocks::of(c, {}, nullptr, c.createdAt).isEmpty());
    }

    void aRecordReadsBackAndRefusesNonsense()
    {
        Conversation c = startedAt(QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc()));
        setStatus(c, ConversationStatus::Pending, c.createdAt.addSecs(60), nullptr);
        setStatus(c, ConversationStatus::Open, c.createdAt.addSecs(600), nullptr);
        c.sla.staffReplied(true, c.createdAt.addSecs(900), nullptr);
        const auto again = SlaRecordJson::decode(SlaRecordJson::encode(c.sla));
        QVERIFY(again);
        QCOMPARE(again.value(), c.sla);
        QCOMPARE(again->firstReplySeconds, std::optional<qint64>(360));
        QVERIFY(!SlaRecordJson::decode(q("{'pausedSeconds': -5}")));
        QVERIFY(!SlaRecordJson::decode(q("{'awaitingSince': 'yesterday'}")));
        QVERIFY(!SlaRecordJson::decode(q("{'pausedSeconds': 5, 'awaitingPausedBase': 9}")));
        QVERIFY(SlaRecordJson::decode(q("{}"))->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSla)
#include "tst_sla.moc"
