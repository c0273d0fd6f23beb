// SPDX-License-Identifier: GPL-3.0-or-later
// Inboxes and teams against the real tandemd: who may manage them, and what an agent sees
// — events, snapshots, replays, pages, history, typing, routing — following their teams,
// also as the teams change under live connections. Nothing here waits for time to pass:
// that something did not arrive is shown by what arrived after it.
#include "framefields.h"
#include "rawhttp.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <memory>

using namespace FrameFields;

namespace {
const QString Password = QStringLiteral("correct horse battery");
const QString AgentPath = QStringLiteral("/ws/agent");
const QString CustomerPath = QStringLiteral("/ws/customer");
using Client = std::unique_ptr<TestClient>;

//! The conversation an event is about, whatever its kind.
qint64 conversationOf(const QJsonObject &event)
{
    const QJsonObject d = data(event);
    if (d.value(QLatin1String("message")).isObject())
        return integer(obj(d, "message"), "conversation");
    if (d.value(QLatin1String("conversation")).isObject())
        return integer(obj(d, "conversation"), "id");
    return integer(d, "conversation");
}

QSet<qint64> idsOf(const QJsonArray &conversations)
{
    QSet<qint64> ids;
    for (const QJsonValue &c : conversations)
        ids.insert(integer(c.toObject(), "id"));
    return ids;
}

QJsonArray ids(std::initializer_list<qint64> list)
{
    QJsonArray a;
    for (qint64 id : list)
        a.append(id);
    return a;
}
} // namespace

class TestAccess : public QObject
{
    Q_OBJECT

    TandemdProcess m_server;
    Client m_sue; // supervisor
    Client m_ana; // agent in Support
    Client m_bo;  // agent in Billing
    qint64 m_anaId = 0;
    qint64 m_boId = 0;
    qint64 m_billing = 0;      // team
    qint64 m_billingInbox = 0; // inbox
    Client m_carl;             // customer writing to the first inbox (Support's)
    Client m_dora;             // customer writing to Billing's inbox
    qint64 m_carlChat = 0;
    qint64 m_doraChat = 0;

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

    //! A new customer writing their first message, to `inbox` (0: the first web inbox).
    Client customer(const QString &name, qint64 inbox, qint64 *conversation)
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_server.wsUrl(CustomerPath)) || client->customerHello(name).isEmpty())
            return nullptr;
        QJsonObject fields{{QStringLiteral("clientId"), newId()},
                           {QStringLiteral("text"), QStringLiteral("Hello from ") + name}};
        if (inbox)
            fields.insert(QStringLiteral("inbox"), inbox);
        const QJsonObject reply = client->request(QStringLiteral("send"), fields);
        *conversation = integer(obj(data(reply), "conversation"), "id");
        return *conversation ? std::move(client) : nullptr;
    }

    static QJsonObject say(TestClient &customer, qint64 conversation, const QString &text)
    {
        return customer.request(QStringLiteral("send"),
                                {{QStringLiteral("conversation"), conversation},
                                 {QStringLiteral("clientId"), newId()},
                                 {QStringLiteral("text"), text}});
    }

    //! Waits for the message.created of `conversation` and says whether any event about
    //! `unseen` came before it.
    static bool sawBefore(TestClient &agent, qint64 conversation, qint64 unseen)
    {
        const QJsonObject marker = agent.waitFrame([conversation](const QJsonObject &f) {
            return isEvent(f, QStringLiteral("message.created"))
                   && conversationOf(f) == conversation;
        });
        if (marker.isEmpty())
            return true; // the marker never came: that is a failure too
        // Frames come in order, so anything about `unseen` sent before the marker is here.
        for (const QJsonObject &f : std::as_const(agent.frames()))
            if (type(f) == QLatin1String("event") && conversationOf(f) == unseen)
                return true;
        return false;
    }

    static QJsonObject waitSnapshot(TestClient &client)
    {
        return client.waitFrame(
            [](const QJsonObject &f) { return type(f) == QLatin1String("snapshot"); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addAgent(QStringLiteral("sue@example.com"), QStringLiteral("Sue Lead"),
                                  Password, QStringLiteral("supervisor")));
        QVERIFY(
            m_server.addAgent(QStringLiteral("ana@example.com"), QStringLiteral("Ana"), Password));
        QVERIFY(
            m_server.addAgent(QStringLiteral("bo@example.com"), QStringLiteral("Bo"), Password));
        m_sue = signIn(QStringLiteral("sue@example.com"));
        m_ana = signIn(QStringLiteral("ana@example.com"), &m_anaId);
        QVERIFY(m_sue && m_ana);
        // Everyone added without --team is in the first team, which owns the first inbox.
        const QJsonObject snapshot = waitSnapshot(*m_ana);
        const QJsonArray teams = data(snapshot).value(QLatin1String("teams")).toArray();
        QCOMPARE(teams.size(), 1);
        QCOMPARE(str(teams.first().toObject(), "name"), QStringLiteral("Support"));
        QCOMPARE(teams.first().toObject().value(QLatin1String("members")).toArray().size(), 3);
        const QJsonArray inboxes = data(snapshot).value(QLatin1String("inboxes")).toArray();
        QCOMPARE(inboxes.size(), 1);
        QCOMPARE(str(inboxes.first().toObject(), "channel"), QStringLiteral("web"));
        QCOMPARE(integer(inboxes.first().toObject(), "team"), 1);
    }

    void onlySupervisorsManageTeamsAndInboxes()
    {
        const QJsonObject refused = m_ana->request(
            QStringLiteral("team.save"), {{QStringLiteral("name"), QStringLiteral("Mine")},
                                          {QStringLiteral("members"), ids({})}});
        QCOMPARE(code(refused), QStringLiteral("forbidden"));
        QCOMPARE(code(m_ana->request(QStringLiteral("inbox.save"),
                                     {{QStringLiteral("name"), QStringLiteral("Mine")},
                                      {QStringLiteral("channel"), QStringLiteral("web")}})),
                 QStringLiteral("forbidden"));
    }

    void badTeamsAndInboxesAreRefused_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("expected");
        const auto n = [](const char *s) { return QString::fromLatin1(s); };
        QTest::newRow("no name") << n("team.save") << QJsonObject{{n("members"), ids({})}}
                                 << n("bad_request");
        QTest::newRow("blank name")
            << n("team.save") << QJsonObject{{n("name"), n("   ")}, {n("members"), ids({})}}
            << n("bad_request");
        QTest::newRow("name too long")
            << n("team.save")
            << QJsonObject{{n("name"), QString(101, QLatin1Char('x'))}, {n("members"), ids({})}}
            << n("bad_request");
        QTest::newRow("members not ids")
            << n("team.save")
            << QJsonObject{{n("name"), n("X")}, {n("members"), QJsonArray{n("bo")}}}
            << n("bad_request");
        QTest::newRow("fractional member")
            << n("team.save") << QJsonObject{{n("name"), n("X")}, {n("members"), QJsonArray{1.5}}}
            << n("bad_request");
        QTest::newRow("unknown member")
            << n("team.save") << QJsonObject{{n("name"), n("X")}, {n("members"), ids({999})}}
            << n("not_found");
        QTest::newRow("taken name, other case")
            << n("team.save") << QJsonObject{{n("name"), n("SUPPORT")}, {n("members"), ids({})}}
            << n("conflict");
        QTest::newRow("unknown team")
            << n("team.save")
            << QJsonObject{{n("team"), 77}, {n("name"), n("X")}, {n("members"), ids({})}}
            << n("not_found");
        QTest::newRow("inbox of an unknown team")
            << n("inbox.save")
            << QJsonObject{{n("name"), n("X")}, {n("channel"), n("web")}, {n("team"), 77}}
            << n("not_found");
        QTest::newRow("inbox without settings for its channel")
            << n("inbox.save") << QJsonObject{{n("name"), n("Mail")}, {n("channel"), n("email")}}
            << n("bad_request");
        QTest::newRow("inbox changing channel") << n("inbox.save")
                                                << QJsonObject{{n("inbox"), 1},
                                                               {n("name"), n("Website")},
                                                               {n("channel"), n("telegram")}}
                                                << n("bad_request");
        QTest::newRow("unknown inbox")
            << n("inbox.save") << QJsonObject{{n("inbox"), 55}, {n("name"), n("X")}}
            << n("not_found");
    }
    void badTeamsAndInboxesAreRefused()
    {
        QFETCH(QString, command);
        QFETCH(QJsonObject, fields);
        QFETCH(QString, expected);
        QCOMPARE(code(m_sue->request(command, fields)), expected);
    }

    void supervisorsMakeTeamsAndInboxes()
    {
        // Bo leaves Support for a new team, Billing, with an inbox of its own.
        const QJsonObject team = m_sue->request(
            QStringLiteral("team.save"), {{QStringLiteral("name"), QStringLiteral("Billing")},
                                          {QStringLiteral("members"), ids({})}});
        QCOMPARE(type(team), QStringLiteral("ok"));
        m_billing = integer(obj(data(team), "team"), "id");
        QVERIFY(m_billing > 1);
        m_bo = signIn(QStringLiteral("bo@example.com"), &m_boId);
        QVERIFY(m_bo);
        QCOMPARE(type(m_sue->request(QStringLiteral("team.save"),
                                     {{QStringLiteral("team"), m_billing},
                                      {QStringLiteral("name"), QStringLiteral("Billing")},
                                      {QStringLiteral("members"), ids({m_boId, m_boId})}})),
                 QStringLiteral("ok"));
        const QJsonObject support = m_sue->request(
            QStringLiteral("team.save"), {{QStringLiteral("team"), 1},
                                          {QStringLiteral("name"), QStringLiteral("Support")},
                                          {QStringLiteral("members"), ids({m_anaId})}});
        QCOMPARE(obj(data(support), "team").value(QLatin1String("members")).toArray(),
                 ids({m_anaId}));
        const QJsonObject inbox = m_sue->request(
            QStringLiteral("inbox.save"), {{QStringLiteral("name"), QStringLiteral("Billing site")},
                                           {QStringLiteral("channel"), QStringLiteral("web")},
                                           {QStringLiteral("team"), m_billing}});
        QCOMPARE(type(inbox), QStringLiteral("ok"));
        m_billingInbox = integer(obj(data(inbox), "inbox"), "id");
        QCOMPARE(integer(obj(data(inbox), "inbox"), "team"), m_billing);
        // Everyone hears of it, agents included.
        const QJsonObject heard = m_ana->waitEvent(QStringLiteral("inbox.saved"));
        QCOMPARE(integer(obj(data(heard), "inbox"), "id"), m_billingInbox);
    }

    void agentsSeeTheirTeamsInboxesOnly()
    {
        m_carl = customer(QStringLiteral("Carl"), 0, &m_carlChat);
        QVERIFY(m_carl);
        m_dora = customer(QStringLiteral("Dora"), m_billingInbox, &m_doraChat);
        QVERIFY(m_dora);
        // Live: each agent hears of their own team's conversation and not of the other.
        QVERIFY(!sawBefore(*m_bo, m_doraChat, m_carlChat));
        QVERIFY(!sawBefore(*m_ana, m_carlChat, m_doraChat));
        // A supervisor sees both.
        QVERIFY(sawBefore(*m_sue, m_doraChat, m_carlChat));
        // The conversation knows its inbox.
        const QJsonObject created = m_dora->waitEvent(QStringLiteral("conversation.created"));
        QCOMPARE(integer(obj(data(created), "conversation"), "inbox"), m_billingInbox);

        // Everything about a conversation outside their teams answers as if it did not exist.
        const auto refused = [this](const QString &command, QJsonObject fields) {
            fields.insert(QStringLiteral("conversation"), m_carlChat);
            return code(m_bo->request(command, fields));
        };
        const QString notFound = QStringLiteral("not_found");
        QCOMPARE(refused(QStringLiteral("history"), {}), notFound);
        QCOMPARE(refused(QStringLiteral("typing"), {{QStringLiteral("on"), true}}), notFound);
        QCOMPARE(refused(QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                                  {QStringLiteral("text"), QStringLiteral("Hi")}}),
                 notFound);
        QCOMPARE(refused(QStringLiteral("read"), {{QStringLiteral("upTo"), 1}}), notFound);
        const QJsonObject page = m_bo->request(QStringLiteral("conversations"));
        QCOMPARE(idsOf(data(page).value(QLatin1String("conversations")).toArray()),
                 QSet<qint64>{m_doraChat});

        // A fresh sign-in's snapshot and a replay from the start hold the same.
        Client again = signIn(QStringLiteral("bo@example.com"));
        QVERIFY(again);
        QCOMPARE(idsOf(data(waitSnapshot(*again)).value(QLatin1String("conversations")).toArray()),
                 QSet<qint64>{m_doraChat});
        auto replayed = std::make_unique<TestClient>();
        QVERIFY(replayed->open(m_server.wsUrl(AgentPath)));
        const QString token =
            str(again->lastReply().value(QLatin1String("data")).toObject(), "token");
        QVERIFY(!token.isEmpty());
        QVERIFY(!replayed->agentHello(token, 0).isEmpty());
        QVERIFY(replayed->settle());
        QSet<qint64> about;
        for (const QJsonObject &f : std::as_const(replayed->frames()))
            if (type(f) == QLatin1String("event") && conversationOf(f))
                about.insert(conversationOf(f));
        QCOMPARE(about, QSet<qint64>{m_doraChat});

        // Typing follows the same rule: Carl's reaches Ana, not Bo.
        QCOMPARE(type(m_carl->request(
                     QStringLiteral("typing"),
                     {{QStringLiteral("conversation"), m_carlChat}, {QStringLiteral("on"), true}})),
                 QStringLiteral("ok"));
        QCOMPARE(type(m_dora->request(
                     QStringLiteral("typing"),
                     {{QStringLiteral("conversation"), m_doraChat}, {QStringLiteral("on"), true}})),
                 QStringLiteral("ok"));
        const QJsonObject typing = m_bo->waitFrame(
            [](const QJsonObject &f) { return type(f) == QLatin1String("typing"); });
        QCOMPARE(integer(typing, "conversation"), m_doraChat);
        QCOMPARE(integer(m_ana->waitFrame([](const QJsonObject &f) {
                     return type(f) == QLatin1String("typing");
                 }),
                         "conversation"),
                 m_carlChat);
    }

    void searchFindsOnlyWhatTheAgentMaySee()
    {
        QCOMPARE(type(say(*m_carl, m_carlChat, QStringLiteral("My parcel never came, 55501"))),
                 QStringLiteral("ok"));
        QCOMPARE(type(say(*m_dora, m_doraChat, QStringLiteral("The parcel came damaged, 55502"))),
                 QStringLiteral("ok"));
        // The conversations of the messages found, newest first, as `who` is answered.
        const auto found = [](TestClient &who, const QString &query, QJsonObject fields = {}) {
            fields.insert(QStringLiteral("query"), query);
            const QJsonObject reply = who.request(QStringLiteral("search"), fields);
            QList<qint64> conversations;
            for (const QJsonValue &m : data(reply).value(QLatin1String("messages")).toArray())
                conversations.append(integer(m.toObject(), "conversation"));
            return conversations;
        };
        const QList<qint64> both{m_doraChat, m_carlChat};
        QCOMPARE(found(*m_ana, QStringLiteral("parcel")), QList<qint64>{m_carlChat});
        QCOMPARE(found(*m_bo, QStringLiteral("parcel")), QList<qint64>{m_doraChat});
        QCOMPARE(found(*m_sue, QStringLiteral("parcel")), both);
        // As the agent types: a prefix, a completed word, every word of several.
        QCOMPARE(found(*m_sue, QStringLiteral("pa")), both);
        QCOMPARE(found(*m_sue, QStringLiteral("parc")), both);
        QCOMPARE(found(*m_sue, QStringLiteral("PARCE")), both);
        QCOMPARE(found(*m_sue, QStringLiteral("came 5550")), both);
        QCOMPARE(found(*m_sue, QStringLiteral("parcel damag")), QList<qint64>{m_doraChat});
        QCOMPARE(found(*m_sue, QStringLiteral("parcels")), QList<qint64>{});
        // Syntax in what was typed is searched for, never obeyed.
        QCOMPARE(found(*m_sue, QStringLiteral("parcel OR NEAR(\"x\")*")), QList<qint64>{});
        // The reply names the conversations, each with its newest message, as a page does.
        const QJsonObject reply = m_ana->request(
            QStringLiteral("search"), {{QStringLiteral("query"), QStringLiteral("parcel")}});
        const QJsonArray conversations =
            data(reply).value(QLatin1String("conversations")).toArray();
        QCOMPARE(idsOf(conversations), QSet<qint64>{m_carlChat});
        QCOMPARE(str(obj(conversations.first().toObject(), "lastMessage"), "text"),
                 QStringLiteral("My parcel never came, 55501"));
        QCOMPARE(data(reply).value(QLatin1String("more")).toBool(), false);
        // Page by page, below the last message received.
        const QJsonObject first = m_sue->request(
            QStringLiteral("search"),
            {{QStringLiteral("query"), QStringLiteral("parcel")}, {QStringLiteral("limit"), 1}});
        const QJsonArray one = data(first).value(QLatin1String("messages")).toArray();
        QCOMPARE(one.size(), 1);
        QVERIFY(data(first).value(QLatin1String("more")).toBool());
        QCOMPARE(found(*m_sue, QStringLiteral("parcel"),
                       {{QStringLiteral("before"), integer(one.first().toObject(), "id")}}),
                 QList<qint64>{m_carlChat});
        // Bad requests are refused; customers do not have the command.
        const auto refused = [this](TestClient &who, const QJsonObject &fields) {
            return code(who.request(QStringLiteral("search"), fields));
        };
        const QString bad = QStringLiteral("bad_request");
        QCOMPARE(refused(*m_sue, {}), bad);
        QCOMPARE(refused(*m_sue, {{QStringLiteral("query"), QStringLiteral("   ")}}), bad);
        QCOMPARE(refused(*m_sue, {{QStringLiteral("query"), QString(201, QLatin1Char('a'))}}), bad);
        QCOMPARE(refused(*m_sue, {{QStringLiteral("query"), 5}}), bad);
        QCOMPARE(refused(*m_sue, {{QStringLiteral("query"), QStringLiteral("x")},
                                  {QStringLiteral("limit"), 51}}),
                 bad);
        QCOMPARE(refused(*m_sue, {{QStringLiteral("query"), QStringLiteral("x")},
                                  {QStringLiteral("before"), -3}}),
                 bad);
        QCOMPARE(refused(*m_carl, {{QStringLiteral("query"), QStringLiteral("parcel")}}),
                 QStringLiteral("unknown_type"));
    }

    void customersChooseOnlyWebInboxesThatExist()
    {
        TestClient eve;
        QVERIFY(eve.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!eve.customerHello(QStringLiteral("Eve")).isEmpty());
        const auto start = [&eve](const QJsonValue &inbox) {
            return code(
                eve.request(QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                                     {QStringLiteral("text"), QStringLiteral("Hi")},
                                                     {QStringLiteral("inbox"), inbox}}));
        };
        QCOMPARE(start(999), QStringLiteral("not_found"));
        QCOMPARE(start(QStringLiteral("billing")), QStringLiteral("bad_request"));
        QCOMPARE(start(0), QStringLiteral("bad_request"));
    }

    void accessFollowsTeamChangesOnLiveConnections()
    {
        m_bo->frames().clear();
        // Bo joins Support: the change, then a snapshot that now holds Carl's conversation.
        QCOMPARE(type(m_sue->request(QStringLiteral("team.save"),
                                     {{QStringLiteral("team"), 1},
                                      {QStringLiteral("name"), QStringLiteral("Support")},
                                      {QStringLiteral("members"), ids({m_anaId, m_boId})}})),
                 QStringLiteral("ok"));
        QVERIFY(!m_bo->waitEvent(QStringLiteral("team.saved")).isEmpty());
        const QJsonObject widened = waitSnapshot(*m_bo);
        QCOMPARE(idsOf(data(widened).value(QLatin1String("conversations")).toArray()),
                 (QSet<qint64>{m_carlChat, m_doraChat}));
        QVERIFY(!m_bo->waitFrame(
                         [](const QJsonObject &f) { return type(f) == QLatin1String("synced"); })
                     .isEmpty());
        QCOMPARE(type(say(*m_carl, m_carlChat, QStringLiteral("Still there?"))),
                 QStringLiteral("ok"));
        QVERIFY(!m_bo->waitFrame([this](const QJsonObject &f) {
                         return isEvent(f, QStringLiteral("message.created"))
                                && conversationOf(f) == m_carlChat;
                     })
                     .isEmpty());
        QCOMPARE(type(m_bo->request(QStringLiteral("history"),
                                    {{QStringLiteral("conversation"), m_carlChat}})),
                 QStringLiteral("ok"));

        // And leaves it again: Carl's conversation drops out, and his words stop coming.
        QCOMPARE(type(m_sue->request(QStringLiteral("team.save"),
                                     {{QStringLiteral("team"), 1},
                                      {QStringLiteral("name"), QStringLiteral("Support")},
                                      {QStringLiteral("members"), ids({m_anaId})}})),
                 QStringLiteral("ok"));
        const QJsonObject narrowed = waitSnapshot(*m_bo);
        QCOMPARE(idsOf(data(narrowed).value(QLatin1String("conversations")).toArray()),
                 QSet<qint64>{m_doraChat});
        m_bo->frames().clear();
        QCOMPARE(type(say(*m_carl, m_carlChat, QStringLiteral("Hello?"))), QStringLiteral("ok"));
        QCOMPARE(type(say(*m_dora, m_doraChat, QStringLiteral("Any news?"))), QStringLiteral("ok"));
        QVERIFY(!sawBefore(*m_bo, m_doraChat, m_carlChat));

        // An inbox moved to another team moves its conversations with it.
        m_ana->frames().clear();
        QCOMPARE(type(m_sue->request(QStringLiteral("inbox.save"),
                                     {{QStringLiteral("inbox"), m_billingInbox},
                                      {QStringLiteral("name"), QStringLiteral("Billing site")},
                                      {QStringLiteral("team"), 1}})),
                 QStringLiteral("ok"));
        QCOMPARE(idsOf(data(waitSnapshot(*m_ana)).value(QLatin1String("conversations")).toArray()),
                 (QSet<qint64>{m_carlChat, m_doraChat}));
        QVERIFY(
            data(waitSnapshot(*m_bo)).value(QLatin1String("conversations")).toArray().isEmpty());
    }

    void liveChatsAreOfferedWithinTheInboxsTeam()
    {
        // Billing's site belongs to Billing again; only Bo may be offered its chats, even
        // with Ana online and idle.
        QCOMPARE(type(m_sue->request(QStringLiteral("inbox.save"),
                                     {{QStringLiteral("inbox"), m_billingInbox},
                                      {QStringLiteral("name"), QStringLiteral("Billing site")},
                                      {QStringLiteral("team"), m_billing}})),
                 QStringLiteral("ok"));
        for (TestClient *agent : {m_ana.get(), m_bo.get()})
            QCOMPARE(type(agent->request(QStringLiteral("presence"),
                                         {{QStringLiteral("status"), QStringLiteral("online")}})),
                     QStringLiteral("ok"));
        TestClient fay;
        QVERIFY(fay.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!fay.customerHello(QStringLiteral("Fay")).isEmpty());
        const QJsonObject started = fay.request(
            QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Invoice?")},
                                     {QStringLiteral("mode"), QStringLiteral("live")},
                                     {QStringLiteral("inbox"), m_billingInbox}});
        const qint64 chat = integer(obj(data(started), "conversation"), "id");
        QVERIFY(chat > 0);
        const QJsonObject offer =
            m_bo->waitFrame([](const QJsonObject &f) { return type(f) == QLatin1String("offer"); });
        QCOMPARE(integer(obj(offer, "conversation"), "id"), chat);
        // Bo declines: it waits for someone of Billing, and Ana, outside it, is never asked.
        QCOMPARE(type(m_bo->request(QStringLiteral("decline"),
                                    {{QStringLiteral("conversation"), chat}})),
                 QStringLiteral("ok"));
        const QJsonObject queue = fay.waitFrame([](const QJsonObject &f) {
            return type(f) == QLatin1String("queue")
                   && f.value(QLatin1String("agentsBusy")).toBool();
        });
        QVERIFY(!queue.isEmpty());
        QVERIFY(m_ana->settle());
        for (const QJsonObject &f : std::as_const(m_ana->frames()))
            QVERIFY(type(f) != QLatin1String("offer"));
    }

    void anAssigneeSeesWhatIsAssignedToThem()
    {
        // Another Billing chat, taken by Bo and handed to Ana by a supervisor: from then on
        // Ana sees it, outside her teams, because it is hers.
        TestClient gus;
        QVERIFY(gus.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!gus.customerHello(QStringLiteral("Gus")).isEmpty());
        const QJsonObject started = gus.request(
            QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Refund?")},
                                     {QStringLiteral("mode"), QStringLiteral("live")},
                                     {QStringLiteral("inbox"), m_billingInbox}});
        const qint64 chat = integer(obj(data(started), "conversation"), "id");
        QVERIFY(!m_bo->waitFrame([chat](const QJsonObject &f) {
                         return type(f) == QLatin1String("offer")
                                && integer(obj(f, "conversation"), "id") == chat;
                     })
                     .isEmpty());
        QCOMPARE(
            type(m_bo->request(QStringLiteral("accept"), {{QStringLiteral("conversation"), chat}})),
            QStringLiteral("ok"));
        QCOMPARE(code(m_ana->request(QStringLiteral("history"),
                                     {{QStringLiteral("conversation"), chat}})),
                 QStringLiteral("not_found"));
        QCOMPARE(
            type(m_sue->request(QStringLiteral("transfer"), {{QStringLiteral("conversation"), chat},
                                                             {QStringLiteral("agent"), m_anaId}})),
            QStringLiteral("ok"));
        const QJsonObject handed = m_ana->waitEvent(QStringLiteral("conversation.transferred"));
        QCOMPARE(integer(data(handed), "conversation"), chat);
        QCOMPARE(type(m_ana->request(QStringLiteral("history"),
                                     {{QStringLiteral("conversation"), chat}})),
                 QStringLiteral("ok"));
        QCOMPARE(type(say(gus, chat, QStringLiteral("Thanks, Ana"))), QStringLiteral("ok"));
        QVERIFY(!m_ana
                     ->waitFrame([chat](const QJsonObject &f) {
                         return isEvent(f, QStringLiteral("message.created"))
                                && conversationOf(f) == chat;
                     })
                     .isEmpty());
    }

    void eachTeamsQueueIsItsOwn()
    {
        // Billing's only agent steps away while Ana (Support) stays online: a Billing
        // customer is told nobody is there for them, and queues behind Billing's chats only.
        QCOMPARE(type(m_bo->request(QStringLiteral("presence"),
                                    {{QStringLiteral("status"), QStringLiteral("away")}})),
                 QStringLiteral("ok"));
        const auto liveChat = [this](TestClient &who, const QString &name, qint64 inbox) {
            if (!who.open(m_server.wsUrl(CustomerPath)) || who.customerHello(name).isEmpty())
                return QJsonObject();
            QJsonObject fields{{QStringLiteral("clientId"), newId()},
                               {QStringLiteral("text"), QStringLiteral("Hello?")},
                               {QStringLiteral("mode"), QStringLiteral("live")}};
            if (inbox)
                fields.insert(QStringLiteral("inbox"), inbox);
            who.request(QStringLiteral("send"), fields);
            return who.waitFrame(
                [](const QJsonObject &f) { return type(f) == QLatin1String("queue"); });
        };
        TestClient gil;
        const QJsonObject billingQueue = liveChat(gil, QStringLiteral("Gil"), m_billingInbox);
        QVERIFY(!billingQueue.isEmpty());
        QCOMPARE(billingQueue.value(QLatin1String("agentsAvailable")).toBool(), false);
        QCOMPARE(integer(billingQueue, "position"), 2); // behind Fay's, which Bo declined
        // A Support customer at the same moment: Ana is there, and nobody is ahead of them.
        TestClient hal;
        const QJsonObject supportQueue = liveChat(hal, QStringLiteral("Hal"), 0);
        QVERIFY(!supportQueue.isEmpty());
        QCOMPARE(supportQueue.value(QLatin1String("agentsAvailable")).toBool(), true);
        QCOMPARE(integer(supportQueue, "position"), 1);
        // The widget's start form asks the same of its own inbox.
        const auto available = [this](const QByteArray &query) {
            RawHttp http;
            if (!http.connectTo(m_server.port()))
                return QJsonValue();
            http.socket.write("GET /api/v1/availability" + query
                              + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            return http.status() == 200 ? http.body().value(QLatin1String("available"))
                                        : QJsonValue();
        };
        QCOMPARE(available("?inbox=" + QByteArray::number(m_billingInbox)), QJsonValue(false));
        QCOMPARE(available("?inbox=1"), QJsonValue(true));
        QCOMPARE(available(QByteArray()), QJsonValue(true)); // anyone, without an inbox
        QCOMPARE(available("?inbox=banana"), QJsonValue(true));
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
