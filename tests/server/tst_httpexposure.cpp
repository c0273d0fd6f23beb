// SPDX-License-Identifier: GPL-3.0-or-later
// The real tandemd's HTTP side, tried as an attacker would: bodies that never end,
// requests that never finish, and sign-in floods.
#include "framefields.h"
#include "rawhttp.h"
#include "rawwebsocket.h"
#include "tandemdprocess.h"

#include <QJsonDocument>
#include <QTest>

using namespace FrameFields;

namespace {
const QString Email = QStringLiteral("dana@example.com");
const QString Password = QStringLiteral("correct horse battery");
const QByteArray AgentPath = QByteArrayLiteral("/ws/agent");
} // namespace

class TestHttpExposure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every HTTP route refuses a body over the limit from its headers, before reading it.
    void largeBodiesAreRefusedUnread()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        const qint64 before = server.peakMemoryKb();
        RawHttp post;
        QVERIFY(post.connectTo(server.port()));
        post.socket.write("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Content-Length: 8589934592\r\n\r\n");
        // Keep sending, as an attacker would, while the answer comes.
        const QByteArray chunk(1 << 20, 'a');
        for (int i = 0; i < 100 && post.socket.state() == QAbstractSocket::ConnectedState; ++i) {
            post.socket.write(chunk);
            post.socket.waitForBytesWritten(100);
            if (post.socket.bytesAvailable() > 0)
                break;
        }
        QCOMPARE(post.status(), 413);
        QVERIFY2(
            server.peakMemoryKb() < before + 32 * 1024,
            qPrintable(QStringLiteral("%1 KiB -> %2 KiB").arg(before).arg(server.peakMemoryKb())));

        RawHttp chunked;
        QVERIFY(chunked.connectTo(server.port()));
        chunked.socket.write("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n1\r\na\r\n");
        QCOMPARE(chunked.status(), 411);

        RawHttp lying;
        QVERIFY(lying.connectTo(server.port()));
        lying.socket.write("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Content-Length: -5\r\n\r\n");
        QCOMPARE(lying.status(), 400);

        RawHttp headers;
        QVERIFY(headers.connectTo(server.port()));
        headers.socket.write("GET /healthz HTTP/1.1\r\nX-Filler: " + QByteArray(20000, 'h')
                             + "\r\n\r\n");
        QCOMPARE(headers.status(), 431);

        // A body within the limit still gets the route's own answer.
        RawHttp fine;
        QVERIFY(fine.connectTo(server.port()));
        fine.socket.write(RawHttp::signIn(Email, QStringLiteral("wrong")));
        QCOMPARE(fine.status(), 401);
        QCOMPARE(str(fine.body(), "code"), QStringLiteral("bad_credentials"));
    }

    // A request that only looks like a WebSocket upgrade is not a way around the deadlines,
    // and every plain answer says the connection closes after it.
    void everyConnectionEnds()
    {
        TandemdProcess server({QStringLiteral("--handshake-timeout"), QStringLiteral("1000")});
        QVERIFY(server.start());
        RawHttp half;
        QVERIFY(half.connectTo(server.port()));
        half.socket.write(
            "GET /ws/customer HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n\r\n");
        QVERIFY(half.waitClosed(15000));

        RawHttp health;
        QVERIFY(health.connectTo(server.port()));
        health.socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QCOMPARE(health.status(), 200);
        QCOMPARE(health.header("Connection"), QByteArray("close"));
        QVERIFY(health.waitClosed(5000));
    }

    // 100 wrong passwords at once are checked no more than the throttle allows; the rest
    // are told when to come back. The owner at another address is not locked out.
    void parallelWrongPasswordsAreThrottled()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        QList<RawHttp *> attempts;
        for (int i = 0; i < 100; ++i) {
            auto *attempt = new RawHttp;
            QVERIFY(attempt->connectTo(server.port()));
            attempt->socket.write(RawHttp::signIn(Email, QStringLiteral("guess %1").arg(i)));
            attempts.append(attempt);
        }
        int checked = 0;
        int throttled = 0;
        for (RawHttp *attempt : std::as_const(attempts)) {
            const int status = attempt->status(60000);
            if (status == 401) {
                ++checked;
            } else if (status == 429) {
                ++throttled;
                QCOMPARE(str(attempt->body(), "code"), QStringLiteral("rate_limited"));
                const qint64 retryAfterMs = integer(attempt->body(), "retryAfterMs");
                QVERIFY(retryAfterMs > 0 && retryAfterMs <= 12000);
                QVERIFY(attempt->header("Retry-After").toInt() >= 1);
                QVERIFY(attempt->header("Retry-After").toInt() <= 12);
            }
        }
        qDeleteAll(attempts);
        QCOMPARE(checked, 10);
        QCOMPARE(throttled, 90);

        // The guesser's address stays throttled, even with the right password ...
        RawHttp same;
        QVERIFY(same.connectTo(server.port()));
        same.socket.write(RawHttp::signIn(Email, Password));
        QCOMPARE(same.status(), 429);
        // ... but Dana, elsewhere, signs in, over HTTP and WebSocket alike.
        RawHttp elsewhere;
        QVERIFY(elsewhere.connectTo(server.port(), QHostAddress(QStringLiteral("127.0.0.2"))));
        elsewhere.socket.write(RawHttp::signIn(Email, Password));
        QCOMPARE(elsewhere.status(), 200);
        RawWebSocket desk;
        QVERIFY2(
            desk.open(server.port(), AgentPath, {}, {}, QHostAddress(QStringLiteral("127.0.0.3"))),
            desk.error());
        const QJsonObject signedIn =
            desk.request({{QStringLiteral("type"), QStringLiteral("signin")},
                          {QStringLiteral("id"), QStringLiteral("1")},
                          {QStringLiteral("protocol"), 1},
                          {QStringLiteral("email"), Email},
                          {QStringLiteral("password"), Password}});
        QCOMPARE(type(signedIn), QStringLiteral("ok"));

        // Made-up emails from the guesser's address run into its own limit, and do not
        // free the account.
        for (int i = 0; i < 40; ++i) {
            RawHttp spray;
            QVERIFY(spray.connectTo(server.port()));
            spray.socket.write(RawHttp::signIn(QStringLiteral("nobody%1@example.com").arg(i),
                                               QStringLiteral("x")));
            const int status = spray.status(30000);
            QVERIFY(status == 401 || status == 429);
        }
        RawHttp still;
        QVERIFY(still.connectTo(server.port()));
        still.socket.write(RawHttp::signIn(Email, Password));
        QCOMPARE(still.status(), 429);
    }
};

QTEST_GUILESS_MAIN(TestHttpExposure)
#include "tst_httpexposure.moc"
