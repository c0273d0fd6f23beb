// SPDX-License-Identifier: GPL-3.0-or-later
// The real tandemd's WebSocket side, tried as an attacker would: clients that stop reading,
// creation floods, malformed text, frame floods, foreign origins, silent connections.
#include "framefields.h"
#include "rawhttp.h"
#include "rawwebsocket.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace FrameFields;

namespace {
const QString Email = QStringLiteral("dana@example.com");
const QString Password = QStringLiteral("correct horse battery");
const QByteArray AgentPath = QByteArrayLiteral("/ws/agent");
const QByteArray CustomerPath = QByteArrayLiteral("/ws/customer");

QJsonObject hello(const QString &name)
{
    return {{QStringLiteral("type"), QStringLiteral("hello")},
            {QStringLiteral("id"), QStringLiteral("h")},
            {QStringLiteral("protocol"), 1},
            {QStringLiteral("name"), name}};
}

QJsonObject sendFrame(const QString &id, const QString &text, qint64 conversation = 0,
                      const QString &clientId = newId())
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("send")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("clientId"), clientId},
                  {QStringLiteral("text"), text}};
    if (conversation)
        o.insert(QStringLiteral("conversation"), conversation);
    return o;
}

} // namespace

class TestHardening : public QObject
{
    Q_OBJECT

private:
    //! Starts `server` with Dana's account and signs `agent` in as her; her agent object.
    static QJsonObject startSignedIn(TandemdProcess &server, TestClient &agent)
    {
        if (!server.start() || !server.addAgent(Email, QStringLiteral("Dana"), Password)
            || !agent.open(server.wsUrl(QString::fromLatin1(AgentPath))))
            return {};
        return obj(agent.agentSignIn(Email, Password), "agent");
    }

private Q_SLOTS:
    // A customer that asks for large history pages and never reads the answers must not
    // make the server hold them: past --max-queued-bytes it is closed with 4002.
    void clientThatStopsReadingIsClosed()
    {
        TandemdProcess server({QStringLiteral("--max-queued-bytes"), QStringLiteral("262144"),
                               QStringLiteral("--max-requests-per-minute"),
                               QStringLiteral("6000")});
        QVERIFY(server.start());
        RawWebSocket customer;
        QVERIFY2(customer.open(server.port(), CustomerPath), customer.error());
        const QJsonObject welcome = customer.request(hello(QStringLiteral("Reader")));
        const QString token = str(obj(welcome, "data"), "token");
        QVERIFY(!token.isEmpty());
        const QString big(10000, QLatin1Char('x'));
        const QJsonObject first = customer.request(sendFrame(QStringLiteral("s0"), big));
        const qint64 conversation = integer(obj(obj(first, "data"), "conversation"), "id");
        QVERIFY(conversation > 0);
        for (int i = 1; i < 50; ++i)
            QCOMPARE(
                type(customer.request(sendFrame(QStringLiteral("s%1").arg(i), big, conversation))),
                QStringLiteral("ok"));

        // 150 pages of about 100 KB each (a page holds 100,000 characters at most): 15 MB
        // if the server kept them all.
        customer.pauseReading();
        for (int i = 0; i < 150; ++i)
            customer.sendText(
                QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("history")},
                                          {QStringLiteral("id"), QStringLiteral("p%1").arg(i)},
                                          {QStringLiteral("conversation"), conversation},
                                          {QStringLiteral("limit"), 50}})
                    .toJson(QJsonDocument::Compact));
        QVERIFY(
            server.waitForLog(QStringLiteral("closing a connection that stopped reading"), 20000));
        customer.resumeReading();
        qint64 received = 0;
        QCOMPARE(customer.waitClose(10000, &received), 4002);
        QVERIFY2(received < 8 * 1024 * 1024, qPrintable(QString::number(received)));
        QVERIFY2(server.peakMemoryKb() < 80 * 1024,
                 qPrintable(QString::number(server.peakMemoryKb())));
        // Nothing was lost: the customer comes back and finds all fifty messages.
        TestClient again;
        QVERIFY(again.open(server.wsUrl(QString::fromLatin1(CustomerPath))));
        QVERIFY(!again.customerHello(QString(), token).isEmpty());
        int found = 0;
        QJsonObject fields{{QStringLiteral("conversation"), conversation},
                           {QStringLiteral("limit"), 50}};
        for (bool more = true; more;) {
            const QJsonObject page = obj(again.request(QStringLiteral("history"), fields), "data");
            const QJsonArray messages = page.value(QLatin1String("messages")).toArray();
            QVERIFY(!messages.isEmpty());
            found += int(messages.size());
            more = page.value(QLatin1String("more")).toBool();
            fields.insert(QStringLiteral("before"),
                          messages.first().toObject().value(QLatin1String("id")));
        }
        QCOMPARE(found, 50);
    }

    // A client that sends WebSocket pings and never reads their pongs (which Qt writes by
    // itself, past every queue we count) is dropped, not buffered for.
    void pingsWithoutReadingAreBounded()
    {
        TandemdProcess server({QStringLiteral("--max-queued-bytes"), QStringLiteral("262144")});
        QVERIFY(server.start());
        RawWebSocket client;
        QVERIFY(client.open(server.port(), CustomerPath));
        client.pauseReading();
        const QByteArray payload(125, 'p');
        for (int i = 0; i < 200000 && client.socket().state() == QAbstractSocket::ConnectedState;
             ++i) {
            client.send(0x9, payload);
            if (i % 1000 == 999)
                client.socket().waitForBytesWritten(1000);
        }
        QVERIFY(server.waitForLog(QStringLiteral("dropping a connection with"), 20000));
        QVERIFY2(server.peakMemoryKb() < 80 * 1024,
                 qPrintable(QString::number(server.peakMemoryKb())));
    }

    // Connections at once are limited per client address and per customer.
    void connectionsAreLimited()
    {
        TandemdProcess server(
            {QStringLiteral("--max-connections-per-address"), QStringLiteral("12")});
        QVERIFY(server.start());
        QList<RawWebSocket *> open;
        RawWebSocket *first = new RawWebSocket;
        open.append(first);
        QVERIFY(first->open(server.port(), CustomerPath));
        const QString token =
            str(obj(first->request(hello(QStringLiteral("Tabs"))), "data"), "token");
        QVERIFY(!token.isEmpty());
        QJsonObject again = hello(QString());
        again.remove(QStringLiteral("name"));
        again.insert(QStringLiteral("token"), token);
        for (int i = 1; i < 10; ++i) {
            auto *tab = new RawWebSocket;
            open.append(tab);
            QVERIFY(tab->open(server.port(), CustomerPath));
            QCOMPARE(type(tab->request(again)), QStringLiteral("ok"));
        }
        RawWebSocket eleventh;
        QVERIFY(eleventh.open(server.port(), CustomerPath));
        QCOMPARE(code(eleventh.request(again)), QStringLiteral("rate_limited"));
        QCOMPARE(eleventh.waitClose(), 4003);

        // 10 tabs plus 2 more make 12 from this address: the 13th is refused at once.
        for (int i = 0; i < 2; ++i) {
            auto *c = new RawWebSocket;
            open.append(c);
            QVERIFY(c->open(server.port(), CustomerPath));
        }
        RawWebSocket thirteenth;
        QVERIFY(thirteenth.open(server.port(), CustomerPath));
        QCOMPARE(thirteenth.waitClose(), 4003);
        RawWebSocket elsewhere;
        QVERIFY(elsewhere.open(server.port(), CustomerPath, {}, {},
                               QHostAddress(QStringLiteral("127.0.0.2"))));
        QCOMPARE(type(elsewhere.request(hello(QStringLiteral("Other")))), QStringLiteral("ok"));

        // Handshakes at the same moment count as they pass, not once they are live: of
        // eleven more tabs asking together, nine get in beside the first.
        const QHostAddress burstFrom(QStringLiteral("127.0.0.3"));
        auto *burstFirst = new RawWebSocket;
        open.append(burstFirst);
        QVERIFY(burstFirst->open(server.port(), CustomerPath, {}, {}, burstFrom));
        QJsonObject burst = hello(QString());
        burst.remove(QStringLiteral("name"));
        burst.insert(
            QStringLiteral("token"),
            str(obj(burstFirst->request(hello(QStringLiteral("Burst"))), "data"), "token"));
        QList<RawWebSocket *> together;
        for (int i = 0; i < 11; ++i) {
            auto *tab = new RawWebSocket;
            together.append(tab);
            open.append(tab);
            QVERIFY(tab->open(server.port(), CustomerPath, {}, {}, burstFrom));
        }
        for (RawWebSocket *tab : std::as_const(together))
            tab->sendText(QJsonDocument(burst).toJson(QJsonDocument::Compact));
        QStringList answers;
        for (RawWebSocket *tab : std::as_const(together)) {
            RawWebSocket::Frame frame;
            QVERIFY(tab->waitFrame(frame));
            const QJsonObject reply = frame.json();
            answers << (type(reply) == QLatin1String("ok") ? type(reply) : code(reply));
        }
        QCOMPARE(answers.count(QStringLiteral("ok")), 9);
        QCOMPARE(answers.count(QStringLiteral("rate_limited")), 2);
        qDeleteAll(open);
    }

    // Customers and conversations are free to create, so one address may create only so
    // many; others are not affected, and a retry is still answered with the original.
    void creationIsLimitedPerAddress()
    {
        TandemdProcess server({QStringLiteral("--new-customers-per-hour"), QStringLiteral("3"),
                               QStringLiteral("--new-conversations-per-hour"),
                               QStringLiteral("2")});
        QVERIFY(server.start());
        QList<RawWebSocket *> customers;
        for (int i = 0; i < 3; ++i) {
            auto *c = new RawWebSocket;
            customers.append(c);
            QVERIFY(c->open(server.port(), CustomerPath));
            QCOMPARE(type(c->request(hello(QStringLiteral("C%1").arg(i)))), QStringLiteral("ok"));
        }
        RawWebSocket fourth;
        QVERIFY(fourth.open(server.port(), CustomerPath));
        const QJsonObject refused = fourth.request(hello(QStringLiteral("C4")));
        QCOMPARE(code(refused), QStringLiteral("rate_limited"));
        QVERIFY(integer(refused, "retryAfterMs") > 0);
        RawWebSocket other;
        QVERIFY(other.open(server.port(), CustomerPath, {}, {},
                           QHostAddress(QStringLiteral("127.0.0.2"))));
        QCOMPARE(type(other.request(hello(QStringLiteral("Elsewhere")))), QStringLiteral("ok"));

        RawWebSocket &c = *customers.first();
        const QString firstId = newId();
        const QJsonObject started =
            c.request(sendFrame(QStringLiteral("1"), QStringLiteral("one"), 0, firstId));
        QCOMPARE(type(started), QStringLiteral("ok"));
        QCOMPARE(type(c.request(sendFrame(QStringLiteral("2"), QStringLiteral("two")))),
                 QStringLiteral("ok"));
        const QJsonObject third =
            c.request(sendFrame(QStringLiteral("3"), QStringLiteral("three")));
        QCOMPARE(code(third), QStringLiteral("rate_limited"));
        QVERIFY(integer(third, "retryAfterMs") > 0);
        // Replies in existing conversations are not limited, and a retry returns the original.
        const qint64 conversation = integer(obj(obj(started, "data"), "conversation"), "id");
        QCOMPARE(
            type(c.request(sendFrame(QStringLiteral("4"), QStringLiteral("more"), conversation))),
            QStringLiteral("ok"));
        const QJsonObject retry =
            c.request(sendFrame(QStringLiteral("5"), QStringLiteral("one"), 0, firstId));
        QCOMPARE(type(retry), QStringLiteral("ok"));
        QCOMPARE(obj(obj(retry, "data"), "message"), obj(obj(started, "data"), "message"));
        qDeleteAll(customers);
    }

    // Behind a reverse proxy every client comes from the proxy: the proxy's X-Forwarded-For
    // names them, believed only from a --trusted-proxy.
    void proxiedClientsAreCountedApart()
    {
        TandemdProcess server({QStringLiteral("--new-customers-per-hour"), QStringLiteral("1"),
                               QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.0/30")});
        QVERIFY(server.start());
        const auto helloVia = [&](const QByteArray &forwardedFor, const char *from) {
            RawWebSocket c;
            if (!c.open(server.port(), CustomerPath, {}, {},
                        QHostAddress(QString::fromLatin1(from)),
                        "X-Forwarded-For: " + forwardedFor + "\r\n"))
                return QString();
            const QJsonObject reply = c.request(hello(QStringLiteral("Via proxy")));
            return type(reply) == QLatin1String("ok") ? type(reply) : code(reply);
        };
        // Through the proxy (127.0.0.1): each client has its own allowance.
        QCOMPARE(helloVia("203.0.113.5", "127.0.0.1"), QStringLiteral("ok"));
        QCOMPARE(helloVia("203.0.113.6", "127.0.0.1"), QStringLiteral("ok"));
        QCOMPARE(helloVia("203.0.113.5", "127.0.0.1"), QStringLiteral("rate_limited"));
        // A chain: the nearest hop the trusted proxies vouch for is the client.
        QCOMPARE(helloVia("198.51.100.7, 203.0.113.9, 127.0.0.2", "127.0.0.1"),
                 QStringLiteral("ok"));
        QCOMPARE(helloVia("203.0.113.9", "127.0.0.1"), QStringLiteral("rate_limited"));
        // Not through a trusted proxy: the header is the client's own word, and ignored.
        QCOMPARE(helloVia("192.0.2.1", "127.0.0.9"), QStringLiteral("ok"));
        QCOMPARE(helloVia("192.0.2.2", "127.0.0.9"), QStringLiteral("rate_limited"));
    }

    // Signing in costs the same however many conversations are open: a window of the
    // newest, and pages for the rest.
    void snapshotsAreAWindowWithPages()
    {
        TandemdProcess server({QStringLiteral("--snapshot-limit"), QStringLiteral("30")});
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        RawWebSocket customer;
        QVERIFY(customer.open(server.port(), CustomerPath));
        QCOMPARE(type(customer.request(hello(QStringLiteral("Many")))), QStringLiteral("ok"));
        for (int i = 0; i < 45; ++i)
            QCOMPARE(
                type(customer.request(sendFrame(QString::number(i), QStringLiteral("n%1").arg(i)))),
                QStringLiteral("ok"));

        TestClient agent;
        QVERIFY(agent.open(server.wsUrl(QString::fromLatin1(AgentPath))));
        QVERIFY(!agent.agentSignIn(Email, Password).isEmpty());
        const QJsonObject snapshot = agent.waitFrame(
            [](const QJsonObject &f) { return type(f) == QLatin1String("snapshot"); });
        const QJsonObject data = obj(snapshot, "data");
        const QJsonArray window = data.value(QLatin1String("conversations")).toArray();
        QCOMPARE(window.size(), 30);
        QCOMPARE(data.value(QLatin1String("more")).toBool(), true);
        QCOMPARE(str(obj(window.first().toObject(), "lastMessage"), "text"), QStringLiteral("n44"));

        QSet<qint64> seen;
        for (const QJsonValue &v : window)
            seen.insert(integer(v.toObject(), "id"));
        QJsonObject last = window.last().toObject();
        const QJsonObject page = agent.request(
            QStringLiteral("conversations"),
            {{QStringLiteral("after"),
              QJsonObject{{QStringLiteral("updatedAt"), last.value(QLatin1String("updatedAt"))},
                          {QStringLiteral("id"), last.value(QLatin1String("id"))}}},
             {QStringLiteral("limit"), 10}});
        const QJsonArray second = obj(page, "data").value(QLatin1String("conversations")).toArray();
        QCOMPARE(second.size(), 10);
        QCOMPARE(obj(page, "data").value(QLatin1String("more")).toBool(), true);
        for (const QJsonValue &v : second)
            QVERIFY(!seen.contains(integer(v.toObject(), "id")));
        last = second.last().toObject();
        const QJsonObject end = agent.request(
            QStringLiteral("conversations"),
            {{QStringLiteral("after"),
              QJsonObject{{QStringLiteral("updatedAt"), last.value(QLatin1String("updatedAt"))},
                          {QStringLiteral("id"), last.value(QLatin1String("id"))}}}});
        QCOMPARE(obj(end, "data").value(QLatin1String("conversations")).toArray().size(), 5);
        QCOMPARE(obj(end, "data").value(QLatin1String("more")).toBool(), false);
        QCOMPARE(str(obj(end, "data")
                         .value(QLatin1String("conversations"))
                         .toArray()
                         .last()
                         .toObject()
                         .value(QLatin1String("lastMessage"))
                         .toObject(),
                     "text"),
                 QStringLiteral("n0"));

        const QJsonObject bad =
            agent.request(QStringLiteral("conversations"),
                          {{QStringLiteral("after"), QJsonObject{{QStringLiteral("id"), 3}}}});
        QCOMPARE(code(bad), QStringLiteral("bad_request"));
        QVERIFY(str(bad, "message").contains(QLatin1String("after.updatedAt")));
        QCOMPARE(
            code(agent.request(QStringLiteral("conversations"), {{QStringLiteral("limit"), 201}})),
            QStringLiteral("bad_request"));
    }

    // A lone surrogate cannot be stored as sent: it is refused, every time, the same way.
    void unpairedSurrogatesAreRefused()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        RawWebSocket customer;
        QVERIFY(customer.open(server.port(), CustomerPath));
        QCOMPARE(type(customer.request(hello(QStringLiteral("Uni")))), QStringLiteral("ok"));
        const QString clientId = newId();
        const QByteArray lone = "{\"type\":\"send\",\"id\":\"u\",\"clientId\":\""
                                + clientId.toLatin1() + "\",\"text\":\"\\ud800 x\"}";
        for (int attempt = 0; attempt < 2; ++attempt) {
            customer.sendText(lone);
            RawWebSocket::Frame frame;
            do {
                QVERIFY(customer.waitFrame(frame));
            } while (str(frame.json(), "id") != QLatin1String("u"));
            QCOMPARE(code(frame.json()), QStringLiteral("bad_request"));
            QVERIFY(str(frame.json(), "message").contains(QLatin1String("text")));
        }
        // A proper pair is stored as sent, and its retry returns the original.
        const QByteArray pair = "{\"type\":\"send\",\"id\":\"v\",\"clientId\":\""
                                + clientId.toLatin1() + "\",\"text\":\"\\ud83d\\ude00 x\"}";
        QJsonObject replies[2];
        for (QJsonObject &reply : replies) {
            customer.sendText(pair);
            RawWebSocket::Frame frame;
            do {
                QVERIFY(customer.waitFrame(frame));
            } while (str(frame.json(), "id") != QLatin1String("v"));
            reply = frame.json();
            QCOMPARE(type(reply), QStringLiteral("ok"));
        }
        QCOMPARE(str(obj(obj(replies[0], "data"), "message"), "text"),
                 QStringLiteral("\U0001F600 x"));
        QCOMPARE(obj(obj(replies[1], "data"), "message"), obj(obj(replies[0], "data"), "message"));
    }

    // Binary frames count against the rate limit like any other, and a client that keeps
    // sending after rate_limited is closed with 1008.
    void binaryFramesAreRateLimited()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        RawWebSocket client;
        QVERIFY(client.open(server.port(), CustomerPath));
        for (int i = 0; i < 500 && client.socket().state() == QAbstractSocket::ConnectedState; ++i)
            client.sendBinary(QByteArrayLiteral("\x01\x02"));
        int badFrames = 0;
        int limited = 0;
        RawWebSocket::Frame frame;
        while (client.waitFrame(frame)) {
            if (frame.opcode == 0x8) {
                QCOMPARE((int(uchar(frame.payload.at(0))) << 8) | uchar(frame.payload.at(1)), 1008);
                break;
            }
            const QString c = code(frame.json());
            badFrames += c == QLatin1String("bad_frame");
            limited += c == QLatin1String("rate_limited");
        }
        QCOMPARE(frame.opcode, 0x8);
        // The bucket (60) and then the allowance for refusals (60), give or take the few
        // tokens that refill while the frames arrive.
        QVERIFY2(badFrames >= 60 && badFrames < 80, qPrintable(QString::number(badFrames)));
        QVERIFY2(limited >= 60 && limited < 80, qPrintable(QString::number(limited)));
    }

    // A client that keeps sending faster than the refill, ignoring rate_limited (some of
    // its frames still let through), is closed with 1008; one customer's flooding tab does
    // not close their other tab.
    void ignoringRateLimitsClosesOnlyThatConnection()
    {
        TandemdProcess server(
            {QStringLiteral("--max-requests-per-minute"), QStringLiteral("6000")});
        QVERIFY(server.start());
        TestClient quiet;
        QVERIFY(quiet.open(server.wsUrl(QString::fromLatin1(CustomerPath))));
        const QString token = str(quiet.customerHello(QStringLiteral("Two tabs")), "token");
        QVERIFY(!token.isEmpty());
        RawWebSocket loud;
        QVERIFY(loud.open(server.port(), CustomerPath));
        QJsonObject again = hello(QString());
        again.remove(QStringLiteral("name"));
        again.insert(QStringLiteral("token"), token);
        QCOMPARE(type(loud.request(again)), QStringLiteral("ok"));

        // Each frame sent as soon as the refusal of the one before arrives, without waiting
        // the retryAfterMs it gave: many times the refill (100 a second here), with frames
        // let through now and then as tokens come back.
        const QByteArray ping = R"({"type":"ping","id":"p"})";
        int sent = 0;
        int closeCode = -1;
        while (closeCode < 0 && sent < 20000) {
            loud.sendText(ping);
            ++sent;
            RawWebSocket::Frame frame;
            QVERIFY(loud.waitFrame(frame));
            if (frame.opcode == 0x8)
                closeCode = (int(uchar(frame.payload.at(0))) << 8) | uchar(frame.payload.at(1));
        }
        QCOMPARE(closeCode, 1008);
        // The other tab was not closed: it is answered (perhaps told to wait).
        QVERIFY(quiet.isConnected());
        const QJsonObject answer = quiet.request(QStringLiteral("ping"));
        QVERIFY(type(answer) == QLatin1String("ok")
                || code(answer) == QLatin1String("rate_limited"));
        QVERIFY(quiet.isConnected());
    }

    // The widget's own origin is the one tandemd is told (or listens on), not whatever a
    // request's Host says: a DNS-rebinding page sends a Host of its own choosing.
    void originIsNotTakenFromHost()
    {
        TandemdProcess server(
            {QStringLiteral("--public-url"), QStringLiteral("https://help.example.com")});
        QVERIFY(server.start());
        const QByteArray evil = "evil.example:" + QByteArray::number(server.port());
        RawWebSocket rebinding;
        QVERIFY(rebinding.open(server.port(), CustomerPath, "http://" + evil, evil));
        QCOMPARE(rebinding.waitClose(), 1008);

        RawWebSocket own;
        QVERIFY(own.open(server.port(), CustomerPath, "https://help.example.com"));
        QCOMPARE(type(own.request(hello(QStringLiteral("Own")))), QStringLiteral("ok"));

        RawHttp page;
        QVERIFY(page.connectTo(server.port()));
        page.socket.write("GET /widget/ HTTP/1.1\r\nHost: " + evil + "\r\nOrigin: http://" + evil
                          + "\r\n\r\n");
        QCOMPARE(page.status(), 403);

        // Without --public-url the listening address is the widget's own origin.
        TandemdProcess plain;
        QVERIFY(plain.start());
        RawWebSocket local;
        QVERIFY(local.open(plain.port(), CustomerPath,
                           "http://127.0.0.1:" + QByteArray::number(plain.port())));
        QCOMPARE(type(local.request(hello(QStringLiteral("Local")))), QStringLiteral("ok"));
        RawWebSocket rebindingToo;
        const QByteArray evil2 = "evil.example:" + QByteArray::number(plain.port());
        QVERIFY(rebindingToo.open(plain.port(), CustomerPath, "http://" + evil2, evil2));
        QCOMPARE(rebindingToo.waitClose(), 1008);
    }

    // A message over the limit is answered with the close code 1009, which the client
    // reads: the rest of what it was sending does not turn the close into a reset. In one
    // frame, or in many frames each within the limit.
    void oversizedMessageClosesWith1009_data()
    {
        QTest::addColumn<qsizetype>("fragment");
        QTest::newRow("one frame") << qsizetype(1000000);
        for (int i = 1; i <= 5; ++i)
            QTest::newRow(qPrintable(QStringLiteral("frames of 60,000 bytes, try %1").arg(i)))
                << qsizetype(60000);
    }
    void oversizedMessageClosesWith1009()
    {
        QFETCH(qsizetype, fragment);
        TandemdProcess server;
        QVERIFY(server.start());
        RawWebSocket client;
        QVERIFY(client.open(server.port(), CustomerPath));
        QCOMPARE(type(client.request(hello(QStringLiteral("Big")))), QStringLiteral("ok"));
        client.sendFragmented(QByteArray(1000000, 'x'), fragment);
        QCOMPARE(client.waitClose(), 1009);
    }

    // --idle-timeout is kept, and a client that only sends WebSocket pings is not idle. The
    // silent client's close is the sign that the idle time has passed; the pinger, which
    // connected first, is still served after it.
    void idleTimeoutIsKept()
    {
        TandemdProcess server({QStringLiteral("--idle-timeout"), QStringLiteral("2")});
        QVERIFY(server.start());
        RawWebSocket pinger;
        QVERIFY(pinger.open(server.port(), CustomerPath));
        RawWebSocket silent; // never answers the server's pings either
        QVERIFY(silent.open(server.port(), CustomerPath));
        int silentClose = -1;
        RawWebSocket::Frame frame;
        for (int round = 0; silentClose < 0; ++round) {
            QVERIFY2(round < 600, "the silent client was never closed");
            pinger.sendPing();
            do {
                QVERIFY(pinger.waitFrame(frame));
            } while (frame.opcode != 0xA); // its pong
            while (silent.waitFrame(frame, 100)) {
                if (frame.opcode == 0x8) {
                    silentClose =
                        (int(uchar(frame.payload.at(0))) << 8) | uchar(frame.payload.at(1));
                    break;
                }
            }
            QVERIFY(silent.socket().state() == QAbstractSocket::ConnectedState || silentClose > 0);
        }
        QCOMPARE(silentClose, 1008);
        QCOMPARE(type(pinger.request({{QStringLiteral("type"), QStringLiteral("ping")},
                                      {QStringLiteral("id"), QStringLiteral("alive")}})),
                 QStringLiteral("error")); // unauthenticated, but answered
    }

    // Disabling an account from the command line ends its live sessions (tandemd looks
    // every --session-check seconds, 2 by default).
    void revokedSessionsEndWithinSeconds()
    {
        TandemdProcess server;
        TestClient agent;
        QVERIFY(!startSignedIn(server, agent).isEmpty());
        QCOMPARE(server.userCommand({QStringLiteral("disable"), QStringLiteral("--email"), Email}),
                 0);
        QVERIFY(agent.waitDisconnected(10000));
        QCOMPARE(agent.closeCode(), 4001);
    }

    // The router assigning a chat by itself (auto-accept) is nobody's own change: no `by`.
    void autoAcceptedChatHasNoBy()
    {
        TandemdProcess server;
        TestClient agent;
        const qint64 agentId = integer(startSignedIn(server, agent), "id");
        QVERIFY(agentId > 0);
        QCOMPARE(type(agent.request(
                     QStringLiteral("agent.update"),
                     {{QStringLiteral("agent"), agentId}, {QStringLiteral("autoAccept"), true}})),
                 QStringLiteral("ok"));
        QCOMPARE(type(agent.request(QStringLiteral("presence"),
                                    {{QStringLiteral("status"), QStringLiteral("online")}})),
                 QStringLiteral("ok"));
        TestClient customer;
        QVERIFY(customer.open(server.wsUrl(QString::fromLatin1(CustomerPath))));
        QVERIFY(!customer.customerHello(QStringLiteral("Live")).isEmpty());
        QCOMPARE(type(customer.request(QStringLiteral("send"),
                                       {{QStringLiteral("clientId"), newId()},
                                        {QStringLiteral("text"), QStringLiteral("hi")},
                                        {QStringLiteral("mode"), QStringLiteral("live")}})),
                 QStringLiteral("ok"));
        const QJsonObject assigned = agent.waitFrame([](const QJsonObject &f) {
            return str(f, "event") == QLatin1String("conversation.updated")
                   && str(obj(f, "data"), "change") == QLatin1String("assigned");
        });
        QVERIFY(!assigned.isEmpty());
        QVERIFY(!obj(assigned, "data").contains(QLatin1String("by")));
        QCOMPARE(integer(obj(obj(obj(assigned, "data"), "conversation"), "assignee"), "id"),
                 agentId);
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
