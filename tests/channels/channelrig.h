// SPDX-License-Identifier: GPL-3.0-or-later
// A server's worth of channel parts over one SQLite file (storage thread, scheduler on a
// manual clock, outbound queue), and a channel that answers as a test tells it.
#pragma once

#include "channels/channeloperations.h"
#include "channels/outboundqueue.h"
#include "hours/autoreply.h"
#include "hub/deskoperations.h"
#include "platform/clock.h"
#include "scheduling/scheduler.h"
#include "store/sqlitestore.h"
#include "store/storage.h"

#include <QSignalSpy>
#include <QTest>
#include <deque>
#include <memory>

namespace Tandem::Testing {

using namespace Tandem::Server;

inline constexpr qint64 Start = 1'800'000'000'000;
inline const QString Email = QStringLiteral("email");

//! A channel that answers each attempt with the next scripted outcome (Sent by default).
class ScriptedChannel : public Channel
{
public:
    using Outcome = DeliveryOutcome::Kind;
    QString name() const override { return Email; }
    void deliver(const OutboundItem &item, std::function<void(DeliveryOutcome)> done) override
    {
        attempts.append(item);
        DeliveryOutcome outcome{Outcome::Sent, QStringLiteral("ext-%1").arg(attempts.size()), {}};
        if (!script.empty()) {
            outcome = script.front();
            script.pop_front();
        }
        done(outcome);
    }
    QList<OutboundItem> attempts;
    std::deque<DeliveryOutcome> script;
};

inline ChannelOperations::InboundMessage
mail(const QString &id, const QString &from = QStringLiteral("ada@example.com"))
{
    return {Email, from, QStringLiteral("Ada Lovelace"), id, QStringLiteral("Where is my order?")};
}

//! The `message.delivery` events committed (as `committed` saw them) for `message`, in order.
inline QList<Event> deliveryEvents(const QSignalSpy &committed, qint64 message)
{
    QList<Event> found;
    for (const QList<QVariant> &signal : committed)
        for (const Event &e : signal.first().value<QList<Event>>())
            if (e.kind == EventKind::MessageDelivery && e.subject && e.subject->message
                && e.subject->message->id == message)
                found.append(e);
    return found;
}

//! Their states; one that customers would see shows as such (they must see none).
inline QStringList statesOf(const QList<Event> &events)
{
    QStringList states;
    for (const Event &e : events)
        states.append(e.staffOnly ? deliveryStateName(*e.subject->delivery)
                                  : QStringLiteral("an event customers see"));
    return states;
}

//! A server's worth of parts on one data file.
struct Rig {
    ManualClock &clock;
    std::unique_ptr<Storage> storage;
    std::unique_ptr<Scheduler> scheduler;
    std::unique_ptr<OutboundQueue> queue;
    ScriptedChannel channel;
    qint64 agentId = 0;

    Rig(const QString &path, ManualClock &c, ChannelOperations::RetryPolicy policy = {})
        : clock(c)
    {
        auto store = std::make_unique<SqliteStore>(path);
        store->setClock(clock);
        storage = std::make_unique<Storage>(std::move(store));
        scheduler = std::make_unique<Scheduler>(*storage, clock);
        queue = std::make_unique<OutboundQueue>(*storage, *scheduler, policy);
        queue->addChannel(&channel);
    }
    //! Runs `op` on the storage thread and waits for its committed result.
    template<typename Op> auto run(Op op)
    {
        using R = std::invoke_result_t<Op &, Store &>;
        std::optional<R> result;
        storage->run(scheduler.get(), op, [&](R r) { result.emplace(std::move(r)); });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 10000);
        return std::move(result.value()); // throws, failing the test, when none came
    }
    bool open()
    {
        if (!storage->open())
            return false;
        bool ready = false;
        scheduler->start([&ready] { ready = true; });
        if (!QTest::qWaitFor([&] { return ready; }, 10000))
            return false;
        const auto agent = run([](Store &store) {
            Agent a;
            a.name = QStringLiteral("Dana");
            a.email = QStringLiteral("dana@example.com");
            const auto found = store.agentByEmail(a.email);
            if (found)
                return Result<Agent>(found->agent);
            return forClient(store.createAgent(a, QStringLiteral("h")), QString());
        });
        agentId = agent ? agent->id : 0;
        // An inbox for each channel besides the web's, which the store starts with.
        const auto inboxes = run([](Store &store) -> Result<Done> {
            const auto all = store.inboxes();
            if (!all)
                return storageFailed(all.failure());
            for (const char *channel : {"email", "whatsapp", "telegram"}) {
                const QString name = QString::fromLatin1(channel);
                if (std::none_of(all->cbegin(), all->cend(),
                                 [&name](const Inbox &i) { return i.channel == name; })
                    && !store.saveInbox(Inbox{0, name, name, 1}))
                    return Failure{ErrorCode::Internal, QStringLiteral("no inbox")};
            }
            return Done{};
        });
        return agentId > 0 && inboxes;
    }
    Result<ChannelOperations::Received> receive(const ChannelOperations::InboundMessage &m)
    {
        return run([m](Store &store) { return ChannelOperations::receive(store, m); });
    }
    Result<DeskOperations::Sent> reply(qint64 conversation, const QString &text)
    {
        const Viewer dana{
            {Party::Kind::Agent, agentId, QStringLiteral("Dana")}, Role::Supervisor, {}, {}};
        const Commands::Send send = Commands::sendOf(conversation, QUuid::createUuid(), text);
        return run([dana, send](Store &store) { return DeskOperations::send(store, dana, send); });
    }
    OutboundRecord record(qint64 messageId)
    {
        return run([messageId](Store &store) {
                   return forClient(store.outbound(messageId), QString());
               })
            .value();
    }
    //! Waits until the queue's next look is set for `due`.
    bool nextLookAt(const QDateTime &due)
    {
        return QTest::qWaitFor(
            [&] {
                const auto job = scheduler->find(OutboundQueue::PumpJob, QStringLiteral("next"));
                return job && job->due == due;
            },
            10000);
    }
    //! Waits until `n` outcomes were recorded since `spy` began.
    static bool settled(QSignalSpy &spy, int n)
    {
        return QTest::qWaitFor([&] { return spy.size() >= n; }, 10000);
    }
};

} // namespace Tandem::Testing
