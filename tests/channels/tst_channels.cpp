// SPDX-License-Identifier: GPL-3.0-or-later
// Channels over the real SQLite store, storage thread and scheduler on a manual clock:
// inbound messages filed once per external id, replies queued with the reply itself and
// sent, retried with backoff, given up on, reported on, and carried over a restart. The
// channel itself is a stand-in that answers as the test tells it.
#include "../support/freshfiles.h"
#include "channelrig.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Tandem;
using namespace Tandem::Server;
using namespace Tandem::Testing;
using Outcome = DeliveryOutcome::Kind;

class TestChannels : public QObject
{
    Q_OBJECT
    Testing::FreshFiles m_files{QStringLiteral("c")};
    QString freshPath() { return m_files.next(); }

private Q_SLOTS:
    void inboundIsFiledOncePerExternalId()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.open());
        QSignalSpy committed(rig.storage.get(), &Storage::committed);
        const auto first = rig.receive(mail(QStringLiteral("<m1@example.com>")));
        QVERIFY(first);
        QVERIFY(first->startedConversation);
        QVERIFY(!first->duplicate);
        QCOMPARE(first->conversation.channel, Email);
        QCOMPARE(first->conversation.customer.name, QStringLiteral("Ada Lovelace"));
        QCOMPARE(first->message.author.kind, Party::Kind::Customer);

        // The same mail fetched again: the first result, nothing new filed.
        const auto again = rig.receive(mail(QStringLiteral("<m1@example.com>")));
        QVERIFY(again && again->duplicate);
        QCOMPARE(again->message.id, first->message.id);
        // A new mail from her joins her open conversation.
        const auto second = rig.receive(mail(QStringLiteral("<m2@example.com>")));
        QVERIFY(second && !second->duplicate && !second->startedConversation);
        QCOMPARE(second->conversation.id, first->conversation.id);
        // Once that conversation is resolved, her next mail opens a new one, in her name.
        const auto closed = rig.run([c = first->conversation](Store &store) -> Result<Done> {
            Conversation changed = c;
            changed.status = ConversationStatus::Resolved;
            return forClient(store.updateConversation(changed), QString());
        });
        QVERIFY(closed);
        const auto reopened = rig.receive(mail(QStringLiteral("<m4@example.com>")));
        QVERIFY(reopened && reopened->startedConversation);
        QVERIFY(reopened->conversation.id != first->conversation.id);
        QCOMPARE(reopened->conversation.customer.name, QStringLiteral("Ada Lovelace"));
        QCOMPARE(reopened->message.author.name, QStringLiteral("Ada Lovelace"));
        // Someone else gets their own customer and conversation.
        const auto other = rig.receive(
            mail(QStringLiteral("<m3@example.com>"), QStringLiteral("bob@example.com")));
        QVERIFY(other && other->startedConversation);
        QVERIFY(other->conversation.customer.id != first->conversation.customer.id);
        // Events: created + waiting + message, message (she waits already), (closing: none),
        // created + waiting + message twice; none for the duplicate.
        int events = 0;
        for (const QList<QVariant> &signal : std::as_const(committed))
            events += int(signal.first().value<QList<Event>>().size());
        QCOMPARE(events, 10);
    }

    void automaticMailWakesNothing()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.open());
        const auto first = rig.receive(mail(QStringLiteral("<a1@example.com>")));
        QVERIFY(first);
        const auto snooze = [&rig, id = first->conversation.id] {
            return rig.run([id](Store &store) -> Result<Done> {
                Conversation c = store.conversation(id).value();
                c.status = ConversationStatus::Snoozed;
                return forClient(store.updateConversation(c), QString());
            });
        };
        QVERIFY(snooze());
        // An out-of-office reply joins the thread, and the conversation sleeps on.
        auto outOfOffice = mail(QStringLiteral("<a2@example.com>"));
        outOfOffice.automatic = true;
        const auto automatic = rig.receive(outOfOffice);
        QVERIFY(automatic && automatic->conversation.id == first->conversation.id);
        QCOMPARE(automatic->conversation.status, ConversationStatus::Snoozed);
        QVERIFY(automatic->conversation.wokeBecause.isEmpty());
        // She writes herself: it wakes, saying why.
        const auto written = rig.receive(mail(QStringLiteral("<a3@example.com>")));
        QVERIFY(written);
        QCOMPARE(written->conversation.status, ConversationStatus::Open);
        QCOMPARE(written->conversation.wokeBecause, WokeBecause::Customer);
    }

    void aMachinesMailStartsNoWaitAndGetsNoAutomaticReply()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.open());
        // Support (which the email inbox belongs to) is closed at the moment.
        const auto teams = rig.run([](Store &store) -> Result<QList<Team>> {
            auto all = store.teams();
            if (!all)
                return storageFailed(all.failure());
            Team support = all->first();
            support.calendar = BusinessCalendar(QTimeZone::utc(), {{7, QTime(8, 0), QTime(9, 0)}});
            if (auto saved = store.saveTeam(support); !saved)
                return storageFailed(saved.failure());
            return forClient(store.teams(), QString());
        });
        QVERIFY(teams);
        const auto inboxes =
            rig.run([](Store &store) { return forClient(store.inboxes(), QString()); });
        QVERIFY(inboxes);
        AutoReply::Context context{{}, {}, QTimeZone::utc(), {}};
        context.hours.reset(teams.value(), inboxes.value());
        for (const Inbox &inbox : inboxes.value())
            if (inbox.channel == Email)
                QVERIFY(!context.hours.isOpen(inbox.id, clock.now()));
        // What an intake does: file the mail, then answer it in the same transaction.
        const auto intake = [&rig, &context](const ChannelOperations::InboundMessage &m) {
            return rig.run([m, context](Store &store) -> Result<std::optional<AutoReply::Sent>> {
                auto received = ChannelOperations::receive(store, m);
                if (!received)
                    return received.failure();
                return AutoReply::answer(store, received->conversation, received->message,
                                         m.automatic, context);
            });
        };
        // An out-of-office answer: no wait begins, and nothing answers it.
        auto outOfOffice = mail(QStringLiteral("<ooo@example.com>"));
        outOfOffice.automatic = true;
        const auto machine = intake(outOfOffice);
        QVERIFY(machine);
        QVERIFY(!machine->has_value());
        const auto filed = rig.receive(outOfOffice); // the same again: already filed
        QVERIFY(filed && !filed->conversation.sla.awaitingSince.isValid());
        // A person writes: their wait begins, and the automatic reply promises an answer.
        const auto bob = QStringLiteral("bob@example.com");
        const auto person = intake(mail(QStringLiteral("<p1@example.com>"), bob));
        QVERIFY(person);
        QVERIFY(person->has_value());
        QVERIFY((*person)->message.text.contains(QLatin1String("We are closed right now")));
        const auto again = rig.receive(mail(QStringLiteral("<p1@example.com>"), bob));
        QVERIFY(again);
        QCOMPARE(again->conversation.sla.awaitingSince, clock.now());
        QVERIFY(again->conversation.promisedBy.isValid());

        // A machine's mail just before is no conversation under way: Carl's out-of-office
        // opened a thread five minutes ago, and Carl himself now writes in it.
        const auto carl = QStringLiteral("carl@example.com");
        auto away = mail(QStringLiteral("<c1@example.com>"), carl);
        away.automatic = true;
        away.email = QJsonObject{{QStringLiteral("automatic"), QStringLiteral("an out-of-office")}};
        const auto carlsMachine = intake(away);
        QVERIFY(carlsMachine && !carlsMachine->has_value());
        const auto thread = rig.receive(away); // already filed: which conversation it opened
        QVERIFY(thread);
        clock.advance(5 * 60 * 1000);
        auto himself = mail(QStringLiteral("<c2@example.com>"), carl);
        himself.conversationId = thread->conversation.id;
        const auto answered = intake(himself);
        QVERIFY(answered);
        QVERIFY2(answered->has_value(), "a machine's message held the automatic reply back");
    }

    void inboundBadInputIsRefused_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("externalId");
        QTest::addColumn<QString>("text");
        QTest::newRow("no channel") << QString() << "a@x.org"
                                    << "1"
                                    << "hi";
        QTest::newRow("the web is not a channel here") << "web"
                                                       << "a@x.org"
                                                       << "1"
                                                       << "hi";
        QTest::newRow("no address") << Email << QString() << "1"
                                    << "hi";
        QTest::newRow("no id") << Email << "a@x.org" << QString() << "hi";
        QTest::newRow("blank text") << Email << "a@x.org"
                                    << "1"
                                    << "   ";
        QTest::newRow("too long") << Email << "a@x.org"
                                  << "1" << QString(10001, QLatin1Char('x'));
    }

    void inboundBadInputIsRefused()
    {
        QFETCH(QString, channel);
        QFETCH(QString, address);
        QFETCH(QString, externalId);
        QFETCH(QString, text);
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.open());
        const auto refused = rig.receive({channel, address, {}, externalId, text});
        QVERIFY(!refused);
        QCOMPARE(refused.failure().code, ErrorCode::BadRequest);
    }

    void aReplyIsQueuedWithItselfAndSent()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.open());
        const auto in = rig.receive(mail(QStringLiteral("<m1@example.com>")));
        QVERIFY(in);
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        const auto sent = rig.reply(in->conversation.id, QStringLiteral("It ships today."));
        QVERIFY(sent);
        QCOMPARE(rig.record(sent->message.id).state, DeliveryState::Queued); // before start
        rig.queue->start();
        QVERIFY(Rig::settled(settled, 1));
        QCOMPARE(rig.channel.attempts.size(), 1);
        QCOMPARE(rig.channel.attempts.first().record.address, QStringLiteral("ada@example.com"));
        QCOMPARE(rig.channel.attempts.first().message.text, QStringLiteral("It ships today."));
        const OutboundRecord done = rig.record(sent->message.id);
        QCOMPARE(done.state, DeliveryState::Sent);
        QCOMPARE(done.externalId, QStringLiteral("ext-1"));
        QCOMPARE(done.attempts, 1);

        // A reply in a web conversation goes through the web channel: to the address the
        // customer has on it (made for a customer who had none).
        const auto web = rig.run([](Store &store) -> Result<qint64> {
            Conversation c;
            c.inboxId = 1; // the web inbox the store starts with
            c.customer = store.createCustomer({0, QStringLiteral("Web"), {}}, "w").value();
            c.createdAt = c.updatedAt = store.now();
            return store.createConversation(c)->id;
        });
        const auto webReply = rig.reply(web.value(), QStringLiteral("Hi there"));
        QVERIFY(webReply);
        QVERIFY(Rig::settled(settled, 2));
        const OutboundRecord webRecord = rig.record(webReply->message.id);
        QCOMPARE(webRecord.channel, QStringLiteral("web"));
        QVERIFY(!webRecord.address.isEmpty());
        QCOMPARE(webRecord.state, DeliveryState::Failed); // no web channel in this rig
        QCOMPARE(rig.channel.attempts.size(), 1);
    }

    void retriesWaitLongerEachTimeAndThenGiveUp()
    {
        ManualClock clock(Start);
        ChannelOperations::RetryPolicy policy;
        policy.first = std::chrono::seconds(30);
        policy.attempts = 3;
        Rig rig(freshPath(), clock, policy);
        QVERIFY(rig.open());
        rig.queue->start();
        const auto in = rig.receive(mail(QStringLiteral("<m1@example.com>")));
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        rig.channel.script = {{Outcome::Retry, {}, QStringLiteral("421 try later")},
                              {Outcome::Retry, {}, QStringLiteral("421 try later")},
                              {Outcome::Retry, {}, QStringLiteral("421 still busy")}};
        const auto sent = rig.reply(in->conversation.id, QStringLiteral("Answer"));
        QVERIFY(Rig::settled(settled, 1));
        OutboundRecord r = rig.record(sent->message.id);
        QCOMPARE(r.state, DeliveryState::Queued);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.nextAttemptAt, Clock::fromMs(Start + 30000));
        QCOMPARE(r.lastError, QStringLiteral("421 try later"));

        // Not a moment early: the next look is a timer at the due time.
        QVERIFY(rig.nextLookAt(Clock::fromMs(Start + 30000)));
        clock.advance(29999);
        QCOMPARE(rig.scheduler->runDue(), 0);
        clock.advance(1);
        QCOMPARE(rig.scheduler->runDue(), 1);
        QVERIFY(Rig::settled(settled, 2));
        r = rig.record(sent->message.id);
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.nextAttemptAt, Clock::fromMs(Start + 30000 + 60000)); // twice as long

        QVERIFY(rig.nextLookAt(r.nextAttemptAt));
        clock.advance(60000);
        QCOMPARE(rig.scheduler->runDue(), 1);
        QVERIFY(Rig::settled(settled, 3));
        r = rig.record(sent->message.id);
        QCOMPARE(r.state, DeliveryState::Failed); // the third attempt was the last
        QCOMPARE(r.lastError, QStringLiteral("421 still busy"));
        QCOMPARE(rig.channel.attempts.size(), 3);
        clock.advance(3600000);
        QCOMPARE(rig.scheduler->runDue(), 0); // nothing more is tried
    }

    void aRefusedReplyFailsAtOnceAndStaffSeeWhy()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.open());
        rig.queue->start();
        const auto in = rig.receive(mail(QStringLiteral("<m1@example.com>")));
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        QSignalSpy committed(rig.storage.get(), &Storage::committed);
        rig.channel.script = {{Outcome::Failed, {}, QStringLiteral("550 no such mailbox")}};
        const auto sent = rig.reply(in->conversation.id, QStringLiteral("Answer"));
        QVERIFY(Rig::settled(settled, 1));
        QCOMPARE(rig.record(sent->message.id).state, DeliveryState::Failed);
        const QList<Event> events = deliveryEvents(committed, sent->message.id);
        QCOMPARE(statesOf(events),
                 (QStringList{QStringLiteral("queued"), QStringLiteral("failed")}));
        QCOMPARE(events.last().data.value(QLatin1String("error")).toString(),
                 QStringLiteral("550 no such mailbox"));
    }

    void aChannelNotSetUpFailsTheReply()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.open());
        rig.queue->start();
        const auto in =
            rig.receive({QStringLiteral("telegram"), QStringLiteral("12345"), QStringLiteral("Bo"),
                         QStringLiteral("u1"), QStringLiteral("Hello")});
        QVERIFY(in);
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        const auto sent = rig.reply(in->conversation.id, QStringLiteral("Hi Bo"));
        QVERIFY(Rig::settled(settled, 1));
        const OutboundRecord r = rig.record(sent->message.id);
        QCOMPARE(r.state, DeliveryState::Failed);
        QVERIFY(r.lastError.contains(QStringLiteral("telegram")));
        QVERIFY(rig.channel.attempts.isEmpty());
    }

    void laterReportsMoveTheStateOnlyForward()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.open());
        rig.queue->start();
        const auto in = rig.receive(mail(QStringLiteral("<m1@example.com>")));
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        const auto sent = rig.reply(in->conversation.id, QStringLiteral("Answer"));
        QVERIFY(Rig::settled(settled, 1));
        const auto report = [&](DeliveryState state, const QString &id = QStringLiteral("ext-1")) {
            return rig.run([state, id](Store &store) {
                return ChannelOperations::reportDelivery(store, Email, id, state);
            });
        };
        QCOMPARE(report(DeliveryState::Read)->state, DeliveryState::Read);
        QCOMPARE(report(DeliveryState::Delivered)->state, DeliveryState::Read); // late: ignored
        QCOMPARE(report(DeliveryState::Read, QStringLiteral("unknown")).failure().code,
                 ErrorCode::NotFound);
    }

    void queuedRepliesGoOutAfterARestart()
    {
        const QString path = freshPath();
        ManualClock clock(Start);
        qint64 message = 0;
        {
            Rig rig(path, clock);
            QVERIFY(rig.open());
            const auto in = rig.receive(mail(QStringLiteral("<m1@example.com>")));
            const auto sent = rig.reply(in->conversation.id, QStringLiteral("Before the crash"));
            QVERIFY(sent);
            message = sent->message.id;
        } // stopped before the queue ever started
        Rig rig(path, clock);
        QVERIFY(rig.open());
        QSignalSpy settled(rig.queue.get(), &OutboundQueue::settled);
        rig.queue->start();
        QVERIFY(Rig::settled(settled, 1));
        QCOMPARE(rig.record(message).state, DeliveryState::Sent);
        QCOMPARE(rig.channel.attempts.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChannels)
#include "tst_channels.moc"
