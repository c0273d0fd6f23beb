// SPDX-License-Identifier: GPL-3.0-or-later
// SyncClient and Outbox against the real tandemd: resume, backoff, dead networks,
// sign-out, and replies written offline (also across an app restart).
#include "cache/localcache.h"
#include "framefields.h"
#include "sync/backoff.h"
#include "sync/outbox.h"
#include "sync/syncclient.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Tandem;

using FrameFields::newId;

namespace {
const QString Email = QStringLiteral("dana@example.com");
const QString Password = QStringLiteral("correct horse battery");

// Fast timings so the tests do not wait for production intervals.
SyncClient::Timing fastTiming()
{
    SyncClient::Timing t;
    t.heartbeat = std::chrono::milliseconds(300);
    t.deadAfter = std::chrono::milliseconds(1500);
    t.firstRetry = std::chrono::milliseconds(100);
    t.maxRetry = std::chrono::milliseconds(1000);
    t.requestTimeout = std::chrono::milliseconds(3000);
    return t;
}

//! The agent side of a test: a cache file, a sync client and an outbox, as the app has them.
struct AgentApp {
    LocalCache cache;
    bool opened; // before the outbox, which reads what the cache holds
    SyncClient sync;
    Outbox outbox;

    explicit AgentApp(const QString &path)
        : opened(cache.open(path).ok())
        , sync(cache, fastTiming())
        , outbox(cache, sync)
    {
        if (!opened)
            qWarning("cache did not open");
    }
    bool waitState(SyncClient::State state, int ms = 15000)
    {
        return QTest::qWaitFor([&] { return sync.state() == state; }, ms);
    }
    //! Messages in the cache for one conversation, by clientId.
    QMultiHash<QUuid, QString> messages(qint64 conversation)
    {
        cache.flush();
        QMultiHash<QUuid, QString> byClientId;
        for (const Message &m : cache.messages(conversation, std::nullopt, 1000))
            byClientId.insert(m.clientId, m.text);
        return byClientId;
    }
};
} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_caches = 0;
    QString cachePath()
    {
        return m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_caches));
    }

    QString signIn(TandemdProcess &server)
    {
        TestClient agent;
        if (!agent.open(server.wsUrl(QStringLiteral("/ws/agent"))))
            return {};
        return agent.agentSignIn(Email, Password).value(QLatin1String("token")).toString();
    }

    qint64 startConversation(TestClient &customer, TandemdProcess &server)
    {
        if (!customer.open(server.wsUrl(QStringLiteral("/ws/customer")))
            || customer.customerHello(QStringLiteral("Ada")).isEmpty())
            return 0;
        const QJsonObject reply = customer.request(
            QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Hello?")}});
        return qint64(reply.value(QLatin1String("data"))
                          .toObject()
                          .value(QLatin1String("conversation"))
                          .toObject()
                          .value(QLatin1String("id"))
                          .toDouble());
    }

    QUrl serverUrl(TandemdProcess &server) { return server.httpUrl(QString()); }

private Q_SLOTS:
    // A snapshot holds only the newest conversations; the client pages through the rest,
    // and what it had cached that the server no longer lists as open is dropped.
    void pagesBeyondTheSnapshotWindow()
    {
        TandemdProcess server({QStringLiteral("--snapshot-limit"), QStringLiteral("5"),
                               QStringLiteral("--replay-limit"), QStringLiteral("1")});
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        const QString token = signIn(server);
        TestClient customer;
        QVERIFY(customer.open(server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer.customerHello(QStringLiteral("Many")).isEmpty());
        for (int i = 0; i < 12; ++i) {
            const QJsonObject reply = customer.request(
                QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                         {QStringLiteral("text"), QStringLiteral("n%1").arg(i)}});
            QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        }

        AgentApp app(cachePath());
        // A conversation the cache remembers from long ago, no longer open on the server.
        const QJsonObject stale{
            {QStringLiteral("id"), 9999},
            {QStringLiteral("customer"),
             QJsonObject{{QStringLiteral("id"), 77},
                         {QStringLiteral("name"), QStringLiteral("Old")}}},
            {QStringLiteral("channel"), QStringLiteral("web")},
            {QStringLiteral("status"), QStringLiteral("open")},
            {QStringLiteral("createdAt"), QStringLiteral("2001-01-01T00:00:00.000Z")},
            {QStringLiteral("updatedAt"), QStringLiteral("2001-01-01T00:00:00.000Z")}};
        app.cache.applySnapshot(0, {{QStringLiteral("conversations"), QJsonArray{stale}},
                                    {QStringLiteral("more"), false}});
        app.cache.flush();
        QCOMPARE(app.cache.conversations().size(), 1);

        app.sync.start(serverUrl(server), token);
        QVERIFY(app.waitState(SyncClient::State::Online));
        QVERIFY(QTest::qWaitFor(
            [&] {
                app.cache.flush();
                return app.cache.conversations().size() == 12;
            },
            15000));
        QSet<QString> texts;
        for (const ConversationSummary &summary : app.cache.conversations()) {
            QVERIFY(summary.id != 9999);
            texts.insert(summary.lastText);
        }
        QCOMPARE(texts.size(), 12);
        QVERIFY(texts.contains(QStringLiteral("n0")) && texts.contains(QStringLiteral("n11")));
    }

    // Resolved conversations are not in the snapshot: the client asks for them page by page,
    // each continuing where the last ended, until the server says there are no more.
    void pagesThroughResolvedConversations()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        const QString token = signIn(server);
        TestClient agent;
        QVERIFY(agent.open(server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!agent.agentSignIn(Email, Password).isEmpty());
        TestClient customer;
        QVERIFY(customer.open(server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer.customerHello(QStringLiteral("Many")).isEmpty());
        QList<qint64> resolved;
        for (int i = 0; i < 5; ++i) {
            const QJsonObject sent = customer.request(
                QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                         {QStringLiteral("text"), QStringLiteral("n%1").arg(i)}});
            const qint64 id = qint64(sent.value(QLatin1String("data"))
                                         .toObject()
                                         .value(QLatin1String("conversation"))
                                         .toObject()
                                         .value(QLatin1String("id"))
                                         .toDouble());
            QVERIFY(id > 0);
            const QJsonObject done = agent.request(
                QStringLiteral("status"), {{QStringLiteral("conversation"), id},
                                           {QStringLiteral("status"), QStringLiteral("resolved")}});
            QCOMPARE(done.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
            resolved.prepend(id); // newest first
        }

        AgentApp app(cachePath());
        app.sync.start(serverUrl(server), token);
        QVERIFY(app.waitState(SyncClient::State::Online));
        const auto cachedResolved = [&app] {
            app.cache.flush();
            QList<qint64> ids;
            for (const ConversationSummary &s : app.cache.conversations())
                if (s.status == ConversationStatus::Resolved)
                    ids.append(s.id);
            return ids;
        };
        QVERIFY(cachedResolved().isEmpty());
        QVERIFY(!app.sync.moreResolvedAfter());
        QVERIFY(app.sync.fetchResolved(std::nullopt, 2));
        QVERIFY(!app.sync.fetchResolved(std::nullopt, 2)); // one page at a time
        QVERIFY(QTest::qWaitFor([&] { return cachedResolved() == resolved.mid(0, 2); }, 10000));
        QVERIFY(app.sync.moreResolvedAfter());
        QVERIFY(app.sync.fetchResolved(app.sync.moreResolvedAfter(), 2));
        QVERIFY(QTest::qWaitFor([&] { return cachedResolved() == resolved.mid(0, 4); }, 10000));
        QVERIFY(app.sync.fetchResolved(app.sync.moreResolvedAfter(), 2));
        QVERIFY(QTest::qWaitFor([&] { return cachedResolved() == resolved; }, 10000));
        QVERIFY(!app.sync.moreResolvedAfter()); // the list is complete
    }

    void resumesWithoutGapOrDuplicateAfterTheServerDrops()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        const QString token = signIn(server);
        TestClient customer;
        const qint64 conversation = startConversation(customer, server);
        QVERIFY(conversation > 0);

        AgentApp app(cachePath());
        app.sync.start(serverUrl(server), token);
        QVERIFY(app.waitState(SyncClient::State::Online));

        // Messages pour in; the server dies while they stream to the client.
        QSet<QUuid> sent;
        for (int i = 0; i < 40; ++i) {
            const QUuid id = QUuid::createUuid();
            sent.insert(id);
            customer.sendRawNoWait(QString::fromUtf8(
                QJsonDocument(
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("send")},
                                {QStringLiteral("id"), QString::number(i)},
                                {QStringLiteral("conversation"), conversation},
                                {QStringLiteral("clientId"), id.toString(QUuid::WithoutBraces)},
                                {QStringLiteral("text"), QStringLiteral("m%1").arg(i)}})
                    .toJson(QJsonDocument::Compact)));
        }
        const QList<QJsonObject> acks = customer.takeReplies(40);
        QCOMPARE(acks.size(), 40);
        server.kill();
        QVERIFY(app.waitState(SyncClient::State::Reconnecting));
        QVERIFY(server.startOnSamePort());
        QVERIFY(app.waitState(SyncClient::State::Online, 20000));

        const auto messages = app.messages(conversation);
        for (const QUuid &id : sent)
            QCOMPARE(messages.count(id), 1);
        QCOMPARE(messages.size(), 41); // and the first "Hello?"
    }

    void backsOffWhileTheServerIsAwayAndReturns()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        AgentApp app(cachePath());
        app.sync.start(serverUrl(server), signIn(server));
        QVERIFY(app.waitState(SyncClient::State::Online));
        QSignalSpy states(&app.sync, &SyncClient::stateChanged);
        server.kill();
        QVERIFY(app.waitState(SyncClient::State::Reconnecting));
        QVERIFY(app.sync.secondsToRetry() >= 0 && app.sync.secondsToRetry() <= 1);
        // Several failed attempts, each after a wait the backoff chose (its bounds are
        // checked in backoffGrowsAndIsCapped).
        const auto attempts = [&states] {
            return std::count_if(states.cbegin(), states.cend(), [](const QList<QVariant> &s) {
                return s.first().value<SyncClient::State>() == SyncClient::State::Connecting;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(attempts() >= 3, 20000);
        QVERIFY(server.startOnSamePort());
        QVERIFY(app.waitState(SyncClient::State::Online, 10000));
    }

    void backoffGrowsAndIsCapped()
    {
        // Each delay is drawn from [0, min(cap, first * 2^attempt)]: a server that is away
        // is tried less and less often, never more than once per cap on average.
        using std::chrono::milliseconds;
        for (int run = 0; run < 200; ++run) {
            Backoff backoff(milliseconds(100), milliseconds(1000));
            qint64 ceiling = 100;
            for (int attempt = 0; attempt < 8; ++attempt) {
                const qint64 delay = backoff.next().count();
                QVERIFY2(delay >= 0 && delay <= ceiling,
                         qPrintable(QStringLiteral("attempt %1: %2 ms").arg(attempt).arg(delay)));
                ceiling = std::min<qint64>(1000, ceiling * 2);
            }
            QCOMPARE(backoff.attempts(), 8);
            backoff.reset();
            QVERIFY(backoff.next().count() <= 100); // back online: quick again
        }
        // Jitter spreads clients out: the draws are not all the same.
        Backoff a(milliseconds(100), milliseconds(1000));
        QSet<qint64> seen;
        for (int i = 0; i < 20; ++i) {
            a.reset();
            seen.insert(a.next().count());
        }
        QVERIFY(seen.size() > 1);
    }

    void noticesASilentNetwork()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        AgentApp app(cachePath());
        app.sync.start(serverUrl(server), signIn(server));
        QVERIFY(app.waitState(SyncClient::State::Online));
        // A paused server keeps the TCP connection open but answers nothing.
        ::kill(pid_t(server.pid()), SIGSTOP);
        const bool noticed = app.waitState(SyncClient::State::Reconnecting, 10000);
        ::kill(pid_t(server.pid()), SIGCONT);
        QVERIFY(noticed);
        QVERIFY(app.waitState(SyncClient::State::Online, 15000));
    }

    void revokedTokenSignsOutWithoutReconnecting()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        const QString token = signIn(server);
        AgentApp app(cachePath());
        QSignalSpy ended(&app.sync, &SyncClient::sessionEnded);
        app.sync.start(serverUrl(server), token);
        QVERIFY(app.waitState(SyncClient::State::Online));

        QNetworkAccessManager http;
        QNetworkRequest request(server.httpUrl(QStringLiteral("/api/v1/session")));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = http.deleteResource(request);
        QTRY_VERIFY(reply->isFinished());
        reply->deleteLater();

        QVERIFY(app.waitState(SyncClient::State::SignedOut));
        QCOMPARE(ended.size(), 1);
        // It will not try again: no retry is armed, and nothing else starts one.
        QCOMPARE(app.sync.secondsToRetry(), 0);
        QCOMPARE(app.sync.state(), SyncClient::State::SignedOut);

        // Starting again with the dead token goes straight to signed out too.
        AgentApp again(cachePath());
        again.sync.start(serverUrl(server), token);
        QVERIFY(again.waitState(SyncClient::State::SignedOut));
    }

    void repliesWrittenOfflineAreDeliveredOnceAfterARestart()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        const QString token = signIn(server);
        TestClient customer;
        const qint64 conversation = startConversation(customer, server);
        const QString path = cachePath();
        QUuid offlineReply;
        {
            AgentApp app(path);
            app.sync.start(serverUrl(server), token);
            QVERIFY(app.waitState(SyncClient::State::Online));
            server.kill();
            QVERIFY(app.waitState(SyncClient::State::Reconnecting));
            offlineReply = app.outbox.send(conversation, QStringLiteral("Written offline"));
            QTRY_COMPARE(app.outbox.pending(), 1);
            app.cache.flush();
        } // the app quits with the reply still in its outbox

        AgentApp restarted(path);
        QCOMPARE(restarted.outbox.pending(), 1);
        QCOMPARE(restarted.cache.outbox().first().clientId, offlineReply);
        QVERIFY(server.startOnSamePort());
        restarted.sync.start(serverUrl(server), token);
        QVERIFY(restarted.waitState(SyncClient::State::Online));
        QTRY_COMPARE_WITH_TIMEOUT(restarted.outbox.pending(), 0, 10000);
        QCOMPARE(restarted.messages(conversation).count(offlineReply), 1);

        // On the server it exists exactly once.
        TestClient agent;
        QVERIFY(agent.open(server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!agent.agentHello(token).isEmpty());
        const QJsonArray history = agent
                                       .request(QStringLiteral("history"),
                                                {{QStringLiteral("conversation"), conversation}})
                                       .value(QLatin1String("data"))
                                       .toObject()
                                       .value(QLatin1String("messages"))
                                       .toArray();
        const auto copies = std::count_if(history.begin(), history.end(), [](const QJsonValue &m) {
            return m.toObject().value(QLatin1String("text")).toString()
                   == QLatin1String("Written offline");
        });
        QCOMPARE(copies, 1);
    }

    //! The router's ephemeral frames reach the app as signals: the offer with the customer's
    //! first words, the queue figures with this agent's load, and the offer's end.
    void offersAndQueueFiguresArrive()
    {
        TandemdProcess server;
        QVERIFY(server.start());
        QVERIFY(server.addAgent(Email, QStringLiteral("Dana"), Password));
        const QString token = signIn(server);
        {
            TestClient agent;
            QVERIFY(agent.open(server.wsUrl(QStringLiteral("/ws/agent"))));
            QVERIFY(!agent.agentHello(token).isEmpty());
            QCOMPARE(agent
                         .request(QStringLiteral("presence"),
                                  {{QStringLiteral("status"), QStringLiteral("online")}})
                         .value(QLatin1String("type"))
                         .toString(),
                     QStringLiteral("ok"));
        }
        AgentApp app(cachePath());
        QSignalSpy offered(&app.sync, &SyncClient::offered);
        QSignalSpy ended(&app.sync, &SyncClient::offerEnded);
        QSignalSpy stats(&app.sync, &SyncClient::queueStatsChanged);
        app.sync.start(serverUrl(server), token);
        QVERIFY(app.waitState(SyncClient::State::Online));
        QTRY_VERIFY_WITH_TIMEOUT(!stats.isEmpty(), 10000);
        const QueueStats first = stats.last().first().value<QueueStats>();
        QCOMPARE(first.waiting, 0);
        const auto me =
            std::find_if(first.agents.cbegin(), first.agents.cend(),
                         [&](const AgentLoad &a) { return a.agentId == app.sync.agent().id; });
        QVERIFY(me != first.agents.cend());
        QVERIFY(me->connected);
        QCOMPARE(me->presence, Presence::Online);
        QCOMPARE(me->active, 0);

        TestClient customer;
        QVERIFY(customer.open(server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer.customerHello(QStringLiteral("Ada")).isEmpty());
        const QJsonObject sent = customer.request(
            QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Anyone there?")},
                                     {QStringLiteral("mode"), QStringLiteral("live")}});
        const qint64 conversation = qint64(sent.value(QLatin1String("data"))
                                               .toObject()
                                               .value(QLatin1String("conversation"))
                                               .toObject()
                                               .value(QLatin1String("id"))
                                               .toDouble());
        QVERIFY(conversation > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!offered.isEmpty(), 10000);
        const Offer offer = offered.first().first().value<Offer>();
        QCOMPARE(offer.conversation.id, conversation);
        QCOMPARE(offer.conversation.customer.name, QStringLiteral("Ada"));
        QCOMPARE(offer.conversation.liveState, LiveState::Queued);
        QVERIFY(offer.firstMessage);
        QCOMPARE(offer.firstMessage->text, QStringLiteral("Anyone there?"));
        QVERIFY(offer.timeoutMs > 0);
        const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(offer.localDeadline);
        QVERIFY2(left > 0 && left <= offer.timeoutMs, qPrintable(QString::number(left)));

        bool accepted = false;
        QVERIFY(app.sync.request(Requests::accept(conversation), this,
                                 [&](bool ok, const QJsonObject &) { accepted = ok; }));
        QTRY_VERIFY_WITH_TIMEOUT(accepted, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 10000);
        QCOMPARE(ended.first().at(0).toLongLong(), conversation);
        QCOMPARE(ended.first().at(1).toString(), QStringLiteral("accepted"));
        // The cache has the chat as this agent's, and the figures count it.
        QTRY_COMPARE_WITH_TIMEOUT(app.cache.activeChats(app.sync.agent().id).size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const AgentLoad &a : app.sync.queueStats().agents) {
                    if (a.agentId == app.sync.agent().id)
                        return a.active == 1;
                }
                return false;
            }(),
            10000);
        // Offers go with the connection.
        QSignalSpy lapsed(&app.sync, &SyncClient::offersLapsed);
        server.kill();
        QVERIFY(app.waitState(SyncClient::State::Reconnecting));
        QVERIFY(!lapsed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
