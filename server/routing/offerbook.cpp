// SPDX-License-Identifier: GPL-3.0-or-later
#include "offerbook.h"

#include "platform/clock.h"
#include "scheduling/scheduler.h"

namespace Tandem::Server {
namespace {

const QString SerialField = QStringLiteral("serial");

QString holdKey(qint64 conversationId, qint64 agentId)
{
    return QString::number(conversationId) + QLatin1Char(':') + QString::number(agentId);
}

} // namespace

OfferBook::OfferBook(Scheduler &scheduler, QString timeoutJob, std::chrono::milliseconds timeout,
                     QString holdJob, std::chrono::milliseconds hold)
    : m_scheduler(scheduler)
    , m_timeoutJob(std::move(timeoutJob))
    , m_timeout(timeout)
    , m_holdJob(std::move(holdJob))
    , m_hold(hold)
{
}

OfferBook::~OfferBook()
{
    m_scheduler.removeHandler(m_timeoutJob);
    m_scheduler.removeHandler(m_holdJob);
}

void OfferBook::setHoldEndedHandler(HoldEndedHandler handler)
{
    m_scheduler.setHandler(m_holdJob,
                           [this, handler = std::move(handler)](const Scheduler::Job &job) {
                               const QStringList parts = job.key.split(QLatin1Char(':'));
                               if (parts.size() != 2)
                                   return;
                               const qint64 conversationId = parts.at(0).toLongLong();
                               auto holds = m_holds.find(conversationId);
                               if (holds == m_holds.end())
                                   return;
                               holds->remove(parts.at(1).toLongLong());
                               if (holds->isEmpty())
                                   m_holds.erase(holds);
                               handler(conversationId);
                           });
}

void OfferBook::holdOff(qint64 conversationId, qint64 agentId)
{
    const QDateTime until = m_scheduler.clock().now().addMSecs(m_hold.count());
    m_holds[conversationId].insert(agentId, until);
    m_scheduler.schedule({m_holdJob, holdKey(conversationId, agentId), until, {}},
                         Scheduler::Keep::InMemory);
}

QSet<qint64> OfferBook::heldOff(qint64 conversationId) const
{
    QSet<qint64> agents;
    const QDateTime now = m_scheduler.clock().now();
    const QHash<qint64, QDateTime> holds = m_holds.value(conversationId);
    for (auto it = holds.cbegin(); it != holds.cend(); ++it) {
        if (it.value() > now)
            agents.insert(it.key());
    }
    return agents;
}

QDateTime OfferBook::firstHoldEnds(qint64 conversationId) const
{
    QDateTime first;
    const QDateTime now = m_scheduler.clock().now();
    const QHash<qint64, QDateTime> holds = m_holds.value(conversationId);
    for (const QDateTime &until : holds) {
        if (until > now && (!first.isValid() || until < first))
            first = until;
    }
    return first;
}

void OfferBook::forget(qint64 conversationId)
{
    m_passed.remove(conversationId);
    const QHash<qint64, QDateTime> holds = m_holds.take(conversationId);
    for (auto it = holds.cbegin(); it != holds.cend(); ++it)
        m_scheduler.cancel(m_holdJob, holdKey(conversationId, it.key()));
}

void OfferBook::setTimeoutHandler(TimeoutHandler handler)
{
    m_scheduler.setHandler(m_timeoutJob, [handler = std::move(handler)](const Scheduler::Job &job) {
        handler(job.key.toLongLong(), quint64(job.payload.value(SerialField).toInteger()));
    });
}

const OfferBook::Offer *OfferBook::find(qint64 conversationId) const
{
    const auto it = m_offers.constFind(conversationId);
    return it == m_offers.cend() ? nullptr : &*it;
}

QList<qint64> OfferBook::openOffersTo(qint64 agentId) const
{
    QList<qint64> theirs;
    for (auto it = m_offers.cbegin(); it != m_offers.cend(); ++it) {
        if (it->agentId == agentId && !it->accepting)
            theirs.append(it.key());
    }
    return theirs;
}

const OfferBook::Offer &OfferBook::open(qint64 conversationId, qint64 agentId)
{
    const quint64 serial = m_nextSerial++;
    const Offer &offer = *m_offers.insert(
        conversationId,
        Offer{agentId, m_scheduler.clock().now().addMSecs(m_timeout.count()), false, serial});
    m_scheduler.schedule({m_timeoutJob,
                          QString::number(conversationId),
                          offer.expiresAt,
                          {{SerialField, qint64(serial)}}},
                         Scheduler::Keep::InMemory);
    return offer;
}

const OfferBook::Offer &OfferBook::hold(qint64 conversationId, qint64 agentId)
{
    return *m_offers.insert(conversationId, Offer{agentId, {}, true, m_nextSerial++});
}

bool OfferBook::beginAccept(qint64 conversationId, qint64 agentId)
{
    if (!isOpenFor(conversationId, agentId))
        return false;
    m_offers[conversationId].accepting = true;
    return true;
}

bool OfferBook::isOpenFor(qint64 conversationId, qint64 agentId) const
{
    const Offer *offer = find(conversationId);
    return offer && offer->agentId == agentId && !offer->accepting;
}

bool OfferBook::isCurrent(qint64 conversationId, quint64 serial) const
{
    const Offer *offer = find(conversationId);
    return offer && offer->serial == serial && !offer->accepting;
}

OfferBook::Offer OfferBook::close(qint64 conversationId, bool passed)
{
    const Offer offer = m_offers.take(conversationId);
    m_scheduler.cancel(m_timeoutJob, QString::number(conversationId));
    if (passed)
        m_passed[conversationId].insert(offer.agentId);
    return offer;
}

} // namespace Tandem::Server
