// SPDX-License-Identifier: GPL-3.0-or-later
// The ephemeral routing frames (offer, offer.ended, queue.stats): good ones decode, bad ones
// are refused with the field named, never trusted.
#include "protocol/wirecodec.h"
#include "sync/routingframes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Tandem;

namespace {
const QDateTime Now =
    QDateTime::fromString(QStringLiteral("2026-11-21T12:00:00.000Z"), Qt::ISODateWithMs);

QJsonObject conversation(qint64 id = 12)
{
    Conversation c;
    c.id = id;
    c.customer = Customer{5, QStringLiteral("Ada"), {}};
    c.createdAt = c.updatedAt = c.queuedAt = Now.addSecs(-30);
    c.mode = ConversationMode::Live;
    c.liveState = LiveState::Queued;
    return Wire::encode(c);
}

QJsonObject message(qint64 conversationId = 12)
{
    Message m;
    m.id = 77;
    m.conversationId = conversationId;
    m.clientId = QUuid::fromString(QLatin1String("8d1c1c8e-7f7a-4b8e-9a55-2f4c7c1a0d11"));
    m.author = Party{Party::Kind::Customer, 5, QStringLiteral("Ada")};
    m.text = QStringLiteral("My parcel is late");
    m.createdAt = Now.addSecs(-30);
    return Wire::encode(m);
}

QJsonObject offer()
{
    return {{QStringLiteral("type"), QStringLiteral("offer")},
            {QStringLiteral("conversation"), conversation()},
            {QStringLiteral("message"), message()},
            {QStringLiteral("expiresAt"), Wire::timeToString(Now.addSecs(20))},
            {QStringLiteral("timeoutMs"), 20000}};
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return o;
}

QJsonObject stats()
{
    return {{QStringLiteral("type"), QStringLiteral("queue.stats")},
            {QStringLiteral("waiting"), 5},
            {QStringLiteral("longestWaitSeconds"), 40},
            {QStringLiteral("expectedWaitSeconds"), 90},
            {QStringLiteral("agents"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), 3},
                                    {QStringLiteral("presence"), QStringLiteral("online")},
                                    {QStringLiteral("connected"), true},
                                    {QStringLiteral("active"), 2},
                                    {QStringLiteral("capacity"), 4},
                                    {QStringLiteral("offers"), 1}}}}};
}

QJsonObject agentWith(const QString &key, const QJsonValue &value)
{
    QJsonObject s = stats();
    QJsonObject a = s.value(QLatin1String("agents")).toArray().first().toObject();
    a = with(a, key, value);
    s.insert(QStringLiteral("agents"), QJsonArray{a});
    return s;
}
} // namespace

class TestRoutingFrames : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offerDecodes()
    {
        const auto o = RoutingFrames::decodeOffer(offer(), Now);
        QVERIFY2(o.ok(), o.ok() ? "" : qPrintable(o.failure().message));
        QCOMPARE(o->conversation.id, 12);
        QCOMPARE(o->conversation.customer.name, QStringLiteral("Ada"));
        QCOMPARE(o->conversation.liveState, LiveState::Queued);
        QVERIFY(o->firstMessage);
        QCOMPARE(o->firstMessage->text, QStringLiteral("My parcel is late"));
        QCOMPARE(o->timeoutMs, 20000);
        QCOMPARE(o->localDeadline, Now.addSecs(20));
        // No message yet is fine.
        const auto bare =
            RoutingFrames::decodeOffer(with(offer(), QStringLiteral("message"), {}), Now);
        QVERIFY(bare.ok());
        QVERIFY(!bare->firstMessage);
    }

    //! A clock far off the server's: the countdown runs from arrival for the whole timeout.
    void offerDeadlineSurvivesClockSkew_data()
    {
        QTest::addColumn<int>("skewSeconds"); // how far this computer's clock is ahead
        QTest::addColumn<int>("expectedLeft");
        QTest::newRow("in step") << 0 << 20;
        QTest::newRow("5 s ahead") << 5 << 15;
        QTest::newRow("an hour ahead") << 3600 << 20;
        QTest::newRow("an hour behind") << -3600 << 20;
    }
    void offerDeadlineSurvivesClockSkew()
    {
        QFETCH(int, skewSeconds);
        QFETCH(int, expectedLeft);
        const QDateTime local = Now.addSecs(skewSeconds);
        const auto o = RoutingFrames::decodeOffer(offer(), local);
        QVERIFY(o.ok());
        QCOMPARE(local.secsTo(o->localDeadline), expectedLeft);
    }

    void badOffersAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("frame");
        QTest::addColumn<QString>("field");
        QTest::newRow("no conversation")
            << with(offer(), QStringLiteral("conversation"), {}) << "conversation";
        QTest::newRow("conversation not an object")
            << with(offer(), QStringLiteral("conversation"), 12) << "conversation";
        QTest::newRow("conversation without id") << with(
            offer(), QStringLiteral("conversation"), with(conversation(), QStringLiteral("id"), {}))
                                                 << "id";
        QTest::newRow("bad live state")
            << with(offer(), QStringLiteral("conversation"),
                    with(conversation(), QStringLiteral("liveState"), QStringLiteral("maybe")))
            << "liveState";
        QTest::newRow("message of another conversation")
            << with(offer(), QStringLiteral("message"), message(13)) << "another conversation";
        QTest::newRow("message without text")
            << with(offer(), QStringLiteral("message"), with(message(), QStringLiteral("text"), {}))
            << "text";
        QTest::newRow("no expiry") << with(offer(), QStringLiteral("expiresAt"), {}) << "expiresAt";
        QTest::newRow("expiry not a time")
            << with(offer(), QStringLiteral("expiresAt"), QStringLiteral("soon")) << "expiresAt";
        QTest::newRow("zero timeout")
            << with(offer(), QStringLiteral("timeoutMs"), 0) << "timeoutMs";
        QTest::newRow("timeout as text")
            << with(offer(), QStringLiteral("timeoutMs"), QStringLiteral("20000")) << "timeoutMs";
        QTest::newRow("absurd timeout")
            << with(offer(), QStringLiteral("timeoutMs"), 1e12) << "timeoutMs";
    }
    void badOffersAreRefused()
    {
        QFETCH(QJsonObject, frame);
        QFETCH(QString, field);
        const auto o = RoutingFrames::decodeOffer(frame, Now);
        QVERIFY(!o.ok());
        QVERIFY2(o.failure().message.contains(field), qPrintable(o.failure().message));
    }

    void offerEnded_data()
    {
        QTest::addColumn<QJsonObject>("frame");
        QTest::addColumn<bool>("ok");
        const auto ended = [](const QJsonValue &conversation, const QJsonValue &reason) {
            QJsonObject o{{QStringLiteral("type"), QStringLiteral("offer.ended")}};
            if (!conversation.isUndefined())
                o.insert(QStringLiteral("conversation"), conversation);
            if (!reason.isUndefined())
                o.insert(QStringLiteral("reason"), reason);
            return o;
        };
        QTest::newRow("accepted") << ended(12, QStringLiteral("accepted")) << true;
        QTest::newRow("a later version's reason") << ended(12, QStringLiteral("merged")) << true;
        QTest::newRow("no conversation") << ended({}, QStringLiteral("expired")) << false;
        QTest::newRow("negative id") << ended(-4, QStringLiteral("expired")) << false;
        QTest::newRow("no reason") << ended(12, {}) << false;
        QTest::newRow("empty reason") << ended(12, QString()) << false;
        QTest::newRow("reason not text") << ended(12, 3) << false;
    }
    void offerEnded()
    {
        QFETCH(QJsonObject, frame);
        QFETCH(bool, ok);
        const auto e = RoutingFrames::decodeOfferEnded(frame);
        QCOMPARE(e.ok(), ok);
        if (ok) {
            QCOMPARE(e->conversationId, 12);
            QCOMPARE(e->reason, frame.value(QLatin1String("reason")).toString());
        }
    }

    void queueStatsDecode()
    {
        const auto s = RoutingFrames::decodeQueueStats(stats(), QDateTime());
        QVERIFY(s.ok());
        QCOMPARE(s->waiting, 5);
        QCOMPARE(s->longestWaitSeconds, 40);
        QCOMPARE(s->expectedWaitSeconds, 90);
        QCOMPARE(s->agents.size(), 1);
        QCOMPARE(s->agents.first(), (AgentLoad{3, Presence::Online, true, 2, 4, 1}));
    }

    // The server sends the figures when they change, not as time passes: the longest wait
    // goes on from when they arrived.
    void theLongestWaitMovesOnWithTime()
    {
        const QDateTime arrived =
            QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, QTimeZone::utc());
        const auto s = RoutingFrames::decodeQueueStats(stats(), arrived);
        QVERIFY(s.ok());
        QCOMPARE(s->receivedAt, arrived);
        QCOMPARE(s->longestWaitAt(arrived), 40);
        QCOMPARE(s->longestWaitAt(arrived.addMSecs(75'400)), 115);
        // A clock set back does not make anyone's wait shorter than the server said.
        QCOMPARE(s->longestWaitAt(arrived.addSecs(-30)), 40);
        // Nobody waiting: nothing moves.
        QueueStats empty = *s;
        empty.waiting = 0;
        empty.longestWaitSeconds = 0;
        QCOMPARE(empty.longestWaitAt(arrived.addSecs(600)), 0);
    }

    void badQueueStatsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("frame");
        QTest::newRow("no waiting") << with(stats(), QStringLiteral("waiting"), {});
        QTest::newRow("negative waiting") << with(stats(), QStringLiteral("waiting"), -1);
        QTest::newRow("fractional wait")
            << with(stats(), QStringLiteral("longestWaitSeconds"), 1.5);
        QTest::newRow("agents not a list") << with(stats(), QStringLiteral("agents"), 3);
        QTest::newRow("agent not an object")
            << with(stats(), QStringLiteral("agents"), QJsonArray{QStringLiteral("Dana")});
        QTest::newRow("unknown presence")
            << agentWith(QStringLiteral("presence"), QStringLiteral("asleep"));
        QTest::newRow("no connected") << agentWith(QStringLiteral("connected"), {});
        QTest::newRow("negative active") << agentWith(QStringLiteral("active"), -2);
        QTest::newRow("no id") << agentWith(QStringLiteral("id"), {});
    }
    void badQueueStatsAreRefused()
    {
        QFETCH(QJsonObject, frame);
        QVERIFY(!RoutingFrames::decodeQueueStats(frame, QDateTime()).ok());
    }
};

QTEST_GUILESS_MAIN(TestRoutingFrames)
#include "tst_routingframes.moc"
