// SPDX-License-Identifier: GPL-3.0-or-later
// Statuses, snoozes, private notes and the thread's timeline against the real tandemd, on a
// clock the test moves: every transition, waking by time (also across a restart) and by
// the customer writing, what customers never see, and bad requests.
#include "clockhand.h"
#include "framefields.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace FrameFields;

namespace {
const QString Password = QStringLiteral("correct horse battery");
const QString AgentPath = QStringLiteral("/ws/agent");
const QString CustomerPath = QStringLiteral("/ws/customer");
using Client = std::unique_ptr<TestClient>;

QString isoAt(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

} // namespace

class TestStatuses : public QObject
{
    Q_OBJECT

    TandemdProcess m_server{ClockHand::startArguments()};
    std::unique_ptr<ClockHand> m_clock;
    qint64 m_now = ClockHand::Start;
    Client m_dana; // agent
    Client m_bo;   // agent, connected throughout (a dropped agent's grace period is a timer)
    qint64 m_danaId = 0;
    qint64 m_boId = 0;
    Client m_ada; // customer
    qint64 m_chat = 0;

    Client signIn(const QString &email, qint64 *id = nullptr)
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

    bool advance(qint64 ms)
    {
        m_now += ms;
        return m_clock->advance(ms);
    }

    QJsonObject setStatus(const QString &status, const QString &until = {},
                          TestClient *who = nullptr)
    {
        QJsonObject fields{{QStringLiteral("conversation"), m_chat},
                           {QStringLiteral("status"), status}};
        if (!until.isEmpty())
            fields.insert(QStringLiteral("until"), until);
        return (who ? who : m_dana.get())->request(QStringLiteral("status"), fields);
    }

    //! The next status change Dana hears of in the conversation.
    QJsonObject nextChange()
    {
        return m_dana->waitFrame([this](const QJsonObject &f) {
            return isEvent(f, "conversation.updated")
                   && str(data(f), "change") == QLatin1String("status")
                   && integer(obj(data(f), "conversation"), "id") == m_chat;
        });
    }

    //! The next line of the thread's timeline Dana hears of.
    QJsonObject nextActivity()
    {
        const QJsonObject f = m_dana->waitFrame([](const QJsonObject &f) {
            return isEvent(f, "message.created")
                   && str(obj(data(f), "message"), "kind") == QLatin1String("activity");
        });
        return obj(data(f), "message");
    }

    QJsonObject customerSays(const QString &text)
    {
        return m_ada->request(QStringLiteral("send"), {{QStringLiteral("conversation"), m_chat},
                                                       {QStringLiteral("clientId"), newId()},
                                                       {QStringLiteral("text"), text}});
    }

    //! Whether the customer was sent anything but her own message's event since `clear`,
    //! up to the answer to a ping sent now.
    bool customerHeardOnlyHerself()
    {
        if (!m_ada->settle())
            return false;
        for (const QJsonObject &f : std::as_const(m_ada->frames()))
            if (type(f) == QLatin1String("event")
                && !(isEvent(f, "message.created")
                     && str(obj(obj(data(f), "message"), "author"), "kind")
                            == QLatin1String("customer")))
                return false;
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_clock = std::make_unique<ClockHand>(m_server);
        QVERIFY(m_clock->isReady());
        QVERIFY(m_server.addAgent(QStringLiteral("dana@example.com"), QStringLiteral("Dana"),
                                  Password));
        QVERIFY(
            m_server.addAgent(QStringLiteral("bo@example.com"), QStringLiteral("Bo"), Password));
        m_dana = signIn(QStringLiteral("dana@example.com"), &m_danaId);
        QVERIFY(m_dana);
        m_bo = signIn(QStringLiteral("bo@example.com"), &m_boId);
        QVERIFY(m_bo);
        m_ada = std::make_unique<TestClient>();
        QVERIFY(m_ada->open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!m_ada->customerHello(QStringLiteral("Ada")).isEmpty());
        const QJsonObject sent = m_ada->request(QStringLiteral("send"),
                                                {{QStringLiteral("clientId"), newId()},
                                                 {QStringLiteral("text"), QStringLiteral("Hi")}});
        m_chat = integer(obj(data(sent), "conversation"), "id");
        QVERIFY(m_chat > 0);
        QCOMPARE(str(obj(data(sent), "conversation"), "status"), QStringLiteral("open"));
    }

    void badStatusRequestsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("expected");
        const auto n = [](const char *s) { return QString::fromLatin1(s); };
        QTest::newRow("unknown status")
            << QJsonObject{{n("status"), n("closed")}} << n("bad_request");
        QTest::newRow("no status") << QJsonObject{} << n("bad_request");
        QTest::newRow("until with open")
            << QJsonObject{{n("status"), n("open")}, {n("until"), isoAt(ClockHand::Start + 60000)}}
            << n("bad_request");
        QTest::newRow("until in the past")
            << QJsonObject{{n("status"), n("snoozed")}, {n("until"), isoAt(ClockHand::Start - 1)}}
            << n("bad_request");
        QTest::newRow("until not a time")
            << QJsonObject{{n("status"), n("snoozed")}, {n("until"), n("tomorrow")}}
            << n("bad_request");
        QTest::newRow("until ten years on")
            << QJsonObject{{n("status"), n("snoozed")},
                           {n("until"), isoAt(ClockHand::Start + 3650LL * 86400000)}}
            << n("bad_request");
    }
    void badStatusRequestsAreRefused()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, expected);
        fields.insert(QStringLiteral("conversation"), m_chat);
        QCOMPARE(code(m_dana->request(QStringLiteral("status"), fields)), expected);
        // Customers have no such command.
        QCOMPARE(code(m_ada->request(QStringLiteral("status"), fields)),
                 QStringLiteral("unknown_type"));
    }

    void pendingThenTheCustomerWritesOpensIt()
    {
        m_ada->frames().clear();
        QCOMPARE(str(obj(data(setStatus(QStringLiteral("pending"))), "conversation"), "status"),
                 QStringLiteral("pending"));
        const QJsonObject change = nextChange();
        QCOMPARE(str(obj(data(change), "by"), "name"), QStringLiteral("Dana"));
        const QJsonObject line = nextActivity();
        QCOMPARE(obj(line, "activity").value(QLatin1String("status")).toString(),
                 QStringLiteral("pending"));
        QCOMPARE(integer(obj(line, "author"), "id"), m_danaId);
        // Asked again (a retry): nothing new happens.
        QCOMPARE(type(setStatus(QStringLiteral("pending"))), QStringLiteral("ok"));
        QCOMPARE(type(customerSays(QStringLiteral("Here is my order number"))),
                 QStringLiteral("ok"));
        const QJsonObject opened = nextChange();
        QCOMPARE(str(obj(data(opened), "conversation"), "status"), QStringLiteral("open"));
        // Waiting on the customer is no snooze: it did not "come back", it goes on.
        QVERIFY(!obj(data(opened), "conversation").contains(QLatin1String("wokeBecause")));
        QCOMPARE(str(obj(data(opened), "by"), "kind"), QStringLiteral("customer"));
        // Between the two, no second "pending" was recorded.
        for (const QJsonObject &f : std::as_const(m_dana->frames()))
            QVERIFY(!(isEvent(f, "conversation.updated")
                      && str(data(f), "change") == QLatin1String("status")));
        QVERIFY(customerHeardOnlyHerself());
    }

    void snoozedUntilATimeWakesWhenTheClockGetsThere()
    {
        m_dana->frames().clear();
        const QString until = isoAt(m_now + 3600000);
        const QJsonObject snoozed =
            obj(data(setStatus(QStringLiteral("snoozed"), until)), "conversation");
        QCOMPARE(str(snoozed, "status"), QStringLiteral("snoozed"));
        QCOMPARE(str(snoozed, "snoozedUntil"), until);
        QCOMPARE(str(obj(nextActivity(), "activity"), "until"), until);
        (void)nextChange();
        QVERIFY(advance(3600000 - 1));
        QCOMPARE(m_clock->timersRun(), 0);
        QVERIFY(advance(1));
        QCOMPARE(m_clock->timersRun(), 1);
        const QJsonObject woke = obj(data(nextChange()), "conversation");
        QCOMPARE(str(woke, "status"), QStringLiteral("open"));
        QCOMPARE(str(woke, "wokeBecause"), QStringLiteral("time"));
        QVERIFY(!woke.contains(QLatin1String("snoozedUntil")));
        const QJsonObject line = nextActivity();
        QCOMPARE(str(obj(line, "author"), "kind"), QStringLiteral("system"));
        QCOMPARE(str(obj(line, "activity"), "because"), QStringLiteral("time"));
    }

    void aSnoozeChangedBeforeItRunsOutDoesNotWake()
    {
        QCOMPARE(type(setStatus(QStringLiteral("snoozed"), isoAt(m_now + 60000))),
                 QStringLiteral("ok"));
        // Opened by hand first: the timer is dropped, and moving past it changes nothing.
        QCOMPARE(type(setStatus(QStringLiteral("open"))), QStringLiteral("ok"));
        QVERIFY(advance(120000));
        QCOMPARE(m_clock->timersRun(), 0);
        // Snoozed until later, then again until sooner: the last snooze is the one that wakes.
        QCOMPARE(type(setStatus(QStringLiteral("snoozed"), isoAt(m_now + 600000))),
                 QStringLiteral("ok"));
        QCOMPARE(type(setStatus(QStringLiteral("snoozed"), isoAt(m_now + 300000))),
                 QStringLiteral("ok"));
        m_dana->frames().clear();
        QVERIFY(advance(300000));
        QCOMPARE(str(obj(data(nextChange()), "conversation"), "wokeBecause"),
                 QStringLiteral("time"));
        QVERIFY(advance(300000));
        QCOMPARE(m_clock->timersRun(), 0);
    }

    void snoozedUntilTheCustomerWritesWakesWhenSheDoes()
    {
        const QJsonObject snoozed = obj(data(setStatus(QStringLiteral("snoozed"))), "conversation");
        QCOMPARE(str(snoozed, "status"), QStringLiteral("snoozed"));
        QVERIFY(!snoozed.contains(QLatin1String("snoozedUntil")));
        QVERIFY(advance(7 * 86400000LL)); // a week: nothing wakes it but her
        QCOMPARE(m_clock->timersRun(), 0);
        m_dana->frames().clear();
        m_ada->frames().clear();
        QCOMPARE(type(customerSays(QStringLiteral("Any news?"))), QStringLiteral("ok"));
        const QJsonObject woke = obj(data(nextChange()), "conversation");
        QCOMPARE(str(woke, "status"), QStringLiteral("open"));
        QCOMPARE(str(woke, "wokeBecause"), QStringLiteral("customer"));
        QCOMPARE(str(obj(nextActivity(), "activity"), "because"), QStringLiteral("customer"));
        QVERIFY(customerHeardOnlyHerself());
    }

    void resolvedReopensWhenTheCustomerWrites()
    {
        QCOMPARE(type(setStatus(QStringLiteral("resolved"))), QStringLiteral("ok"));
        // Resolved conversations leave the snapshot and the pages, and are listed apart.
        Client fresh = signIn(QStringLiteral("dana@example.com"));
        QVERIFY(fresh);
        const QJsonObject snapshot = fresh->waitFrame(
            [](const QJsonObject &f) { return type(f) == QLatin1String("snapshot"); });
        for (const QJsonValue &c : data(snapshot).value(QLatin1String("conversations")).toArray())
            QVERIFY(integer(c.toObject(), "id") != m_chat);
        const QJsonArray resolved = data(fresh->request(QStringLiteral("conversations"),
                                                        {{QStringLiteral("resolved"), true}}))
                                        .value(QLatin1String("conversations"))
                                        .toArray();
        QCOMPARE(resolved.size(), 1);
        QCOMPARE(integer(resolved.first().toObject(), "id"), m_chat);
        QCOMPARE(str(resolved.first().toObject(), "status"), QStringLiteral("resolved"));

        m_dana->frames().clear();
        QCOMPARE(type(customerSays(QStringLiteral("It broke again"))), QStringLiteral("ok"));
        const QJsonObject reopened = obj(data(nextChange()), "conversation");
        QCOMPARE(str(reopened, "status"), QStringLiteral("open"));
        QCOMPARE(str(reopened, "wokeBecause"), QStringLiteral("customer"));
        // Someone changing it by hand clears why it came back.
        QVERIFY(!obj(data(setStatus(QStringLiteral("pending"))), "conversation")
                     .contains(QLatin1String("wokeBecause")));
    }

    void notesAndTheTimelineNeverReachTheCustomer()
    {
        m_ada->frames().clear();
        const QJsonObject note = m_dana->request(
            QStringLiteral("send"),
            {{QStringLiteral("conversation"), m_chat},
             {QStringLiteral("clientId"), newId()},
             {QStringLiteral("text"), QStringLiteral("@Bo she is a returning customer")},
             {QStringLiteral("note"), true},
             {QStringLiteral("mentions"), QJsonArray{m_boId}}});
        QCOMPARE(str(obj(data(note), "message"), "kind"), QStringLiteral("note"));
        QCOMPARE(obj(data(note), "message").value(QLatin1String("mentions")).toArray(),
                 QJsonArray{m_boId});
        QVERIFY(customerHeardOnlyHerself());
        // Her history has neither the note nor the timeline; Dana's has both.
        const auto kinds = [this](TestClient &who) {
            QStringList found;
            const QJsonObject page =
                who.request(QStringLiteral("history"), {{QStringLiteral("conversation"), m_chat},
                                                        {QStringLiteral("limit"), 200}});
            for (const QJsonValue &m : data(page).value(QLatin1String("messages")).toArray()) {
                const QString kind = str(m.toObject(), "kind");
                if (!found.contains(kind))
                    found.append(kind);
            }
            found.sort();
            return found;
        };
        QCOMPARE(kinds(*m_ada), QStringList{QString()});
        QCOMPARE(kinds(*m_dana),
                 (QStringList{QString(), QStringLiteral("activity"), QStringLiteral("note")}));
        // Nor can she mark one read.
        const qint64 noteId = integer(obj(data(note), "message"), "id");
        QCOMPARE(
            code(m_ada->request(QStringLiteral("read"), {{QStringLiteral("conversation"), m_chat},
                                                         {QStringLiteral("upTo"), noteId}})),
            QStringLiteral("not_found"));

        // Bad notes.
        const auto noteWith = [this](const QJsonValue &mentions, bool isNote) {
            return code(m_dana->request(QStringLiteral("send"),
                                        {{QStringLiteral("conversation"), m_chat},
                                         {QStringLiteral("clientId"), newId()},
                                         {QStringLiteral("text"), QStringLiteral("x")},
                                         {QStringLiteral("note"), isNote},
                                         {QStringLiteral("mentions"), mentions}}));
        };
        QCOMPARE(noteWith(QJsonArray{424242}, true), QStringLiteral("not_found"));
        QCOMPARE(noteWith(QJsonArray{m_boId}, false), QStringLiteral("bad_request"));
        QCOMPARE(noteWith(QStringLiteral("bo"), true), QStringLiteral("bad_request"));
        QCOMPARE(noteWith(QJsonArray{QStringLiteral("bo")}, true), QStringLiteral("bad_request"));
        // The same clientId as a note and then as a reply is two different messages.
        const QString clientId = newId();
        const auto sendAs = [&](bool isNote) {
            return m_dana->request(QStringLiteral("send"),
                                   {{QStringLiteral("conversation"), m_chat},
                                    {QStringLiteral("clientId"), clientId},
                                    {QStringLiteral("text"), QStringLiteral("same words")},
                                    {QStringLiteral("note"), isNote}});
        };
        QCOMPARE(type(sendAs(true)), QStringLiteral("ok"));
        QCOMPARE(code(sendAs(false)), QStringLiteral("conflict"));
    }

    void aSnoozeOutlivesARestart()
    {
        QCOMPARE(type(setStatus(QStringLiteral("snoozed"), isoAt(m_now + 3600000))),
                 QStringLiteral("ok"));
        m_dana.reset();
        m_bo.reset();
        m_ada.reset();
        m_clock.reset();
        m_server.kill();
        // Back half an hour past the snooze's end: it wakes as soon as the server runs.
        m_now += 5400000;
        m_server.extraArguments() = ClockHand::startArguments(m_now);
        QVERIFY(m_server.restart());
        m_clock = std::make_unique<ClockHand>(m_server);
        QVERIFY(m_clock->isReady());
        m_dana = signIn(QStringLiteral("dana@example.com"));
        QVERIFY(m_dana);
        QVERIFY(advance(1)); // a barrier: what ran at start is committed and sent by now
        const QJsonArray page = data(m_dana->request(QStringLiteral("conversations")))
                                    .value(QLatin1String("conversations"))
                                    .toArray();
        QCOMPARE(page.size(), 1);
        QCOMPARE(str(page.first().toObject(), "status"), QStringLiteral("open"));
        QCOMPARE(str(page.first().toObject(), "wokeBecause"), QStringLiteral("time"));
    }
};

QTEST_GUILESS_MAIN(TestStatuses)
#include "tst_statuses.moc"
