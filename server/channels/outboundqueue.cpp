// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboundqueue.h"

#include "logging/logging.h"
#include "platform/clock.h"
#include "scheduling/scheduler.h"
#include "store/storage.h"

#include <QPointer>
#include <algorithm>

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
            if (e.subject && e.subject->delivery == DeliveryState::Queued) {
                look();
                return;
            }
        }
    });
}

OutboundQueue::~OutboundQueue()
{
    m_scheduler.removeHandler(PumpJob);
}

void OutboundQueue::addChannel(Channel *channel)
{
    m_channels.insert(channel->name(), channel);
}

void OutboundQueue::start()
{
    m_started = true;
    m_scheduler.setHandler(PumpJob, [this](const Scheduler::Job &) { look(); });
    // Channels that hold replies for absent customers learn whom they held them for.
    for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it) {
        m_storage.run(
            this,
            [channel = it.key()](Store &store) {
                return forClient(store.heldCustomers(channel), QString());
            },
            [this, channel = it.key()](Result<QList<qint64>> customers) {
                Channel *holder = m_channels.value(channel);
                if (customers && holder)
                    holder->holding(customers.value());
                else if (!customers)
                    qCWarning(lcHub) << "held replies could not be read";
            });
    }
    look();
}

void OutboundQueue::wake(const QString &channel, qint64 customerId)
{
    m_storage.run(
        this,
        [channel, customerId](Store &store) {
            return ChannelOperations::wake(store, channel, customerId);
        },
        [this](Result<int> woken) {
            if (!woken)
                qCWarning(lcHub) << "held replies could not be woken:" << woken.failure().message;
            else if (woken.value() > 0)
                look();
        });
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
    // Through the writer, not the reader: an outcome committed before this read must not
    // be missed by it, or a reply that was just sent would look due and go out twice.
    m_storage.run(
        this,
        [now](Store &store) -> Result<Looked> {
            auto due = store.dueOutbound(now, Batch);
            if (!due)
                return toClientFailure(due.failure(), QString());
            Looked looked;
            for (const OutboundRecord &record : due.value()) {
                auto message = store.message(record.messageId);
                auto conversation = message ? store.conversation(message->conversationId)
                                            : Stored<Conversation>(message.failure());
                if (!message || !conversation) {
                    looked.unreadable.append(record.messageId); // the others still go
                    continue;
                }
                looked.items.append({record, message.value(), conversation.value()});
            }
            return looked;
        },
        [this](Result<Looked> looked) {
            m_looking = false;
            if (looked) {
                for (qint64 id : looked->unreadable) {
                    if (!m_unreadable.contains(id))
                        qCWarning(lcHub) << "a queued reply could not be read:" << id;
                    m_unreadable.insert(id);
                }
                send(looked->items);
            } else {
                qCWarning(lcHub) << "the outbound queue could not be read";
            }
            if (std::exchange(m_lookAgain, false))
                look();
            else
                scheduleNextLook(!looked);
        });
}

void OutboundQueue::send(const QList<OutboundItem> &items)
{
    for (const OutboundItem &item : items) {
        const qint64 id = item.record.messageId;
        if (m_inFlight.contains(id))
            continue;
        m_unreadable.remove(id);
        Channel *channel = m_channels.value(item.record.channel);
        m_inFlight.insert(id);
        if (!channel) {
            finish(id, {DeliveryOutcome::Kind::Failed,
                        {},
                        QStringLiteral("The %1 channel is not set up on this server")
                            .arg(item.record.channel)});
            continue;
        }
        // A channel answers later (from the network): the queue may be gone by then.
        channel->deliver(item, [queue = QPointer<OutboundQueue>(this), id](DeliveryOutcome o) {
            if (queue)
                queue->finish(id, o);
        });
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
                // Still queued: it is tried again after a pause, not at once.
                qCWarning(lcHub) << "the outcome of a reply could not be saved:"
                                 << record.failure().message;
                scheduleNextLook(true);
                return;
            }
            Q_EMIT settled(record.value());
            // The next look is set once the last attempt in flight settled, not after each.
            if (m_inFlight.isEmpty())
                scheduleNextLook(false);
        });
}

void OutboundQueue::scheduleNextLook(bool afterTrouble)
{
    const QDateTime pause = m_scheduler.clock().now().addMSecs(m_policy.first.count());
    // The earliest next attempt of anything still queued (and not in flight).
    m_storage.run(
        this,
        [](Store &store) {
            // Not those held until their customer comes back.
            const QDateTime held = OutboundRecord::whenWoken().addMSecs(-1);
            return forClient(store.dueOutbound(held, Batch), QString());
        },
        [this, afterTrouble, pause](Result<QList<OutboundRecord>> queued) {
            if (!queued) {
                m_scheduler.schedule({PumpJob, QStringLiteral("next"), pause, {}},
                                     Scheduler::Keep::InMemory);
                return;
            }
            for (const OutboundRecord &record : queued.value()) {
                if (m_inFlight.contains(record.messageId))
                    continue;
                QDateTime due = record.nextAttemptAt;
                // After a failure to read or save, or for a reply that cannot be read, wait
                // rather than spin.
                if (afterTrouble || m_unreadable.contains(record.messageId))
                    due = std::max(due, pause);
                if (due <= m_scheduler.clock().now()) {
                    look(); // due already (more than one batch was waiting)
                    return;
                }
                m_scheduler.schedule({PumpJob, QStringLiteral("next"), due, {}},
                                     Scheduler::Keep::InMemory);
                return;
            }
            m_scheduler.cancel(PumpJob, QStringLiteral("next"));
        });
}

} // namespace Tandem::Server
