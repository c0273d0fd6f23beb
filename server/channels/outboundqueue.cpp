// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboundqueue.h"

#include "logging/logging.h"
#include "platform/clock.h"
#include "scheduling/scheduler.h"
#include "store/storage.h"

#include <limits>

namespace Tandem::Server {
namespace {

constexpr int Batch = 50;

} // namespace

const QString OutboundQueue::PumpJob = QStringLiteral("outbound.look");

OutboundQueue::OutboundQueue(Storage &storage, Scheduler &scheduler,
                             ChannelOperations::RetryPolicy policy, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_scheduler(scheduler)
    , m_policy(policy)
{
    // A reply queued in any transaction is looked at once it is committed.
    connect(&m_storage, &Storage::committed, this, [this](const QList<Event> &events) {
        for (const Event &e : events) {
            if (e.kind == EventKind::MessageDelivery
                && e.data.value(QLatin1String("state")).toString() == QLatin1String("queued")) {
                look();
                return;
            }
        }
    });
}

OutboundQueue::~OutboundQueue() = default;

void OutboundQueue::addChannel(Channel *channel)
{
    m_channels.insert(channel->name(), channel);
}

void OutboundQueue::start()
{
    m_started = true;
    m_scheduler.setHandler(PumpJob, [this](const Scheduler::Job &) { look(); });
    look();
}

void OutboundQueue::look()
{
    if (!m_started)
        return;
    if (m_looking) {
        m_lookAgain = true;
        return;
    }
    m_looking = true;
    const QDateTime now = m_scheduler.clock().now();
    m_storage.read(
        this,
        [now](Store &store) -> Result<QList<OutboundItem>> {
            auto due = store.dueOutbound(now, Batch);
            if (!due)
                return toClientFailure(due.failure(), QString());
            QList<OutboundItem> items;
            for (const OutboundRecord &record : due.value()) {
                auto message = store.message(record.messageId);
                auto conversation = message ? store.conversation(message->conversationId)
                                            : Stored<Conversation>(message.failure());
                if (!message || !conversation)
                    return toClientFailure(!message ? message.failure() : conversation.failure(),
                                           QString());
                items.append({record, message.value(), conversation.value()});
            }
            return items;
        },
        [this](Result<QList<OutboundItem>> items) {
            m_looking = false;
            if (items)
                send(items.value());
            else
                qCWarning(lcHub) << "the outbound queue could not be read";
            if (std::exchange(m_lookAgain, false))
                look();
            else
                scheduleNextLook();
        });
}

void OutboundQueue::send(const QList<OutboundItem> &items)
{
    for (const OutboundItem &item : items) {
        const qint64 id = item.record.messageId;
        if (m_inFlight.contains(id))
            continue;
        Channel *channel = m_channels.value(item.record.channel);
        m_inFlight.insert(id);
        if (!channel) {
            finish(id, {DeliveryOutcome::Kind::Failed,
                        {},
                        QStringLiteral("The %1 channel is not set up on this server")
                            .arg(item.record.channel)});
            continue;
        }
        channel->deliver(item, [this, id](DeliveryOutcome outcome) { finish(id, outcome); });
    }
}

void OutboundQueue::finish(qint64 messageId, const DeliveryOutcome &outcome)
{
    const ChannelOperations::RetryPolicy policy = m_policy;
    m_storage.run(
        this,
        [messageId, outcome, policy](Store &store) {
            return ChannelOperations::recordOutcome(store, messageId, outcome, policy);
        },
        [this, messageId](Result<OutboundRecord> record) {
            m_inFlight.remove(messageId);
            if (!record) {
                qCWarning(lcHub) << "the outcome of a reply could not be saved:"
                                 << record.failure().message;
                return;
            }
            Q_EMIT settled(record.value());
            scheduleNextLook();
        });
}

void OutboundQueue::scheduleNextLook()
{
    // The earliest next attempt of anything still queued (and not in flight).
    m_storage.read(
        this,
        [](Store &store) {
            const QDateTime never =
                Clock::fromMs(std::numeric_limits<qint64>::max() / 4); // far enough
            return forClient(store.dueOutbound(never, Batch), QString());
        },
        [this](Result<QList<OutboundRecord>> queued) {
            if (!queued)
                return;
            for (const OutboundRecord &record : queued.value()) {
                if (m_inFlight.contains(record.messageId))
                    continue;
                if (record.nextAttemptAt <= m_scheduler.clock().now()) {
                    look(); // due already (more than one batch was waiting)
                    return;
                }
                m_scheduler.schedule({PumpJob, QStringLiteral("next"), record.nextAttemptAt, {}},
                                     Scheduler::Keep::InMemory);
                return;
            }
            m_scheduler.cancel(PumpJob, QStringLiteral("next"));
        });
}

} // namespace Tandem::Server
