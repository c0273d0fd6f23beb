// SPDX-License-Identifier: GPL-3.0-or-later
// The server side of a TCP connection that closes gracefully, over real loopback sockets.
#include "http/lingeringsocket.h"

#include <QTcpServer>
#include <QTest>

#include <memory>

using Tandem::Server::LingeringSocket;

namespace {
//! A listening socket whose connections become LingeringSockets, as tandemd's do.
class Listener : public QTcpServer
{
public:
    std::unique_ptr<LingeringSocket> taken;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        taken = std::make_unique<LingeringSocket>();
        taken->setSocketDescriptor(descriptor);
    }
};
} // namespace

class TestLingeringSocket : public QObject
{
    Q_OBJECT

    struct Pair {
        Listener listener;
        QTcpSocket client;
        bool open()
        {
            if (!listener.listen(QHostAddress::LocalHost))
                return false;
            client.connectToHost(QHostAddress::LocalHost, listener.serverPort());
            return client.waitForConnected(5000)
                   && QTest::qWaitFor([&] { return listener.taken != nullptr; }, 5000);
        }
    };

private Q_SLOTS:
    // Trimming gives back emptied buffers and nothing else: what waits to be read stays,
    // and the connection carries on both ways afterwards.
    void trimmingKeepsWhatWaitsAndTheConnectionWorks()
    {
        Pair p;
        QVERIFY(p.open());
        LingeringSocket &server = *p.listener.taken;
        p.client.write("unread");
        QVERIFY(QTest::qWaitFor([&] { return server.bytesAvailable() == 6; }, 5000));
        QVERIFY(!server.trimBuffers()); // data waits: nothing is dropped
        QCOMPARE(server.readAll(), QByteArray("unread"));
        server.write("hello");
        QVERIFY(server.flush() || server.bytesToWrite() == 0);
        QVERIFY(QTest::qWaitFor([&] { return p.client.bytesAvailable() == 5; }, 5000));
        QCOMPARE(p.client.readAll(), QByteArray("hello"));
        QVERIFY(server.trimBuffers());
        QCOMPARE(server.openMode(), QIODevice::ReadWrite);
        QCOMPARE(server.state(), QAbstractSocket::ConnectedState);
        // Both ways still work after the trim.
        p.client.write("again");
        QVERIFY(QTest::qWaitFor([&] { return server.bytesAvailable() == 5; }, 5000));
        QCOMPARE(server.readAll(), QByteArray("again"));
        server.write("back");
        QVERIFY(QTest::qWaitFor([&] { return p.client.bytesAvailable() == 4; }, 5000));
        QCOMPARE(p.client.readAll(), QByteArray("back"));
        QVERIFY(server.trimBuffers());
        QVERIFY(!server.trimBuffers()); // nothing read or written since: nothing to do
        server.write("last");
        QVERIFY(QTest::qWaitFor([&] { return p.client.bytesAvailable() == 4; }, 5000));
    }

    // The last bytes we write before closing reach a peer that is still sending: it reads
    // them and then the end of the stream, not a reset.
    void closingWhileThePeerSendsDeliversTheLastBytes()
    {
        Pair p;
        QVERIFY(p.open());
        LingeringSocket &server = *p.listener.taken;
        const QByteArray flood(4 << 20, 'x');
        p.client.write(flood); // more than the server will ever read
        QVERIFY(QTest::qWaitFor([&] { return server.bytesAvailable() > 0; }, 5000));
        server.write("goodbye");
        server.close();
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += p.client.readAll();
                return p.client.state() == QAbstractSocket::UnconnectedState
                       || received.contains("goodbye");
            },
            10000));
        QCOMPARE(received, QByteArray("goodbye"));
    }

    // abort() passes through close() after it has dropped the write buffer: the socket must
    // really be closed then, so a write afterwards is refused instead of crashing.
    void abortClosesForReal()
    {
        Pair p;
        QVERIFY(p.open());
        LingeringSocket &server = *p.listener.taken;
        server.abort();
        QCOMPARE(server.state(), QAbstractSocket::UnconnectedState);
        QVERIFY(!server.isLingering());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("device not open")));
        QCOMPARE(server.write("after the end"), -1);
    }

    // Lingering ends when the peer hangs up: with a linger time longer than the test may
    // take, nothing else can end it.
    void lingeringEndsWhenThePeerHangsUp()
    {
        Pair p;
        QVERIFY(p.open());
        LingeringSocket &server = *p.listener.taken;
        server.setLingerMs(10 * 60 * 1000);
        server.close();
        QVERIFY(server.isLingering());
        QCOMPARE(server.state(), QAbstractSocket::ConnectedState);
        p.client.disconnectFromHost();
        QVERIFY(QTest::qWaitFor([&] { return server.state() == QAbstractSocket::UnconnectedState; },
                                10000));
    }
};

QTEST_GUILESS_MAIN(TestLingeringSocket)
#include "tst_lingeringsocket.moc"
