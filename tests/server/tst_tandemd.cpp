// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: the real tandemd binary on an ephemeral port, spoken to over real sockets.
#include "clockhand.h"
#include "framefields.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace FrameFields;

namespace {
const QString Email = QStringLiteral("dana@example.com");
const QString Password = QStringLiteral("correct horse battery");
const QString AgentPath = QStringLiteral("/ws/agent");
const QString CustomerPath = QStringLiteral("/ws/customer");

struct HttpAnswer {
    int status = 0;
    QJsonObject body;
};
} // namespace

class TestTandemd : public QObject
{
    Q_OBJECT

private:
    TandemdProcess m_server{{QStringLiteral("--allowed-origin"),
                             QStringLiteral("http://shop.example"),
                             QStringLiteral("--handshake-timeout"), QStringLiteral("3000"),
                             QStringLiteral("--session-check"), QStringLiteral("1"),
                             QStringLiteral("--replay-limit"), QStringLiteral("40")}};
    QNetworkAccessManager m_http;

    HttpAnswer http(const QByteArray &verb, const QString &path, const QJsonObject &body = {},
                    const QByteArray &bearer = {})
    {
        QNetworkRequest request(m_server.httpUrl(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        QNetworkReply *reply = m_http.sendCustomRequest(
            request, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
        (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000);
        HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                          QJsonDocument::fromJson(reply->readAll()).object()};
        reply->deleteLater();
        return answer;
    }

    //! A new customer with one conversation; returns the conversation id.
    qint64 startConversation(TestClient &customer, const QString &name, const QString &text)
    {
        if (customer.customerHello(name).isEmpty())
            return 0;
        const QJsonObject reply =
            customer.request(QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                                      {QStringLiteral("text"), text}});
        return integer(data(reply).value(QLatin1String("conversation")).toObject(), "id");
    }

    //! Connects `agent` to `server` and signs in as Dana; returns the session token (empty
    //! when either failed).
    static QString sessionToken(TestClient &agent, const TandemdProcess &server)
    {
        if (!agent.open(server.wsUrl(AgentPath)))
            return {};
        return agent.agentSignIn(Email, Password).value(QLatin1String("token")).toString();
    }

    //! Connects `agent` to the shared server and signs in as Dana.
    bool signIn(TestClient &agent) { return !sessionToken(agent, m_server).isEmpty(); }

    QJsonObject sendAsAgent(TestClient &agent, qint64 conversation, const QString &text,
                            const QString &clientId = newId())
    {
        return agent.request(QStringLiteral("send"),
                             {{QStringLiteral("conversation"), conversation},
                              {QStringLiteral("clientId"), clientId},
                              {QStringLiteral("text"), text}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addAgent(Email, QStringLiteral("Dana Demo"), Password));
        QVERIFY(m_server.addAgent(QStringLiteral("sam@example.com"), QStringLiteral("Sam Lead"),
                                  Password, QStringLiteral("supervisor")));
    }

    void healthz()
    {
        const HttpAnswer answer = http("GET", QStringLiteral("/healthz"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    }

    void signInOverWebSocket()
    {
        TestClient agent;
        QVERIFY(agent.open(m_server.wsUrl(AgentPath)));
        const QJsonObject ok = agent.agentSignIn(Email, Password);
        QVERIFY2(!ok.isEmpty(), QJsonDocument(agent.lastReply()).toJson().constData());
        QCOMPARE(ok.value(QLatin1String("token")).toString().size(), 43); // 256 bits, base64url
        QCOMPARE(
            ok.value(QLatin1String("agent")).toObject().value(QLatin1String("email")).toString(),
            Email);
        QCOMPARE(ok.value(QLatin1String("resume")).toString(), QStringLiteral("snapshot"));
        QCOMPARE(type(agent.frames().first()), QStringLiteral("snapshot"));
        const QJsonArray agents =
            data(agent.frames().first()).value(QLatin1String("agents")).toArray();
        QCOMPARE(agents.size(), 2);
        QVERIFY(!agents.first().toObject().contains(QLatin1String("email")));
    }

    void wrongPasswordAndUnknownEmail()
    {
        TestClient agent;
        QVERIFY(agent.open(m_server.wsUrl(AgentPath)));
        QVERIFY(agent.agentSignIn(Email, QStringLiteral("wrong password")).isEmpty());
        QCOMPARE(code(agent.lastReply()), QStringLiteral("bad_credentials"));
        QVERIFY(agent.agentSignIn(QStringLiteral("nobody@example.com"), Password).isEmpty());
        QCOMPARE(code(agent.lastReply()), QStringLiteral("bad_credentials"));
        // Still not signed in.
        QCOMPARE(code(agent.request(QStringLiteral("ping"))), QStringLiteral("unauthenticated"));
        // A correct retry on the same connection works.
        QVERIFY2(!agent.agentSignIn(Email, Password).isEmpty(),
                 QJsonDocument(agent.lastReply()).toJson(QJsonDocument::Compact).constData());
    }

    void repeatedWrongPasswordsAreThrottled()
    {
        QVERIFY(m_server.addAgent(QStringLiteral("target@example.com"), QStringLiteral("Target"),
                                  Password));
        QStringList codes;
        for (int i = 0; i < 12; ++i) {
            // A fresh connection each time, as an attacker would (and so that this server's
            // short handshake timeout cannot cut the series short).
            TestClient attacker;
            QVERIFY(attacker.open(m_server.wsUrl(AgentPath)));
            attacker.agentSignIn(QStringLiteral("target@example.com"),
                                 QStringLiteral("guess %1").arg(i));
            codes << code(attacker.lastReply());
        }
        QCOMPARE(codes.count(QStringLiteral("bad_credentials")), 10);
        QCOMPARE(codes.last(), QStringLiteral("rate_limited"));
        // Even the right password waits now, from any connection and over HTTP too...
        const HttpAnswer viaHttp =
            http("POST", QStringLiteral("/api/v1/session"),
                 {{QStringLiteral("email"), QStringLiteral("TARGET@example.com")},
                  {QStringLiteral("password"), Password}});
        QCOMPARE(viaHttp.status, 429);
        // ... while other accounts are unaffected.
        TestClient other;
        QVERIFY(signIn(other));
    }

    void signInOverHttp()
    {
        const HttpAnswer good =
            http("POST", QStringLiteral("/api/v1/session"),
                 {{QStringLiteral("email"), Email}, {QStringLiteral("password"), Password}});
        QCOMPARE(good.status, 200);
        const QString token = good.body.value(QLatin1String("token")).toString();
        QVERIFY(!token.isEmpty());
        TestClient agent;
        QVERIFY(agent.open(m_server.wsUrl(AgentPath)));
        QVERIFY(!agent.agentHello(token).isEmpty());

        const HttpAnswer bad = http("POST", QStringLiteral("/api/v1/session"),
                                    {{QStringLiteral("email"), Email},
                                     {QStringLiteral("password"), QStringLiteral("nope")}});
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.body.value(QLatin1String("code")).toString(),
                 QStringLiteral("bad_credentials"));
        const HttpAnswer malformed =
            http("POST", QStringLiteral("/api/v1/session"), {{QStringLiteral("email"), 42}});
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.body.value(QLatin1String("code")).toString(),
                 QStringLiteral("bad_request"));
    }

    void expiredToken()
    {
        TandemdProcess shortLived{QStringList{QStringLiteral("--session-ttl"), QStringLiteral("60")}
                                  + ClockHand::startArguments()};
        QVERIFY(shortLived.start());
        QVERIFY(shortLived.addAgent(Email, QStringLiteral("Dana"), Password));
        ClockHand clock(shortLived);
        QVERIFY(clock.isReady());
        TestClient agent;
        const QString token = sessionToken(agent, shortLived);
        QVERIFY(!token.isEmpty());
        QVERIFY(clock.advance(59999));
        TestClient still;
        QVERIFY(still.open(shortLived.wsUrl(AgentPath)));
        QVERIFY(!still.agentHello(token).isEmpty()); // a millisecond to go
        QVERIFY(clock.advance(1));
        TestClient later;
        QVERIFY(later.open(shortLived.wsUrl(AgentPath)));
        QVERIFY(later.agentHello(token).isEmpty());
        QCOMPARE(code(later.lastReply()), QStringLiteral("token_expired"));
    }

    void revokedTokenEndsLiveConnections()
    {
        TestClient agent;
        const QString token = sessionToken(agent, m_server);
        QVERIFY(!token.isEmpty());
        TestClient second;
        QVERIFY(second.open(m_server.wsUrl(AgentPath)));
        QVERIFY(!second.agentHello(token).isEmpty());

        const HttpAnswer out =
            http("DELETE", QStringLiteral("/api/v1/session"), {}, token.toLatin1());
        QCOMPARE(out.status, 204);
        QVERIFY(agent.waitDisconnected());
        QVERIFY(second.waitDisconnected());
        QCOMPARE(agent.closeCode(), 4001);

        TestClient again;
        QVERIFY(again.open(m_server.wsUrl(AgentPath)));
        QVERIFY(again.agentHello(token).isEmpty());
        QCOMPARE(code(again.lastReply()), QStringLiteral("token_invalid"));
        QCOMPARE(http("DELETE", QStringLiteral("/api/v1/session"), {}, token.toLatin1()).status,
                 401);
    }

    void signOutOverWebSocket()
    {
        TestClient agent;
        const QString token = sessionToken(agent, m_server);
        QVERIFY(!token.isEmpty());
        QCOMPARE(type(agent.request(QStringLiteral("signout"))), QStringLiteral("ok"));
        QVERIFY(agent.waitDisconnected());
        QCOMPARE(agent.closeCode(), 4001);
        TestClient again;
        QVERIFY(again.open(m_server.wsUrl(AgentPath)));
        QVERIFY(again.agentHello(token).isEmpty());
        QCOMPARE(code(again.lastReply()), QStringLiteral("token_invalid"));
    }

    void disabledAccountIsSignedOut()
    {
        QVERIFY(m_server.addAgent(QStringLiteral("temp@example.com"), QStringLiteral("Temp"),
                                  Password));
        TestClient agent;
        QVERIFY(agent.open(m_server.wsUrl(AgentPath)));
        const QString token = agent.agentSignIn(QStringLiteral("temp@example.com"), Password)
                                  .value(QLatin1String("token"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(m_server.userCommand({QStringLiteral("disable"), QStringLiteral("--email"),
                                       QStringLiteral("temp@example.com")}),
                 0);
        QVERIFY(agent.waitDisconnected(5000)); // the server re-checks live sessions every second
        QCOMPARE(agent.closeCode(), 4001);
        TestClient again;
        QVERIFY(again.open(m_server.wsUrl(AgentPath)));
        QVERIFY(again.agentSignIn(QStringLiteral("temp@example.com"), Password).isEmpty());
        QCOMPARE(code(again.lastReply()), QStringLiteral("account_disabled"));
    }

    void customerAndAgentExchangeMessages()
    {
        TestClient agent;
        QVERIFY(signIn(agent));
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        const qint64 conversation =
            startConversation(customer, QStringLiteral("Ada"), QStringLiteral("My order is late"));
        QVERIFY(conversation > 0);

        const QJsonObject created = agent.waitEvent(QStringLiteral("conversation.created"));
        QCOMPARE(integer(data(created).value(QLatin1String("conversation")).toObject(), "id"),
                 conversation);
        const QJsonObject first = agent.waitEvent(QStringLiteral("message.created"));
        QCOMPARE(data(first)
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 QStringLiteral("My order is late"));
        QVERIFY(integer(first, "seq") > integer(created, "seq"));

        // Typing is passed on, without a seq.
        QCOMPARE(type(customer.request(QStringLiteral("typing"),
                                       {{QStringLiteral("conversation"), conversation},
                                        {QStringLiteral("on"), true}})),
                 QStringLiteral("ok"));
        const QJsonObject typing = agent.waitFrame(
            [](const QJsonObject &f) { return type(f) == QLatin1String("typing"); });
        QCOMPARE(typing.value(QLatin1String("on")).toBool(), true);
        QVERIFY(!typing.contains(QLatin1String("seq")));

        const QJsonObject reply = sendAsAgent(agent, conversation, QStringLiteral("Let me check"));
        QCOMPARE(type(reply), QStringLiteral("ok"));
        // The customer sees its own message's event too; wait for the agent's.
        const QJsonObject seen = customer.waitFrame([](const QJsonObject &f) {
            return data(f)
                       .value(QLatin1String("message"))
                       .toObject()
                       .value(QLatin1String("author"))
                       .toObject()
                       .value(QLatin1String("kind"))
                       .toString()
                   == QLatin1String("agent");
        });
        const QJsonObject message = data(seen).value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("text")).toString(), QStringLiteral("Let me check"));
        QCOMPARE(message.value(QLatin1String("author"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("Dana Demo"));

        // The customer marks it read; the agent sees the marker move, once.
        const qint64 messageId = integer(message, "id");
        QCOMPARE(type(customer.request(QStringLiteral("read"),
                                       {{QStringLiteral("conversation"), conversation},
                                        {QStringLiteral("upTo"), messageId}})),
                 QStringLiteral("ok"));
        QVERIFY(!agent.waitEvent(QStringLiteral("conversation.read")).isEmpty());
        customer.request(QStringLiteral("read"), {{QStringLiteral("conversation"), conversation},
                                                  {QStringLiteral("upTo"), messageId}});
        QCOMPARE(
            agent.takeEvents(QStringLiteral("conversation.read"), TestClient::Settle::AfterPing)
                .size(),
            0);

        const QJsonObject page = data(agent.request(
            QStringLiteral("history"), {{QStringLiteral("conversation"), conversation}}));
        QCOMPARE(page.value(QLatin1String("messages")).toArray().size(), 2);
        QCOMPARE(page.value(QLatin1String("more")).toBool(), false);
    }

    void idempotentResend()
    {
        TestClient agent;
        QVERIFY(signIn(agent));
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        const qint64 conversation =
            startConversation(customer, QStringLiteral("Bo"), QStringLiteral("Hi"));
        customer.takeEvents(QStringLiteral("message.created"), TestClient::Settle::AfterPing);

        const QString clientId = newId();
        const QJsonObject first =
            sendAsAgent(agent, conversation, QStringLiteral("Hello Bo"), clientId);
        const QJsonObject retry =
            sendAsAgent(agent, conversation, QStringLiteral("Hello Bo"), clientId);
        QCOMPARE(type(retry), QStringLiteral("ok"));
        QCOMPARE(integer(data(retry).value(QLatin1String("message")).toObject(), "id"),
                 integer(data(first).value(QLatin1String("message")).toObject(), "id"));
        QCOMPARE(
            customer.takeEvents(QStringLiteral("message.created"), TestClient::Settle::AfterPing)
                .size(),
            1);

        const QJsonObject clash =
            sendAsAgent(agent, conversation, QStringLiteral("Something else"), clientId);
        QCOMPARE(code(clash), QStringLiteral("conflict"));
        const QJsonObject page = data(agent.request(
            QStringLiteral("history"), {{QStringLiteral("conversation"), conversation}}));
        QCOMPARE(page.value(QLatin1String("messages")).toArray().size(), 2);
    }

    void resumeAfterDropHasNoGapAndNoDuplicate()
    {
        TestClient agent;
        const QString token = sessionToken(agent, m_server);
        QVERIFY(!token.isEmpty());
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        const qint64 conversation =
            startConversation(customer, QStringLiteral("Cy"), QStringLiteral("one"));
        agent.waitEvent(QStringLiteral("message.created"));
        const qint64 applied = agent.lastSeq();
        agent.close();

        QStringList written;
        for (int i = 0; i < 5; ++i) {
            written << QStringLiteral("offline %1").arg(i);
            customer.request(QStringLiteral("send"),
                             {{QStringLiteral("conversation"), conversation},
                              {QStringLiteral("clientId"), newId()},
                              {QStringLiteral("text"), written.last()}});
        }

        // Resume while the customer keeps writing: messages committed during the catch-up
        // must come after it, in order, once.
        TestClient resumed;
        QVERIFY(resumed.open(m_server.wsUrl(AgentPath)));
        constexpr int During = 30; // with the 5 above, within --replay-limit 40
        QTimer writer;
        writer.setInterval(0);
        int sent = 0;
        connect(&writer, &QTimer::timeout, this, [&] {
            written << QStringLiteral("during %1").arg(sent);
            customer.sendRawNoWait(QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("send")},
                                          {QStringLiteral("id"), QStringLiteral("d%1").arg(sent)},
                                          {QStringLiteral("conversation"), conversation},
                                          {QStringLiteral("clientId"), newId()},
                                          {QStringLiteral("text"), written.last()}})
                    .toJson(QJsonDocument::Compact)));
            if (++sent == During)
                writer.stop();
        });
        writer.start();
        // A few are in before the hello, the rest race with its catch-up.
        QTRY_VERIFY_WITH_TIMEOUT(sent >= 3, 10000);
        const QJsonObject ok = resumed.agentHello(token, applied);
        QCOMPARE(ok.value(QLatin1String("resume")).toString(), QStringLiteral("replay"));
        QTRY_VERIFY_WITH_TIMEOUT(!writer.isActive(), 10000);
        const qsizetype expected = 5 + During;
        // Only the logged events count here, not the routing figures sent alongside.
        const auto events = [&resumed] {
            return std::count_if(
                resumed.frames().cbegin(), resumed.frames().cend(),
                [](const QJsonObject &f) { return type(f) == QLatin1String("event"); });
        };
        QTRY_COMPARE_WITH_TIMEOUT(events(), expected, 10000);
        QVERIFY(resumed.settle());
        QCOMPARE(events(), expected); // no duplicate arrived late
        resumed.frames().removeIf(
            [](const QJsonObject &f) { return type(f) != QLatin1String("event"); });
        QStringList texts;
        qint64 previous = applied;
        for (const QJsonObject &f : resumed.frames()) {
            if (type(f) == QLatin1String("synced"))
                continue;
            QCOMPARE(f.value(QLatin1String("event")).toString(), QStringLiteral("message.created"));
            QVERIFY(integer(f, "seq") > previous);
            previous = integer(f, "seq");
            texts << data(f)
                         .value(QLatin1String("message"))
                         .toObject()
                         .value(QLatin1String("text"))
                         .toString();
        }
        QCOMPARE(texts, written);
    }

    void resumeTooOldGetsSnapshot()
    {
        TestClient agent;
        const QString token = sessionToken(agent, m_server);
        QVERIFY(!token.isEmpty());
        const qint64 applied = agent.lastSeq();
        agent.close();
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        const qint64 conversation =
            startConversation(customer, QStringLiteral("Di"), QStringLiteral("0"));
        for (int i = 0; i < 45; ++i) // more than --replay-limit 40
            customer.request(QStringLiteral("send"),
                             {{QStringLiteral("conversation"), conversation},
                              {QStringLiteral("clientId"), newId()},
                              {QStringLiteral("text"), QString::number(i)}});
        TestClient resumed;
        QVERIFY(resumed.open(m_server.wsUrl(AgentPath)));
        const QJsonObject ok = resumed.agentHello(token, applied);
        QCOMPARE(ok.value(QLatin1String("resume")).toString(), QStringLiteral("snapshot"));
        const QJsonObject snapshot = resumed.frames().first();
        QCOMPARE(type(snapshot), QStringLiteral("snapshot"));
        QCOMPARE(integer(snapshot, "seq"), integer(ok, "head"));
        bool found = false;
        for (const QJsonValue &c : data(snapshot).value(QLatin1String("conversations")).toArray()) {
            if (integer(c.toObject(), "id") == conversation) {
                found = true;
                QCOMPARE(c.toObject()
                             .value(QLatin1String("lastMessage"))
                             .toObject()
                             .value(QLatin1String("text"))
                             .toString(),
                         QStringLiteral("44"));
            }
        }
        QVERIFY(found);

        // A resume point ahead of the server (its data was reset) also gets a snapshot.
        TestClient ahead;
        QVERIFY(ahead.open(m_server.wsUrl(AgentPath)));
        QCOMPARE(ahead.agentHello(token, integer(ok, "head") + 1000)
                     .value(QLatin1String("resume"))
                     .toString(),
                 QStringLiteral("snapshot"));
    }

    void customerResumesOwnConversationOnly()
    {
        TestClient ada;
        QVERIFY(ada.open(m_server.wsUrl(CustomerPath)));
        const QJsonObject hello = ada.customerHello(QStringLiteral("Eve"));
        const QString token = hello.value(QLatin1String("token")).toString();
        QVERIFY(!token.isEmpty());
        ada.request(QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                             {QStringLiteral("text"), QStringLiteral("hi")}});
        const qint64 applied = ada.lastSeq();
        ada.close();

        TestClient other;
        QVERIFY(other.open(m_server.wsUrl(CustomerPath)));
        startConversation(other, QStringLiteral("Mallory"), QStringLiteral("not for Eve"));

        TestClient back;
        QVERIFY(back.open(m_server.wsUrl(CustomerPath)));
        const QJsonObject again = back.customerHello({}, token, applied);
        QCOMPARE(again.value(QLatin1String("resume")).toString(), QStringLiteral("replay"));
        QVERIFY(!again.contains(QLatin1String("token")));
        QCOMPARE(back.takeEvents(QStringLiteral("message.created"), TestClient::Settle::AfterPing)
                     .size(),
                 0);
        QCOMPARE(back.takeEvents(QStringLiteral("conversation.created")).size(), 0);
    }

    void sigkillLosesNothingAcknowledged()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        TestClient agent;
        const QString agentToken = sessionToken(agent, server);
        QVERIFY(!agentToken.isEmpty());
        const qint64 agentApplied = agent.lastSeq();
        agent.close();
        TestClient customer;
        QVERIFY(customer.open(server.wsUrl(CustomerPath)));
        const QString token =
            customer.customerHello(QStringLiteral("Fay")).value(QLatin1String("token")).toString();
        qint64 conversation = 0;
        QSet<qint64> acknowledged;
        for (int i = 0; i < 30; ++i) {
            QJsonObject fields{{QStringLiteral("clientId"), newId()},
                               {QStringLiteral("text"), QStringLiteral("m%1").arg(i)}};
            if (conversation)
                fields.insert(QStringLiteral("conversation"), conversation);
            const QJsonObject reply = customer.request(QStringLiteral("send"), fields);
            QCOMPARE(type(reply), QStringLiteral("ok"));
            conversation =
                integer(data(reply).value(QLatin1String("conversation")).toObject(), "id");
            acknowledged.insert(
                integer(data(reply).value(QLatin1String("message")).toObject(), "id"));
        }
        server.kill(); // SIGKILL right after the last acknowledgement
        QVERIFY(customer.waitDisconnected());
        QVERIFY(server.start());

        TestClient back;
        QVERIFY(back.open(server.wsUrl(CustomerPath)));
        QVERIFY(!back.customerHello({}, token).isEmpty());
        const QJsonObject page = data(
            back.request(QStringLiteral("history"), {{QStringLiteral("conversation"), conversation},
                                                     {QStringLiteral("limit"), 200}}));
        QSet<qint64> stored;
        for (const QJsonValue &m : page.value(QLatin1String("messages")).toArray())
            stored.insert(integer(m.toObject(), "id"));
        QCOMPARE(stored, acknowledged);

        // The agent's session survived too, and it resumes with exactly what it missed.
        TestClient resumed;
        QVERIFY(resumed.open(server.wsUrl(AgentPath)));
        QCOMPARE(
            resumed.agentHello(agentToken, agentApplied).value(QLatin1String("resume")).toString(),
            QStringLiteral("replay"));
        QSet<qint64> replayed;
        qint64 previous = agentApplied;
        for (const QJsonObject &event :
             resumed.takeEvents(QStringLiteral("message.created"), TestClient::Settle::AfterPing)) {
            QVERIFY(integer(event, "seq") > previous);
            previous = integer(event, "seq");
            replayed.insert(integer(data(event).value(QLatin1String("message")).toObject(), "id"));
        }
        QCOMPARE(replayed, acknowledged);
    }

    void oversizedMessageClosesWith1009()
    {
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!customer.customerHello(QStringLiteral("Big")).isEmpty());
        customer.sendRawNoWait(QString(70 * 1024, QLatin1Char('x')));
        QVERIFY(customer.waitDisconnected());
        QCOMPARE(customer.closeCode(), 1009);
        // Nobody else is disturbed.
        TestClient other;
        QVERIFY(other.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!other.customerHello(QStringLiteral("Small")).isEmpty());
    }

    void badFrames_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<QString>("expectedCode");
        QTest::addColumn<bool>("idEchoed");
        QTest::newRow("not json") << QStringLiteral("{nope") << QStringLiteral("bad_frame")
                                  << false;
        QTest::newRow("array") << QStringLiteral("[1,2]") << QStringLiteral("bad_frame") << false;
        QTest::newRow("no id") << QStringLiteral(R"({"type":"ping"})")
                               << QStringLiteral("bad_frame") << false;
        QTest::newRow("numeric id")
            << QStringLiteral(R"({"type":"ping","id":7})") << QStringLiteral("bad_frame") << false;
        QTest::newRow("no type") << QStringLiteral(R"({"id":"x"})") << QStringLiteral("bad_frame")
                                 << true;
        QTest::newRow("unknown type") << QStringLiteral(R"({"type":"explode","id":"x"})")
                                      << QStringLiteral("unknown_type") << true;
        QTest::newRow("agent-only command")
            << QStringLiteral(R"({"type":"presence","id":"x","status":"away"})")
            << QStringLiteral("unknown_type") << true;
        QTest::newRow("send without clientId")
            << QStringLiteral(R"({"type":"send","id":"x","text":"hi"})")
            << QStringLiteral("bad_request") << true;
        QTest::newRow("send blank text") << QStringLiteral(
            R"({"type":"send","id":"x","clientId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","text":"   "})")
                                         << QStringLiteral("bad_request") << true;
        QTest::newRow("send text too long")
            << QStringLiteral(
                   R"({"type":"send","id":"x","clientId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","text":"%1"})")
                   .arg(QString(10001, QLatin1Char('a')))
            << QStringLiteral("bad_request") << true;
        QTest::newRow("fractional conversation")
            << QStringLiteral(R"({"type":"history","id":"x","conversation":1.5})")
            << QStringLiteral("bad_request") << true;
        QTest::newRow("huge conversation id")
            << QStringLiteral(R"({"type":"history","id":"x","conversation":1e300})")
            << QStringLiteral("bad_request") << true;
        QTest::newRow("history limit 0")
            << QStringLiteral(R"({"type":"history","id":"x","conversation":1,"limit":0})")
            << QStringLiteral("bad_request") << true;
        QTest::newRow("second hello")
            << QStringLiteral(R"({"type":"hello","id":"x","protocol":1,"name":"Again"})")
            << QStringLiteral("unauthenticated") << true;
    }

    void badFrames()
    {
        QFETCH(QString, frame);
        QFETCH(QString, expectedCode);
        QFETCH(bool, idEchoed);
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!customer.customerHello(QStringLiteral("Fuzz")).isEmpty());
        const QJsonObject reply = customer.sendRaw(frame);
        QCOMPARE(type(reply), QStringLiteral("error"));
        QCOMPARE(code(reply), expectedCode);
        QCOMPARE(reply.value(QLatin1String("id")).isString(), idEchoed);
        QVERIFY(!reply.value(QLatin1String("message")).toString().isEmpty());
        // The connection is still usable.
        QCOMPARE(type(customer.request(QStringLiteral("ping"))), QStringLiteral("ok"));
    }

    void binaryFrameIsRefused()
    {
        QWebSocket raw;
        raw.open(m_server.wsUrl(CustomerPath));
        QTRY_VERIFY(raw.state() == QAbstractSocket::ConnectedState);
        QString answer;
        connect(&raw, &QWebSocket::textMessageReceived, this,
                [&](const QString &t) { answer = t; });
        raw.sendBinaryMessage(QByteArrayLiteral("\x00\x01"));
        QTRY_VERIFY(!answer.isEmpty());
        QCOMPARE(code(QJsonDocument::fromJson(answer.toUtf8()).object()),
                 QStringLiteral("bad_frame"));
    }

    void otherCustomersConversationIsNotFound()
    {
        TestClient alice;
        QVERIFY(alice.open(m_server.wsUrl(CustomerPath)));
        const qint64 conversation =
            startConversation(alice, QStringLiteral("Alice"), QStringLiteral("private"));
        const qint64 messageId = alice.lastSeq(); // any id; the conversation check comes first
        TestClient mallory;
        QVERIFY(mallory.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!mallory.customerHello(QStringLiteral("Mallory")).isEmpty());

        const QList<std::pair<QString, QJsonObject>> attempts{
            {QStringLiteral("history"), {{QStringLiteral("conversation"), conversation}}},
            {QStringLiteral("send"),
             {{QStringLiteral("conversation"), conversation},
              {QStringLiteral("clientId"), newId()},
              {QStringLiteral("text"), QStringLiteral("hijack")}}},
            {QStringLiteral("read"),
             {{QStringLiteral("conversation"), conversation}, {QStringLiteral("upTo"), messageId}}},
            {QStringLiteral("typing"),
             {{QStringLiteral("conversation"), conversation}, {QStringLiteral("on"), true}}},
        };
        for (const auto &[command, fields] : attempts)
            QCOMPARE(code(mallory.request(command, fields)), QStringLiteral("not_found"));
        // ... exactly as for a conversation that does not exist.
        QCOMPARE(code(mallory.request(QStringLiteral("history"),
                                      {{QStringLiteral("conversation"), 999999}})),
                 QStringLiteral("not_found"));

        // Alice's later messages never reach Mallory, and Alice sees nothing of Mallory's attempt.
        alice.request(QStringLiteral("send"),
                      {{QStringLiteral("conversation"), conversation},
                       {QStringLiteral("clientId"), newId()},
                       {QStringLiteral("text"), QStringLiteral("still private")}});
        QCOMPARE(
            mallory.takeEvents(QStringLiteral("message.created"), TestClient::Settle::AfterPing)
                .size(),
            0);
        QCOMPARE(alice.takeEvents(QStringLiteral("message.created")).size(), 2);
        QVERIFY(alice.settle());
        QVERIFY(
            std::none_of(alice.frames().cbegin(), alice.frames().cend(),
                         [](const QJsonObject &f) { return type(f) == QLatin1String("typing"); }));
    }

    void commandsBeforeHandshakeAreRefused()
    {
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        QCOMPARE(code(customer.request(QStringLiteral("send"),
                                       {{QStringLiteral("clientId"), newId()},
                                        {QStringLiteral("text"), QStringLiteral("x")}})),
                 QStringLiteral("unauthenticated"));
        QCOMPARE(code(customer.request(QStringLiteral("hello"),
                                       {{QStringLiteral("protocol"), 99},
                                        {QStringLiteral("name"), QStringLiteral("x")}})),
                 QStringLiteral("unsupported_version"));
        QCOMPARE(code(customer.request(QStringLiteral("hello"),
                                       {{QStringLiteral("protocol"), 1},
                                        {QStringLiteral("token"), QStringLiteral("forged")}})),
                 QStringLiteral("token_invalid"));
        QCOMPARE(
            code(customer.request(QStringLiteral("signin"), {{QStringLiteral("protocol"), 1}})),
            QStringLiteral("unauthenticated")); // customers cannot sign in as staff
    }

    void silentConnectionIsClosedAfterHandshakeTimeout()
    {
        TestClient idle;
        QVERIFY(idle.open(m_server.wsUrl(AgentPath)));
        QVERIFY(idle.waitDisconnected(10000)); // --handshake-timeout 3000
        QCOMPARE(idle.closeCode(), 1008);
    }

    void rateLimit()
    {
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!customer.customerHello(QStringLiteral("Rapid")).isEmpty());
        for (int i = 0; i < 80; ++i)
            customer.sendRawNoWait(QStringLiteral(R"({"type":"ping","id":"p%1"})").arg(i));
        const QList<QJsonObject> replies = customer.takeReplies(80);
        QCOMPARE(replies.size(), 80);
        int limited = 0;
        for (const QJsonObject &reply : replies) {
            if (code(reply) == QLatin1String("rate_limited")) {
                ++limited;
                QVERIFY(reply.value(QLatin1String("retryAfterMs")).toDouble() > 0);
                QVERIFY(reply.value(QLatin1String("id")).toString().startsWith(QLatin1Char('p')));
            }
        }
        // The burst is 60 (the hello took one), refilled at 10 a second: up to the last 21
        // are refused.
        QVERIFY2(limited >= 10 && limited <= 21, qPrintable(QString::number(limited)));
        QVERIFY(customer.isConnected());
    }

    void originsAreChecked()
    {
        TestClient evil;
        QVERIFY(evil.open(m_server.wsUrl(CustomerPath), "http://evil.example")
                || evil.closeCode() != -1);
        QVERIFY(evil.waitDisconnected());
        QCOMPARE(evil.closeCode(), 1008);
        TestClient shop;
        QVERIFY(shop.open(m_server.wsUrl(CustomerPath), "http://shop.example"));
        QVERIFY(!shop.customerHello(QStringLiteral("Shopper")).isEmpty());
    }

    void adminCommands()
    {
        QByteArray output;
        QCOMPARE(m_server.userCommand({QStringLiteral("list")}, {}, &output), 0);
        QVERIFY(output.contains("dana@example.com\tDana Demo\tagent\tenabled"));
        QVERIFY(output.contains("sam@example.com\tSam Lead\tsupervisor"));
        // Duplicate email, short password, unknown role and unknown account are refused.
        QVERIFY(!m_server.addAgent(Email, QStringLiteral("Again"), Password));
        QVERIFY(!m_server.addAgent(QStringLiteral("new@example.com"), QStringLiteral("New"),
                                   QStringLiteral("short")));
        QVERIFY(!m_server.addAgent(QStringLiteral("new@example.com"), QStringLiteral("New"),
                                   Password, QStringLiteral("root")));
        QVERIFY(m_server.userCommand({QStringLiteral("passwd"), QStringLiteral("--email"),
                                      QStringLiteral("ghost@example.com")},
                                     "long enough password\n")
                != 0);

        // A new password works, the old one no longer does, and old sessions end.
        QVERIFY(
            m_server.addAgent(QStringLiteral("pw@example.com"), QStringLiteral("Pw"), Password));
        TestClient agent;
        QVERIFY(agent.open(m_server.wsUrl(AgentPath)));
        QVERIFY(!agent.agentSignIn(QStringLiteral("pw@example.com"), Password).isEmpty());
        QCOMPARE(m_server.userCommand({QStringLiteral("passwd"), QStringLiteral("--email"),
                                       QStringLiteral("pw@example.com")},
                                      "a brand new password\n"),
                 0);
        QVERIFY(agent.waitDisconnected(5000));
        TestClient again;
        QVERIFY(again.open(m_server.wsUrl(AgentPath)));
        QVERIFY(again.agentSignIn(QStringLiteral("pw@example.com"), Password).isEmpty());
        QVERIFY(!again
                     .agentSignIn(QStringLiteral("pw@example.com"),
                                  QStringLiteral("a brand new password"))
                     .isEmpty());
    }

    void presenceIsAnEventForStaffOnly()
    {
        TestClient watcher;
        QVERIFY(watcher.open(m_server.wsUrl(AgentPath)));
        QVERIFY(!watcher.agentSignIn(QStringLiteral("sam@example.com"), Password).isEmpty());
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(CustomerPath)));
        QVERIFY(!customer.customerHello(QStringLiteral("Gus")).isEmpty());
        TestClient agent;
        QVERIFY(signIn(agent));
        QCOMPARE(data(agent.request(QStringLiteral("presence"),
                                    {{QStringLiteral("status"), QStringLiteral("busy")}}))
                     .value(QLatin1String("presence"))
                     .toString(),
                 QStringLiteral("busy"));
        const QJsonObject event = watcher.waitEvent(QStringLiteral("agent.presence"));
        QCOMPARE(data(event).value(QLatin1String("presence")).toString(), QStringLiteral("busy"));
        QCOMPARE(code(agent.request(QStringLiteral("presence"),
                                    {{QStringLiteral("status"), QStringLiteral("asleep")}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(
            customer.takeEvents(QStringLiteral("agent.presence"), TestClient::Settle::AfterPing)
                .size(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestTandemd)
#include "tst_tandemd.moc"
