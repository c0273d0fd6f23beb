// SPDX-License-Identifier: GPL-3.0-or-later
// SLA policies and clocks against the real tandemd: a team's targets are saved and synced,
// a bad policy is refused naming the field, and each conversation carries what its clocks
// are worked out from, paused while it waits on the customer, counted in business time,
// moved by the injectable clock.
#include "calendar/calendarjson.h"
#include "clockhand.h"
#include "framefields.h"
#include "protocol/wirecodec.h"
#include "sla/slaclock.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <memory>

using namespace Tandem;
using namespace FrameFields;

namespace {

const QString Password = QStringLiteral("correct horse battery");
constexpr qint64 Minute = 60;
constexpr qint64 MinuteMs = 60 * 1000;

//! Open 08:00 to 10:00 UTC every day: ClockHand's clock starts at the opening.
QJsonObject twoHoursADay()
{
    QJsonArray hours;
    for (int day = 1; day <= 7; ++day)
        hours.append(QJsonObject{{QStringLiteral("day"), day},
                                 {QStringLiteral("from"), QStringLiteral("08:00")},
                                 {QStringLiteral("to"), QStringLiteral("10:00")}});
    return {{QStringLiteral("timezone"), QStringLiteral("UTC")}, {QStringLiteral("hours"), hours}};
}

//! A first reply within an hour, a next one within half an hour, resolved within a day.
QJsonObject policy()
{
    return {{QStringLiteral("warnAtPercent"), 75},
            {QStringLiteral("targets"),
             QJsonArray{QJsonObject{{QStringLiteral("firstReplyMinutes"), 60},
                                    {QStringLiteral("nextReplyMinutes"), 30},
                                    {QStringLiteral("resolutionMinutes"), 1440}}}}};
}

} // namespace

class TestSlaClocks : public QObject
{
    Q_OBJECT

    TandemdProcess m_server{ClockHand::startArguments()};
    std::unique_ptr<ClockHand> m_hand;
    TestClient m_sue; // supervisor

    QJsonObject saveSupport(const QJsonValue &sla)
    {
        return m_sue.request(QStringLiteral("team.save"),
                             {{QStringLiteral("team"), 1},
                              {QStringLiteral("name"), QStringLiteral("Support")},
                              {QStringLiteral("members"), QJsonArray{}},
                              {QStringLiteral("calendar"), twoHoursADay()},
                              {QStringLiteral("sla"), sla}});
    }

    //! The conversation as the server has it now (from the list Sue pages through).
    Conversation current(qint64 id)
    {
        const QJsonObject page = m_sue.request(QStringLiteral("conversations"), {});
        for (const QJsonValue &v : data(page).value(QLatin1String("conversations")).toArray())
            if (integer(v.toObject(), "id") == id) {
                auto decoded = Wire::decodeConversation(v.toObject());
                if (decoded)
                    return decoded.value();
                qWarning() << "undecodable:" << decoded.failure().message;
            }
        return {};
    }

    //! The clock of `kind` of conversation `id` at the server's now.
    SlaClock clockOf(qint64 id, SlaClock::Kind kind, const QDateTime &now)
    {
        const BusinessCalendar calendar = CalendarJson::decode(twoHoursADay()).value();
        const SlaTargets targets{60 * Minute, 30 * Minute, 1440 * Minute};
        for (const SlaClock &clock : SlaClocks::of(current(id), targets, &calendar, now))
            if (clock.kind == kind)
                return clock;
        return {};
    }

    QDateTime serverNow() const
    {
        return QDateTime::fromMSecsSinceEpoch(ClockHand::Start, QTimeZone::utc())
            .addMSecs(m_elapsedMs);
    }
    bool advance(qint64 ms)
    {
        m_elapsedMs += ms;
        return m_hand->advance(ms);
    }
    qint64 m_elapsedMs = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_hand = std::make_unique<ClockHand>(m_server);
        QVERIFY(m_hand->isReady());
        QVERIFY(m_server.addAgent(QStringLiteral("sue@example.com"), QStringLiteral("Sue"),
                                  Password, QStringLiteral("supervisor")));
        QVERIFY(m_sue.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!m_sue.agentSignIn(QStringLiteral("sue@example.com"), Password).isEmpty());
    }

    void aBadPolicyIsRefusedAndChangesNothing()
    {
        QJsonObject bad = policy();
        bad.insert(QStringLiteral("targets"),
                   QJsonArray{QJsonObject{{QStringLiteral("firstReplyMinutes"), -5}}});
        const QJsonObject refused = saveSupport(bad);
        QCOMPARE(code(refused), QStringLiteral("bad_request"));
        QVERIFY2(
            str(refused, "message").contains(QLatin1String("sla.targets[0].firstReplyMinutes")),
            qPrintable(str(refused, "message")));
        QCOMPARE(code(saveSupport(QStringLiteral("an hour"))), QStringLiteral("bad_request"));
    }

    void aPolicyIsSavedAndSyncedWithTheTeam()
    {
        QCOMPARE(type(saveSupport(policy())), QStringLiteral("ok"));
        const QJsonObject saved = m_sue.waitEvent(QStringLiteral("team.saved"));
        const QJsonObject sla = obj(obj(data(saved), "team"), "sla");
        QCOMPARE(integer(sla, "warnAtPercent"), 75);
        QCOMPARE(integer(sla.value(QLatin1String("targets")).toArray().first().toObject(),
                         "nextReplyMinutes"),
                 30);
        // Saving the team without the field keeps its policy.
        QCOMPARE(type(m_sue.request(QStringLiteral("team.save"),
                                    {{QStringLiteral("team"), 1},
                                     {QStringLiteral("name"), QStringLiteral("Support")},
                                     {QStringLiteral("members"), QJsonArray{}}})),
                 QStringLiteral("ok"));
        QVERIFY(!obj(obj(data(m_sue.waitEvent(QStringLiteral("team.saved"))), "team"), "sla")
                     .isEmpty());
    }

    void clocksRunInBusinessTimeAndPauseWhileWaitingOnTheCustomer()
    {
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer.customerHello(QStringLiteral("Nora")).isEmpty());
        const QJsonObject sent =
            customer.request(QStringLiteral("send"), sendFields(QStringLiteral("My order?")));
        QCOMPARE(type(sent), QStringLiteral("ok"));
        const qint64 id = integer(obj(data(sent), "conversation"), "id");
        QCOMPARE(current(id).sla.awaitingSince, serverNow());

        // Twenty minutes in, Sue asks for the order number and waits on the customer.
        QVERIFY(advance(20 * MinuteMs));
        QCOMPARE(clockOf(id, SlaClock::Kind::FirstReply, serverNow()).elapsedSeconds, 20 * Minute);
        QCOMPARE(type(m_sue.request(QStringLiteral("status"),
                                    {{QStringLiteral("conversation"), id},
                                     {QStringLiteral("status"), QStringLiteral("pending")}})),
                 QStringLiteral("ok"));
        QCOMPARE(clockOf(id, SlaClock::Kind::FirstReply, serverNow()).state,
                 SlaClock::State::Paused);

        // A day later the customer writes back: the clock runs again with the 20 minutes it
        // had; the pause (an hour and 40 minutes of yesterday's hours, 20 of today's) is off.
        QVERIFY(advance(24 * 60 * MinuteMs));
        QCOMPARE(type(customer.request(QStringLiteral("send"),
                                       sendFields(QStringLiteral("It is 4711"), id))),
                 QStringLiteral("ok"));
        const Conversation woken = current(id);
        QCOMPARE(woken.status, QStringLiteral("open"));
        QCOMPARE(woken.sla.pausedSeconds, 120 * Minute);
        const SlaClock running = clockOf(id, SlaClock::Kind::FirstReply, serverNow());
        QCOMPARE(running.state, SlaClock::State::Running);
        QCOMPARE(running.elapsedSeconds, 20 * Minute);
        QCOMPARE(running.due, serverNow().addSecs(40 * Minute));

        // Sue answers 30 minutes later: the first reply took 50 minutes, within its hour.
        QVERIFY(advance(30 * MinuteMs));
        QCOMPARE(type(m_sue.request(QStringLiteral("send"),
                                    sendFields(QStringLiteral("Found it, on its way"), id))),
                 QStringLiteral("ok"));
        const SlaClock first = clockOf(id, SlaClock::Kind::FirstReply, serverNow());
        QCOMPARE(first.state, SlaClock::State::Met);
        QCOMPARE(first.elapsedSeconds, 50 * Minute);

        // The customer writes again at 09:00; closing at 10:00 stops the count overnight.
        QVERIFY(advance(10 * MinuteMs)); // 09:00
        QCOMPARE(type(customer.request(QStringLiteral("send"),
                                       sendFields(QStringLiteral("Thanks! And the bill?"), id))),
                 QStringLiteral("ok"));
        QVERIFY(advance(20 * 60 * MinuteMs)); // 05:00 the next day, closed
        const SlaClock next = clockOf(id, SlaClock::Kind::NextReply, serverNow());
        QCOMPARE(next.state, SlaClock::State::Breached); // an hour counted, half allowed
        QCOMPARE(next.elapsedSeconds, 60 * Minute);
        QCOMPARE(next.due, QDateTime::fromMSecsSinceEpoch(ClockHand::Start, QTimeZone::utc())
                               .addDays(1)
                               .addSecs(3600 + 30 * Minute));

        // A machine's answer (not through this path) aside, resolving stops the last clock.
        QCOMPARE(type(m_sue.request(QStringLiteral("status"),
                                    {{QStringLiteral("conversation"), id},
                                     {QStringLiteral("status"), QStringLiteral("resolved")}})),
                 QStringLiteral("ok"));
        const QJsonObject resolvedPage =
            m_sue.request(QStringLiteral("conversations"), {{QStringLiteral("resolved"), true}});
        const QJsonArray resolved =
            data(resolvedPage).value(QLatin1String("conversations")).toArray();
        QCOMPARE(resolved.size(), 1);
        const QJsonObject record = obj(resolved.first().toObject(), "sla");
        // 20 minutes the first day, from 08:20 to closing the second: 120 of business time.
        QCOMPARE(integer(record, "resolutionSeconds"), 120 * Minute);
    }
};

QTEST_GUILESS_MAIN(TestSlaClocks)
#include "tst_slaclocks.moc"
