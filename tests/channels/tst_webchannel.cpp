// SPDX-License-Identifier: GPL-3.0-or-later
// The web widget as a channel, over the real SQLite store, storage thread and scheduler on
// a manual clock: its customers have an address on it, what they write is taken once by its
// clientId, and agents' replies go through the outbound queue with a delivery state — sent while
// the widget is open, held (no retries used up) while it is closed and sent when the customer comes
// back, then delivered and read as the widget reports.
#include "../support/freshfiles.h"
#include "channelrig.h"

#include "channels/web/webchannel.h"

#include <QSet>

using namespace Tandem;
using namespace Tandem::Server;
using namespace Tandem::Testing;

namespace {

//! A rig with the web channel wired as tandemd wires it; who has the widget open is the
//! test's to say.
struct WebRig : Rig {
    QSet<qint64> online;
    WebChannel web{[this](qint64 customer) { return online.contains(customer); }};

    WebRig(const QString &path, ManualClock &clock)
        : Rig(path, clock)
    {
        queue->addChannel(&web);
        QObject::connect(
            &web, &WebChannel::wakeRequested, queue.get(),
            [this](const QString &channel, qint64 customer) { queue->wake(channel, customer); });
    }
    Customer newCustomer(const QString &name)
    {
        return run([name](Store &store) { return DeskOperations::createCustomer(store, name, {}); })
            ->customer;
    }
    static Viewer viewerOf(const Customer &c)
    {
        return {{Party::Kind::Customer, c.id, c.name}, Role::Agent, {}, {}};
    }
    Result<DeskOperations::Sent> customerSends(const Customer &c,
                                               std::optional<qint64> conversation,
                                               const QString &text, QUuid clientId = {})
    {
        const Commands::Send send = Commands::sendOf(
            conversation, clientId.isNull() ? QUuid::createUuid() : clientId, text);
        return run([viewer = viewerOf(c), send](Store &store) {
            return DeskOperations::send(store, viewer, send);
        });
    }
    Result<qint64> received(const Customer &c, qint64 conversation, qint64 upTo)
    {
        return run([viewer = viewerOf(c), conversation, upTo](Store &store) {
            return DeskOperations::received(store, viewer, {conversation, upTo});
        });
    }
    Result<qint64> read(const Customer &c, qint64 conversation, qint64 upTo)
    {
        return run([viewer = viewerOf(c), conversation, upTo](Store &store) {
            return DeskOperations::markRead(store, viewer, {conversation, upTo});
        });
    }
};

} // namespace

class TestWebChannel : public QObject
{
    Q_OBJECT
    Testing::FreshFiles m_files{QStringLiteral("w")};
    QString freshPath() { return m_files.next(); }

private Q_SLOTS:
    void aWidgetCustomerWritesThroughTheChannel()
    {
        ManualClock clock(Start);
        WebRig rig(freshPath(), clock);
        QVERIFY(rig.open());
        const Customer ada = rig.newCustomer(QStringLiteral("Ada"));
        const auto address = rig.run([id = ada.id](Store &store) {
            return forClient(store.addressOf(id, QStringLiteral("web")), QString());
        });
        QVERIFY(address && !address->isEmpty());

        const QUuid clientId = QUuid::createUuid();
        const auto first = rig.customerSends(ada, std::nullopt, QStringLiteral("Hello"), clientId);
        QVERIFY(first && first->startedConversation);
        QCOMPARE(first->conversation.channel, QStringLiteral("web"));
        // A retried send is the same message, taken once.
        const auto retry =
            rig.customerSends(ada, first->conversation.id, QStringLiteral("Hello"), clientId);
        QVERIFY(retry && !retry->startedConversation);
        QCOMPARE(retry->message.id, first->message.id);
        // The customer's own messages go out to nobody.
        QVERIFY(rig.run([id = first->message.id](Store &store) {
                       return forClient(store.outbound(id), QString());
                   })
                    .failure()
                    .code
                == ErrorCode::NotFound);
    }

    void aReplyIsSentDeliveredAndReadWhileTheWidgetIsOpen()
    {
        ManualClock clock(Start);
        WebRig rig(freshPath(), clock);
        QVERIFY(rig.open());
        rig.queue->start();
        const Customer ada = rig.newCustomer(QStringLiteral("Ada"));
        const auto opened = rig.customerSends(ada, std::nullopt, QStringLiteral("Hello"));
        const qint64 conversation = opened->conversation.id;
        rig.online.insert(ada.id);
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        QSignalSpy committed(rig.storage.get(), &Storage::committed);

        const auto reply = rig.reply(conversation, QStringLiteral("Hi Ada, how can I help?"));
        QVERIFY(reply);
        QVERIFY(Rig::settled(settled, 1));
        OutboundRecord r = rig.record(reply->message.id);
        QCOMPARE(r.state, DeliveryState::Sent);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.externalId, reply->message.clientId.toString(QUuid::WithoutBraces));

        QCOMPARE(rig.received(ada, conversation, reply->message.id).value(), reply->message.id);
        QCOMPARE(rig.record(reply->message.id).state, DeliveryState::Delivered);
        QVERIFY(rig.read(ada, conversation, reply->message.id));
        QCOMPARE(rig.record(reply->message.id).state, DeliveryState::Read);
        // A late "received" does not take it back; nor does the agent's own reading.
        QVERIFY(rig.received(ada, conversation, reply->message.id));
        const Viewer dana{
            {Party::Kind::Agent, rig.agentId, QStringLiteral("Dana")}, Role::Supervisor, {}, {}};
        QVERIFY(rig.run([dana, conversation, upTo = reply->message.id](Store &store) {
            return DeskOperations::markRead(store, dana, {conversation, upTo});
        }));
        QCOMPARE(rig.record(reply->message.id).state, DeliveryState::Read);
        QCOMPARE(statesOf(deliveryEvents(committed, reply->message.id)),
                 (QStringList{QStringLiteral("queued"), QStringLiteral("sent"),
                              QStringLiteral("delivered"), QStringLiteral("read")}));
    }

    void aReplyWaitsForTheCustomerToComeBack()
    {
        ManualClock clock(Start);
        WebRig rig(freshPath(), clock);
        QVERIFY(rig.open());
        rig.queue->start();
        const Customer ada = rig.newCustomer(QStringLiteral("Ada"));
        const Customer bob = rig.newCustomer(QStringLiteral("Bob"));
        const qint64 conversation =
            rig.customerSends(ada, std::nullopt, QStringLiteral("Call me back"))->conversation.id;
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        QSignalSpy wakes(&rig.web, &WebChannel::wakeRequested);

        const auto reply = rig.reply(conversation, QStringLiteral("Here is the answer"));
        QVERIFY(Rig::settled(settled, 1));
        OutboundRecord r = rig.record(reply->message.id);
        QCOMPARE(r.state, DeliveryState::Queued);
        QCOMPARE(r.attempts, 0); // held: no attempt used up
        QCOMPARE(r.nextAttemptAt, OutboundRecord::whenWoken());
        // No timer is set for it: however long she is away, nothing is tried nor given up.
        QVERIFY(!rig.scheduler->find(OutboundQueue::PumpJob, QStringLiteral("next")));
        clock.advance(qint64(48) * 3600 * 1000);
        QCOMPARE(rig.scheduler->runDue(), 0);

        // Someone else opening the widget wakes nothing.
        rig.web.customerArrived(bob.id);
        QCOMPARE(wakes.size(), 0);
        // She comes back: the reply is in her catch-up, and counts as sent.
        rig.online.insert(ada.id);
        rig.web.customerArrived(ada.id);
        QCOMPARE(wakes.size(), 1);
        QVERIFY(Rig::settled(settled, 2));
        r = rig.record(reply->message.id);
        QCOMPARE(r.state, DeliveryState::Sent);
        QCOMPARE(r.attempts, 1);
        // Arriving again (a second tab) wakes nothing more.
        rig.web.customerArrived(ada.id);
        QCOMPARE(wakes.size(), 1);
    }

    void readingAHeldReplyMovesItStraightToRead()
    {
        ManualClock clock(Start);
        WebRig rig(freshPath(), clock);
        QVERIFY(rig.open());
        rig.queue->start();
        const Customer ada = rig.newCustomer(QStringLiteral("Ada"));
        const qint64 conversation =
            rig.customerSends(ada, std::nullopt, QStringLiteral("Hi"))->conversation.id;
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        const auto first = rig.reply(conversation, QStringLiteral("One"));
        const auto second = rig.reply(conversation, QStringLiteral("Two"));
        QVERIFY(Rig::settled(settled, 2));
        // Her widget read the history before the queue woke (a race the server allows).
        QVERIFY(rig.read(ada, conversation, first->message.id));
        QCOMPARE(rig.record(first->message.id).state, DeliveryState::Read);
        QCOMPARE(rig.record(second->message.id).state, DeliveryState::Queued); // not up to it
        // Waking finds only the one still held.
        QCOMPARE(rig.run([id = ada.id](Store &store) {
                        return ChannelOperations::wake(store, QStringLiteral("web"), id);
                    })
                     .value(),
                 1);
    }

    void acknowledgementsAreCheckedLikeReadMarkers()
    {
        ManualClock clock(Start);
        WebRig rig(freshPath(), clock);
        QVERIFY(rig.open());
        const Customer ada = rig.newCustomer(QStringLiteral("Ada"));
        const Customer mallory = rig.newCustomer(QStringLiteral("Mallory"));
        const auto adas = rig.customerSends(ada, std::nullopt, QStringLiteral("Hi"));
        const auto mallorys = rig.customerSends(mallory, std::nullopt, QStringLiteral("Hey"));
        const auto reply = rig.reply(adas->conversation.id, QStringLiteral("Hello Ada"));
        // Another customer's conversation answers as a missing one and changes nothing.
        QCOMPARE(rig.received(mallory, adas->conversation.id, reply->message.id).failure().code,
                 ErrorCode::NotFound);
        // A message of another conversation is no mark in this one.
        QCOMPARE(rig.received(mallory, mallorys->conversation.id, reply->message.id).failure().code,
                 ErrorCode::NotFound);
        QCOMPARE(rig.received(ada, adas->conversation.id, 999999).failure().code,
                 ErrorCode::NotFound);
        QCOMPARE(rig.record(reply->message.id).state, DeliveryState::Queued);
        // Only delivered or read are acknowledgements.
        QCOMPARE(rig.run([c = adas->conversation, m = reply->message.id](Store &store) {
                        return ChannelOperations::acknowledge(store, c, 0, m, DeliveryState::Sent);
                    })
                     .failure()
                     .code,
                 ErrorCode::BadRequest);
    }

    void heldRepliesAreTriedAgainAfterARestart()
    {
        const QString path = freshPath();
        ManualClock clock(Start);
        qint64 message = 0;
        Customer ada;
        {
            WebRig rig(path, clock);
            QVERIFY(rig.open());
            rig.queue->start();
            ada = rig.newCustomer(QStringLiteral("Ada"));
            const qint64 conversation =
                rig.customerSends(ada, std::nullopt, QStringLiteral("Hi"))->conversation.id;
            QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
            message = rig.reply(conversation, QStringLiteral("While you were away"))->message.id;
            QVERIFY(Rig::settled(settled, 1));
            QCOMPARE(rig.record(message).nextAttemptAt, OutboundRecord::whenWoken());
        }
        // Who was away is not remembered: the new server tries the held replies once.
        WebRig rig(path, clock);
        QVERIFY(rig.open());
        rig.online.insert(ada.id);
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        rig.queue->start();
        QVERIFY(Rig::settled(settled, 1));
        QCOMPARE(rig.record(message).state, DeliveryState::Sent);
    }
};

QTEST_GUILESS_MAIN(TestWebChannel)
#include "tst_webchannel.moc"
