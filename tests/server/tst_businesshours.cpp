// SPDX-License-Identifier: GPL-3.0-or-later
// A team's business hours against the real tandemd: supervisors set them with team.save,
// they are kept in the store, reach every agent as the team's event and in snapshots, and
// bad calendars are refused with the field that is wrong.
#include "clockhand.h"
#include "framefields.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <memory>

using namespace FrameFields;

namespace {

const QString Password = QStringLiteral("correct horse battery");
const QString AgentPath = QStringLiteral("/ws/agent");

QJsonObject officeHours()
{
    QJsonArray hours;
    for (int day = 1; day <= 5; ++day)
        hours.append(QJsonObject{{QStringLiteral("day"), day},
                                 {QStringLiteral("from"), QStringLiteral("08:00")},
                                 {QStringLiteral("to"), QStringLiteral("18:00")}});
    return {{QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")},
            {QStringLiteral("hours"), hours},
            {QStringLiteral("closures"),
             QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("2026-12-24T00:00")},
                                    {QStringLiteral("to"), QStringLiteral("2026-12-27T00:00")},
                                    {QStringLiteral("name"), QStringLiteral("Christmas")}}}}};
}

QJsonObject teamIn(const QJsonArray &teams, qint64 id)
{
    for (const QJsonValue &t : teams)
        if (integer(t.toObject(), "id") == id)
            return t.toObject();
    return {};
}

//! Open every day, but closed from yesterday until the day after tomorrow (UTC): closed now,
//! whenever the test runs, and opening at a known instant.
QJsonObject closedUntilTheDayAfterTomorrow(QDateTime *opens)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    *opens = QDateTime(today.addDays(2), QTime(0, 0), QTimeZone::utc());
    QJsonArray hours;
    for (int day = 1; day <= 7; ++day)
        hours.append(QJsonObject{{QStringLiteral("day"), day},
                                 {QStringLiteral("from"), QStringLiteral("00:00")},
                                 {QStringLiteral("to"), QStringLiteral("00:00")}});
    const QString format = QStringLiteral("yyyy-MM-ddT00:00");
    return {{QStringLiteral("timezone"), QStringLiteral("UTC")},
            {QStringLiteral("hours"), hours},
            {QStringLiteral("closures"),
             QJsonArray{QJsonObject{{QStringLiteral("from"), today.addDays(-1).toString(format)},
                                    {QStringLiteral("to"), today.addDays(2).toString(format)},
                                    {QStringLiteral("name"), QStringLiteral("Moving office")}}}}};
}

//! Open 08:00 to 10:00 UTC every day: ClockHand's clock starts at the opening.
QJsonArray twoHoursADay()
{
    QJsonArray hours;
    for (int day = 1; day <= 7; ++day)
        hours.append(QJsonObject{{QStringLiteral("day"), day},
                                 {QStringLiteral("from"), QStringLiteral("08:00")},
                                 {QStringLiteral("to"), QStringLiteral("10:00")}});
    return hours;
}

//! The texts of the system's messages among `created` (message.created events).
QStringList systemTexts(const QList<QJsonObject> &created)
{
    QStringList texts;
    for (const QJsonObject &e : created) {
        const QJsonObject message = obj(data(e), "message");
        if (obj(message, "author").value(QLatin1String("kind")).toString()
            == QLatin1String("system"))
            texts.append(message.value(QLatin1String("text")).toString());
    }
    return texts;
}

//! A tandemd on ClockHand's clock, its Support team open two hours a day with `autoReply`
//! (absent: the default text), and Sue, a supervisor, signed in.
struct ClockedScene {
    TandemdProcess server{ClockHand::startArguments()};
    std::unique_ptr<ClockHand> hand;
    TestClient sue;

    bool start(const QJsonValue &autoReply = QJsonValue::Undefined,
               const QJsonObject &moreOfTheCalendar = {})
    {
        if (!server.start())
            return false;
        hand = std::make_unique<ClockHand>(server);
        if (!hand->isReady()
            || !server.addAgent(QStringLiteral("sue@example.com"), QStringLiteral("Sue"), Password,
                                QStringLiteral("supervisor"))
            || !sue.open(server.wsUrl(AgentPath))
            || sue.agentSignIn(QStringLiteral("sue@example.com"), Password).isEmpty())
            return false;
        QJsonObject calendar{{QStringLiteral("timezone"), QStringLiteral("UTC")},
                             {QStringLiteral("hours"), twoHoursADay()}};
        if (!autoReply.isUndefined())
            calendar.insert(QStringLiteral("autoReply"), autoReply);
        for (auto it = moreOfTheCalendar.begin(); it != moreOfTheCalendar.end(); ++it)
            calendar.insert(it.key(), it.value());
        const QJsonObject saved = sue.request(QStringLiteral("team.save"),
                                              {{QStringLiteral("team"), 1},
                                               {QStringLiteral("name"), QStringLiteral("Support")},
                                               {QStringLiteral("members"), QJsonArray{}},
                                               {QStringLiteral("calendar"), calendar}});
        // The calendar applies once the team's event is out: Sue sees it, so has the hub.
        return type(saved) == QLatin1String("ok")
               && !sue.waitEvent(QStringLiteral("team.saved")).isEmpty();
    }
};

} // namespace

class TestBusinessHours : public QObject
{
    Q_OBJECT

    TandemdProcess m_server;
    std::unique_ptr<TestClient> m_sue; // supervisor
    std::unique_ptr<TestClient> m_ana; // agent of Support (team 1)
    qint64 m_anaId = 0;

    std::unique_ptr<TestClient> signIn(const QString &email, qint64 *id = nullptr)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_server.wsUrl(AgentPath)))
            return nullptr;
        const QJsonObject signedIn = client->agentSignIn(email, Password);
        if (signedIn.isEmpty())
            return nullptr;
        if (id)
            *id = integer(obj(signedIn, "agent"), "id");
        return client;
    }

    QJsonObject saveSupport(const QJsonObject &extra)
    {
        QJsonObject fields{{QStringLiteral("team"), 1},
                           {QStringLiteral("name"), QStringLiteral("Support")},
                           {QStringLiteral("members"), QJsonArray{m_anaId}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            fields.insert(it.key(), it.value());
        return m_sue->request(QStringLiteral("team.save"), fields);
    }

    QJsonObject availability(const QString &query)
    {
        QNetworkAccessManager http;
        QUrl url = m_server.httpUrl(QStringLiteral("/api/v1/availability"));
        url.setQuery(query.mid(1));
        std::unique_ptr<QNetworkReply> reply(http.get(QNetworkRequest(url)));
        if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000))
            return {};
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    //! A new customer's first message, asking for a live chat; the mode it started in.
    QString startChat(const QString &name)
    {
        TestClient customer;
        if (!customer.open(m_server.wsUrl(QStringLiteral("/ws/customer")))
            || customer.customerHello(name).isEmpty())
            return {};
        const QJsonObject sent = customer.request(
            QStringLiteral("send"),
            {{QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("text"), QStringLiteral("Can someone help me now?")},
             {QStringLiteral("mode"), QStringLiteral("live")}});
        return obj(data(sent), "conversation").value(QLatin1String("mode")).toString();
    }

    QJsonArray snapshotTeams()
    {
        auto fresh = signIn(QStringLiteral("ana@example.com"));
        if (!fresh)
            return {};
        const QJsonObject snapshot = fresh->waitFrame(
            [](const QJsonObject &f) { return type(f) == QLatin1String("snapshot"); });
        return data(snapshot).value(QLatin1String("teams")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addAgent(QStringLiteral("sue@example.com"), QStringLiteral("Sue"),
                                  Password, QStringLiteral("supervisor")));
        QVERIFY(
            m_server.addAgent(QStringLiteral("ana@example.com"), QStringLiteral("Ana"), Password));
        m_sue = signIn(QStringLiteral("sue@example.com"));
        m_ana = signIn(QStringLiteral("ana@example.com"), &m_anaId);
        QVERIFY(m_sue && m_ana);
    }

    void aTeamWithoutHoursIsOpenAroundTheClock()
    {
        const QJsonObject support = teamIn(snapshotTeams(), 1);
        QVERIFY(!support.isEmpty());
        QVERIFY(support.contains(QLatin1String("calendar")));
        QVERIFY(support.value(QLatin1String("calendar")).isNull());
    }

    void supervisorsSetHoursAndEveryAgentLearnsThem()
    {
        const QJsonObject saved = saveSupport({{QStringLiteral("calendar"), officeHours()}});
        QCOMPARE(type(saved), QStringLiteral("ok"));
        QCOMPARE(obj(obj(data(saved), "team"), "calendar"), officeHours());
        // Ana's open connection hears of it.
        const QJsonObject event = m_ana->waitFrame([](const QJsonObject &f) {
            return type(f) == QLatin1String("event")
                   && f.value(QLatin1String("event")).toString() == QLatin1String("team.saved");
        });
        QCOMPARE(obj(obj(data(event), "team"), "calendar"), officeHours());
        // A new connection's snapshot has it.
        QCOMPARE(teamIn(snapshotTeams(), 1).value(QLatin1String("calendar")).toObject(),
                 officeHours());
    }

    void savingATeamWithoutHoursKeepsThem()
    {
        QCOMPARE(type(saveSupport({})), QStringLiteral("ok"));
        QCOMPARE(teamIn(snapshotTeams(), 1).value(QLatin1String("calendar")).toObject(),
                 officeHours());
    }

    void hoursSurviveARestart()
    {
        m_sue.reset();
        m_ana.reset();
        QVERIFY(m_server.restart());
        m_sue = signIn(QStringLiteral("sue@example.com"));
        m_ana = signIn(QStringLiteral("ana@example.com"), &m_anaId);
        QVERIFY(m_sue && m_ana);
        QCOMPARE(teamIn(snapshotTeams(), 1).value(QLatin1String("calendar")).toObject(),
                 officeHours());
    }

    void badHoursAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QJsonValue>("calendar");
        QTest::addColumn<QString>("field");
        QJsonObject unknownZone = officeHours();
        unknownZone.insert(QStringLiteral("timezone"), QStringLiteral("Mars/Olympus"));
        QTest::newRow("unknown timezone") << QJsonValue(unknownZone) << "calendar.timezone";
        QJsonObject never = officeHours();
        never.insert(QStringLiteral("hours"), QJsonArray());
        QTest::newRow("never open") << QJsonValue(never) << "calendar.hours";
        QJsonObject backwards = officeHours();
        backwards.insert(
            QStringLiteral("closures"),
            QJsonArray{QJsonObject{{QStringLiteral("from"), QStringLiteral("2026-12-27T00:00")},
                                   {QStringLiteral("to"), QStringLiteral("2026-12-24T00:00")}}});
        QTest::newRow("closure ends first") << QJsonValue(backwards) << "calendar.closures[0].to";
        QTest::newRow("not an object") << QJsonValue(QStringLiteral("9 to 5")) << "calendar";
    }

    void badHoursAreRefusedAndChangeNothing()
    {
        QFETCH(QJsonValue, calendar);
        QFETCH(QString, field);
        const QJsonObject refused = saveSupport({{QStringLiteral("calendar"), calendar}});
        QCOMPARE(code(refused), QStringLiteral("bad_request"));
        QVERIFY2(refused.value(QLatin1String("message")).toString().startsWith(field),
                 qPrintable(refused.value(QLatin1String("message")).toString()));
        QCOMPARE(teamIn(snapshotTeams(), 1).value(QLatin1String("calendar")).toObject(),
                 officeHours());
    }

    void nullRemovesTheHours()
    {
        QCOMPARE(type(saveSupport({{QStringLiteral("calendar"), QJsonValue()}})),
                 QStringLiteral("ok"));
        QVERIFY(teamIn(snapshotTeams(), 1).value(QLatin1String("calendar")).isNull());
    }

    void outOfHoursTheWidgetIsToldAndChatsStartAsync()
    {
        QDateTime opens;
        QCOMPARE(type(saveSupport(
                     {{QStringLiteral("calendar"), closedUntilTheDayAfterTomorrow(&opens)}})),
                 QStringLiteral("ok"));
        // Applied when the team's event is published, which may follow the reply.
        QTRY_VERIFY(
            !availability(QStringLiteral("?inbox=1")).value(QLatin1String("open")).toBool(true));
        // Ana is online, yet no live chat is offered: the team is closed.
        const QJsonObject closed = availability(QStringLiteral("?inbox=1"));
        QCOMPARE(closed.value(QLatin1String("open")).toBool(true), false);
        QCOMPARE(closed.value(QLatin1String("available")).toBool(true), false);
        QCOMPARE(QDateTime::fromString(closed.value(QLatin1String("opensAt")).toString(),
                                       Qt::ISODateWithMs),
                 opens);
        // A message left now is promised the opening plus the usual delay (no record yet:
        // the fallback hour).
        QCOMPARE(QDateTime::fromString(closed.value(QLatin1String("expectedReplyAt")).toString(),
                                       Qt::ISODateWithMs),
                 opens.addSecs(3600));
        // Without an inbox: the first web inbox's team, the same.
        QCOMPARE(availability({}).value(QLatin1String("open")).toBool(true), false);
        // A customer asking for a live chat anyway leaves a message.
        QCOMPARE(startChat(QStringLiteral("Nora Night")), QStringLiteral("async"));

        // Open around the clock again: the same request starts a live chat.
        QCOMPARE(type(saveSupport({{QStringLiteral("calendar"), QJsonValue()}})),
                 QStringLiteral("ok"));
        QTRY_VERIFY(availability(QStringLiteral("?inbox=1")).value(QLatin1String("open")).toBool());
        const QJsonObject open = availability(QStringLiteral("?inbox=1"));
        QVERIFY(open.value(QLatin1String("closesAt")).isNull());
        QCOMPARE(startChat(QStringLiteral("Dawn Day")), QStringLiteral("live"));
    }

    void atClosingTimeWaitingChatsBecomeMessages()
    {
        TandemdProcess server(ClockHand::startArguments());
        QVERIFY(server.start());
        ClockHand hand(server);
        QVERIFY(hand.isReady());
        QVERIFY(server.addAgent(QStringLiteral("sue@example.com"), QStringLiteral("Sue"), Password,
                                QStringLiteral("supervisor")));
        TestClient sue;
        QVERIFY(sue.open(server.wsUrl(AgentPath)));
        QVERIFY(!sue.agentSignIn(QStringLiteral("sue@example.com"), Password).isEmpty());
        const QJsonObject support = teamIn(data(sue.waitFrame([](const QJsonObject &f) {
                                               return type(f) == QLatin1String("snapshot");
                                           }))
                                               .value(QLatin1String("teams"))
                                               .toArray(),
                                           1);
        // The clock starts at 08:00 UTC; the team is open 08:00 to 10:00 every day.
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(ClockHand::Start, QTimeZone::utc());
        QCOMPARE(start.time(), QTime(8, 0));
        const QJsonArray hours = twoHoursADay();
        QCOMPARE(
            type(sue.request(QStringLiteral("team.save"),
                             {{QStringLiteral("team"), 1},
                              {QStringLiteral("name"), support.value(QLatin1String("name"))},
                              {QStringLiteral("members"), support.value(QLatin1String("members"))},
                              {QStringLiteral("calendar"),
                               QJsonObject{{QStringLiteral("timezone"), QStringLiteral("UTC")},
                                           {QStringLiteral("hours"), hours}}}})),
            QStringLiteral("ok"));

        // Nobody is online: the chat waits in the queue.
        TestClient customer;
        QVERIFY(customer.open(server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer.customerHello(QStringLiteral("Late Larry")).isEmpty());
        const QJsonObject sent = customer.request(
            QStringLiteral("send"),
            {{QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("text"), QStringLiteral("Is anyone there?")},
             {QStringLiteral("mode"), QStringLiteral("live")}});
        const QJsonObject chat = obj(data(sent), "conversation");
        QCOMPARE(chat.value(QLatin1String("liveState")).toString(), QStringLiteral("queued"));

        // At ten the team closes: the waiting chat becomes a message, changed by the system.
        QVERIFY(hand.advance(2 * 3600 * 1000));
        const QJsonObject followup = customer.waitFrame([](const QJsonObject &f) {
            return type(f) == QLatin1String("event")
                   && data(f).value(QLatin1String("change")).toString()
                          == QLatin1String("followup");
        });
        QVERIFY(!followup.isEmpty());
        QCOMPARE(obj(data(followup), "by").value(QLatin1String("kind")).toString(),
                 QStringLiteral("system"));
        QCOMPARE(obj(data(followup), "conversation").value(QLatin1String("mode")).toString(),
                 QStringLiteral("async"));
        // And the widget is told the team opens tomorrow at eight.
        QNetworkAccessManager http;
        std::unique_ptr<QNetworkReply> reply(
            http.get(QNetworkRequest(server.httpUrl(QStringLiteral("/api/v1/availability")))));
        QVERIFY(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000));
        const QJsonObject closed = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(closed.value(QLatin1String("open")).toBool(true), false);
        QCOMPARE(QDateTime::fromString(closed.value(QLatin1String("opensAt")).toString(),
                                       Qt::ISODateWithMs),
                 start.addDays(1));
    }

    void outOfHoursACustomerIsAnsweredOncePerClosedStretch()
    {
        ClockedScene scene;
        QVERIFY(scene.start(QStringLiteral("Closed. We open {opening} and reply by {replyBy}.")));
        QVERIFY(scene.hand->advance(2 * 3600 * 1000)); // 10:00: closed until 08:00 tomorrow

        TestClient customer;
        QVERIFY(customer.open(scene.server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer
                     .customerHello(QStringLiteral("Kenji"), {}, -1,
                                    {{QStringLiteral("timezone"), QStringLiteral("Asia/Tokyo")}})
                     .isEmpty());
        const QJsonObject sent =
            customer.request(QStringLiteral("send"), sendFields(QStringLiteral("Hello?")));
        QCOMPARE(type(sent), QStringLiteral("ok"));
        const qint64 conversation = integer(obj(data(sent), "conversation"), "id");
        // The reply is written with the message, so it has arrived once the ping is answered.
        // 08:00 UTC is 17:00 in Tokyo; the reply is expected an hour of business time later
        // (no first responses to go by yet).
        QCOMPARE(systemTexts(customer.takeEvents(QStringLiteral("message.created"),
                                                 TestClient::Settle::AfterPing)),
                 QStringList{QStringLiteral("Closed. We open Saturday 16 January, 17:00 "
                                            "(Asia/Tokyo) and reply by Saturday 16 January, "
                                            "18:00 (Asia/Tokyo).")});

        // More messages in the same closed stretch, at once and after a quiet hour: none.
        QCOMPARE(type(customer.request(QStringLiteral("send"),
                                       sendFields(QStringLiteral("Anyone?"), conversation))),
                 QStringLiteral("ok"));
        QVERIFY(scene.hand->advance(3600 * 1000));
        QCOMPARE(type(customer.request(QStringLiteral("send"),
                                       sendFields(QStringLiteral("Still here."), conversation))),
                 QStringLiteral("ok"));
        QCOMPARE(systemTexts(customer.takeEvents(QStringLiteral("message.created"),
                                                 TestClient::Settle::AfterPing)),
                 QStringList());

        // In hours the next day: no automatic reply.
        QVERIFY(scene.hand->advance(21 * 3600 * 1000 + 30 * 60 * 1000)); // 08:30
        QCOMPARE(type(customer.request(QStringLiteral("send"),
                                       sendFields(QStringLiteral("Good morning"), conversation))),
                 QStringLiteral("ok"));
        QCOMPARE(systemTexts(customer.takeEvents(QStringLiteral("message.created"),
                                                 TestClient::Settle::AfterPing)),
                 QStringList());

        // Closed again, but the conversation is under way (a message 20 minutes ago): none.
        QVERIFY(scene.hand->advance(3600 * 1000 + 20 * 60 * 1000)); // 09:50
        QCOMPARE(
            type(scene.sue.request(QStringLiteral("send"),
                                   sendFields(QStringLiteral("How can I help?"), conversation))),
            QStringLiteral("ok"));
        QVERIFY(scene.hand->advance(20 * 60 * 1000)); // 10:10
        QCOMPARE(
            type(customer.request(QStringLiteral("send"),
                                  sendFields(QStringLiteral("My order is late"), conversation))),
            QStringLiteral("ok"));
        QCOMPARE(systemTexts(customer.takeEvents(QStringLiteral("message.created"),
                                                 TestClient::Settle::AfterPing)),
                 QStringList());
        // The customer's first message after a quiet half hour in this new closed stretch
        // is answered again, once.
        QVERIFY(scene.hand->advance(40 * 60 * 1000)); // 10:50
        QCOMPARE(type(customer.request(QStringLiteral("send"),
                                       sendFields(QStringLiteral("Hello again"), conversation))),
                 QStringLiteral("ok"));
        const QStringList again = systemTexts(
            customer.takeEvents(QStringLiteral("message.created"), TestClient::Settle::AfterPing));
        QCOMPARE(again.size(), 1);
        QVERIFY2(
            again.first().startsWith(QLatin1String("Closed. We open Sunday 17 January, 17:00")),
            qPrintable(again.first()));
        // Staff see it as the system's message in the thread, delivered like any reply.
        const QJsonObject history = scene.sue.request(
            QStringLiteral("history"), {{QStringLiteral("conversation"), conversation}});
        int fromSystem = 0;
        for (const QJsonValue &m : data(history).value(QLatin1String("messages")).toArray())
            fromSystem += obj(m.toObject(), "author").value(QLatin1String("kind")).toString()
                          == QLatin1String("system");
        QCOMPARE(fromSystem, 2);
    }

    void theDefaultReplySpeaksTheCustomersLanguageAndAnEmptyOneIsOff()
    {
        ClockedScene scene;
        QVERIFY(scene.start());
        QVERIFY(scene.hand->advance(2 * 3600 * 1000));
        TestClient customer;
        QVERIFY(customer.open(scene.server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer
                     .customerHello(QStringLiteral("Lena"), {}, -1,
                                    {{QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")},
                                     {QStringLiteral("language"), QStringLiteral("de-DE")}})
                     .isEmpty());
        QCOMPARE(
            type(customer.request(QStringLiteral("send"), sendFields(QStringLiteral("Hallo")))),
            QStringLiteral("ok"));
        QCOMPARE(systemTexts(customer.takeEvents(QStringLiteral("message.created"),
                                                 TestClient::Settle::AfterPing)),
                 QStringList{QStringLiteral(
                     "Thank you for your message. We are closed right now and open again "
                     "Samstag 16 Januar, 09:00 (Europe/Berlin). We expect to reply by Samstag "
                     "16 Januar, 10:00 (Europe/Berlin).")});

        // A team that wants no automatic reply sets an empty text.
        QCOMPARE(type(scene.sue.request(
                     QStringLiteral("team.save"),
                     {{QStringLiteral("team"), 1},
                      {QStringLiteral("name"), QStringLiteral("Support")},
                      {QStringLiteral("members"), QJsonArray{}},
                      {QStringLiteral("calendar"),
                       QJsonObject{{QStringLiteral("timezone"), QStringLiteral("UTC")},
                                   {QStringLiteral("hours"), twoHoursADay()},
                                   {QStringLiteral("autoReply"), QString()}}}})),
                 QStringLiteral("ok"));
        QVERIFY(!scene.sue.waitEvent(QStringLiteral("team.saved")).isEmpty());
        TestClient other;
        QVERIFY(other.open(scene.server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!other.customerHello(QStringLiteral("Omar")).isEmpty());
        QCOMPARE(type(other.request(QStringLiteral("send"), sendFields(QStringLiteral("Hi")))),
                 QStringLiteral("ok"));
        QCOMPARE(systemTexts(other.takeEvents(QStringLiteral("message.created"),
                                              TestClient::Settle::AfterPing)),
                 QStringList());
    }

    void thePromiseFollowsTheMedianFirstReplyAndIsKeptWithTheConversation()
    {
        ClockedScene scene;
        QVERIFY(scene.start(QStringLiteral("We reply by {replyBy}.")));
        const auto customerSays = [&scene](TestClient &customer, const QString &name,
                                           const QString &text) -> QJsonObject {
            if (!customer.open(scene.server.wsUrl(QStringLiteral("/ws/customer")))
                || customer.customerHello(name).isEmpty())
                return {};
            return obj(data(customer.request(QStringLiteral("send"), sendFields(text))),
                       "conversation");
        };
        const auto time = [](const QJsonObject &o, const char *key) {
            return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
        };
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(ClockHand::Start, QTimeZone::utc());

        // Before any first response, the promise is the fallback: an hour of business time.
        QVERIFY(scene.hand->advance(2 * 3600 * 1000)); // 10:00, closed
        TestClient early;
        const QJsonObject first =
            customerSays(early, QStringLiteral("Early"), QStringLiteral("Hi"));
        QCOMPARE(time(first, "promisedBy"), start.addDays(1).addSecs(3600));

        // The next morning the team answers five customers 10, 20, 20, 30 and 50 minutes
        // after they wrote (business time: from the opening for those who wrote at night).
        QVERIFY(scene.hand->advance(22 * 3600 * 1000)); // 08:00 on the 16th
        std::vector<std::unique_ptr<TestClient>> customers;
        QList<qint64> waiting;
        for (int i = 0; i < 4; ++i) {
            customers.push_back(std::make_unique<TestClient>());
            const QJsonObject c = customerSays(
                *customers.back(), QStringLiteral("Customer %1").arg(i), QStringLiteral("Help"));
            QVERIFY(!c.isEmpty());
            waiting.append(integer(c, "id"));
        }
        const auto reply = [&scene](qint64 conversation) {
            return obj(data(scene.sue.request(QStringLiteral("send"),
                                              sendFields(QStringLiteral("Hello!"), conversation))),
                       "conversation");
        };
        const qint64 minute = 60 * 1000;
        QVERIFY(scene.hand->advance(10 * minute));
        const QJsonObject answered = reply(waiting.at(0));
        QCOMPARE(time(answered, "firstReplyAt"), start.addDays(1).addSecs(600));
        QVERIFY(scene.hand->advance(10 * minute));
        reply(waiting.at(1));
        reply(waiting.at(2));
        QVERIFY(scene.hand->advance(10 * minute));
        reply(waiting.at(3));
        // Early wrote out of hours: 50 minutes of business time from the opening, kept
        // (promised 09:00, answered 08:50).
        QVERIFY(scene.hand->advance(20 * minute));
        const QJsonObject kept = reply(integer(first, "id"));
        QCOMPARE(time(kept, "promiseAnsweredAt"), start.addDays(1).addSecs(50 * 60));
        QCOMPARE(time(kept, "promisedBy"), start.addDays(1).addSecs(3600));
        // A second reply changes neither.
        QCOMPARE(time(reply(integer(first, "id")), "firstReplyAt"),
                 start.addDays(1).addSecs(50 * 60));

        // Closed again: the next customer is promised the opening plus the median, 20 minutes.
        QVERIFY(scene.hand->advance(2 * 3600 * 1000)); // 10:50
        TestClient late;
        const QJsonObject promised =
            customerSays(late, QStringLiteral("Late"), QStringLiteral("Hello"));
        const QDateTime by = start.addDays(2).addSecs(20 * 60);
        QCOMPARE(time(promised, "promisedBy"), by);
        QCOMPARE(systemTexts(late.takeEvents(QStringLiteral("message.created"),
                                             TestClient::Settle::AfterPing)),
                 QStringList{QStringLiteral("We reply by Sunday 17 January, 08:20 (UTC).")});

        // The first replies are read back from the store after a restart.
        scene.hand.reset();
        scene.server.extraArguments() = ClockHand::startArguments(
            ClockHand::Start + qint64(27) * 3600 * 1000); // 11:00 on the 16th
        QVERIFY(scene.server.restart());
        scene.hand = std::make_unique<ClockHand>(scene.server);
        QVERIFY(scene.hand->isReady());
        TestClient after;
        QCOMPARE(
            time(customerSays(after, QStringLiteral("After"), QStringLiteral("Hi")), "promisedBy"),
            by);
    }

    void atNightThePromiseCountsThoseWaitingAhead()
    {
        ClockedScene scene;
        QVERIFY(scene.start(QStringLiteral("We reply by {replyBy}.")));
        const qint64 minute = 60 * 1000;
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(ClockHand::Start, QTimeZone::utc());
        std::vector<std::unique_ptr<TestClient>> customers;
        const auto customerSays = [&scene, &customers](const QString &name) -> QJsonObject {
            customers.push_back(std::make_unique<TestClient>());
            if (!customers.back()->open(scene.server.wsUrl(QStringLiteral("/ws/customer")))
                || customers.back()->customerHello(name).isEmpty())
                return {};
            return obj(data(customers.back()->request(QStringLiteral("send"),
                                                      sendFields(QStringLiteral("Help")))),
                       "conversation");
        };
        const auto promisedBy = [](const QJsonObject &c) {
            return QDateTime::fromString(c.value(QLatin1String("promisedBy")).toString(),
                                         Qt::ISODateWithMs);
        };
        // Five customers write at night, a minute apart; the next morning the team answers
        // them in turn, ten minutes each: every place in the queue took ten minutes.
        QVERIFY(scene.hand->advance(120 * minute)); // 10:00, closed
        QList<qint64> night;
        for (int i = 0; i < 5; ++i) {
            const QJsonObject c = customerSays(QStringLiteral("Night %1").arg(i));
            QVERIFY(!c.isEmpty());
            night.append(integer(c, "id"));
            QVERIFY(scene.hand->advance(minute));
        }
        QVERIFY(scene.hand->advance(22 * 60 * minute - 5 * minute)); // 08:00
        for (qint64 id : night) {
            QVERIFY(scene.hand->advance(10 * minute));
            QCOMPARE(type(scene.sue.request(QStringLiteral("send"),
                                            sendFields(QStringLiteral("Hello!"), id))),
                     QStringLiteral("ok"));
        }
        // The next night, the third to write has two ahead: half an hour after the opening.
        QVERIFY(scene.hand->advance(70 * minute)); // 10:00, closed
        const QJsonObject first = customerSays(QStringLiteral("First"));
        QCOMPARE(promisedBy(first), start.addDays(2).addSecs(10 * 60));
        QVERIFY(!customerSays(QStringLiteral("Second")).isEmpty());
        const QJsonObject third = customerSays(QStringLiteral("Third"));
        QCOMPARE(promisedBy(third), start.addDays(2).addSecs(30 * 60));
        QCOMPARE(systemTexts(customers.back()->takeEvents(QStringLiteral("message.created"),
                                                          TestClient::Settle::AfterPing)),
                 QStringList{QStringLiteral("We reply by Sunday 17 January, 08:30 (UTC).")});
    }

    void inHoursALongWaitIsSaidOnceWhenTheTeamAsksForIt()
    {
        ClockedScene scene;
        QVERIFY(scene.start(
            QJsonValue::Undefined,
            {{QStringLiteral("busyAfterMinutes"), 30},
             {QStringLiteral("busyReply"), QStringLiteral("Busy here: we reply by {replyBy}.")}}));
        const QJsonObject hours =
            obj(obj(data(scene.sue.request(QStringLiteral("team.save"),
                                           {{QStringLiteral("team"), 1},
                                            {QStringLiteral("name"), QStringLiteral("Support")},
                                            {QStringLiteral("members"), QJsonArray{}}})),
                    "team"),
                "calendar");
        QCOMPARE(integer(hours, "busyAfterMinutes"), 30); // kept, and sent back
        // 08:00, open; with no first replies to go by, an hour is expected: longer than 30
        // minutes, so the customer is told.
        TestClient customer;
        QVERIFY(customer.open(scene.server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer.customerHello(QStringLiteral("Ines")).isEmpty());
        const QJsonObject sent =
            customer.request(QStringLiteral("send"), sendFields(QStringLiteral("Hello?")));
        const qint64 conversation = integer(obj(data(sent), "conversation"), "id");
        QCOMPARE(systemTexts(customer.takeEvents(QStringLiteral("message.created"),
                                                 TestClient::Settle::AfterPing)),
                 QStringList{QStringLiteral("Busy here: we reply by Friday 15 January, 09:00 "
                                            "(UTC).")});
        QCOMPARE(obj(data(sent), "conversation").value(QLatin1String("promisedBy")).toString(),
                 QStringLiteral("2027-01-15T09:00:00.000Z"));
        // After a quiet hour, in the same open stretch: not again.
        QVERIFY(scene.hand->advance(61 * 60 * 1000));
        QCOMPARE(type(customer.request(QStringLiteral("send"),
                                       sendFields(QStringLiteral("Still there?"), conversation))),
                 QStringLiteral("ok"));
        QCOMPARE(systemTexts(customer.takeEvents(QStringLiteral("message.created"),
                                                 TestClient::Settle::AfterPing)),
                 QStringList());
        // A wait no longer than the team's limit is not worth a message.
        QCOMPARE(type(scene.sue.request(
                     QStringLiteral("team.save"),
                     {{QStringLiteral("team"), 1},
                      {QStringLiteral("name"), QStringLiteral("Support")},
                      {QStringLiteral("members"), QJsonArray{}},
                      {QStringLiteral("calendar"),
                       QJsonObject{{QStringLiteral("timezone"), QStringLiteral("UTC")},
                                   {QStringLiteral("hours"), twoHoursADay()},
                                   {QStringLiteral("busyAfterMinutes"), 60}}}})),
                 QStringLiteral("ok"));
        QVERIFY(!scene.sue.waitEvent(QStringLiteral("team.saved")).isEmpty());
        TestClient other;
        QVERIFY(other.open(scene.server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!other.customerHello(QStringLiteral("Oskar")).isEmpty());
        QCOMPARE(type(other.request(QStringLiteral("send"), sendFields(QStringLiteral("Hi")))),
                 QStringLiteral("ok"));
        QCOMPARE(systemTexts(other.takeEvents(QStringLiteral("message.created"),
                                              TestClient::Settle::AfterPing)),
                 QStringList());
        // Bad settings are refused, naming the field.
        const QJsonObject refused =
            scene.sue.request(QStringLiteral("team.save"),
                              {{QStringLiteral("team"), 1},
                               {QStringLiteral("name"), QStringLiteral("Support")},
                               {QStringLiteral("members"), QJsonArray{}},
                               {QStringLiteral("calendar"),
                                QJsonObject{{QStringLiteral("timezone"), QStringLiteral("UTC")},
                                            {QStringLiteral("hours"), twoHoursADay()},
                                            {QStringLiteral("busyAfterMinutes"), 0}}}});
        QCOMPARE(code(refused), QStringLiteral("bad_request"));
        QVERIFY(str(refused, "message").startsWith(QLatin1String("calendar.busyAfterMinutes")));
    }

    void badHelloZonesAndLanguagesAreRefusedOrIgnored()
    {
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        // A language that is no language tag is refused with the field...
        QVERIFY(customer
                    .customerHello(QStringLiteral("Eve"), {}, -1,
                                   {{QStringLiteral("language"), QStringLiteral("de_DE; drop")}})
                    .isEmpty());
        QVERIFY(customer.lastReply()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("language")));
        // ...a timezone this server does not know is no reason to turn a customer away.
        TestClient far;
        QVERIFY(far.open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!far.customerHello(QStringLiteral("Far"), {}, -1,
                                   {{QStringLiteral("timezone"), QStringLiteral("Mars/Olympus")}})
                     .isEmpty());
    }

    void agentsCannotSetHours()
    {
        const QJsonObject refused = m_ana->request(
            QStringLiteral("team.save"), {{QStringLiteral("team"), 1},
                                          {QStringLiteral("name"), QStringLiteral("Support")},
                                          {QStringLiteral("members"), QJsonArray{m_anaId}},
                                          {QStringLiteral("calendar"), officeHours()}});
        QCOMPARE(code(refused), QStringLiteral("forbidden"));
    }
};

QTEST_GUILESS_MAIN(TestBusinessHours)
#include "tst_businesshours.moc"
