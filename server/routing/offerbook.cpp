// SPDX-License-Identifier: GPL-3.0-or-later
#include "offerbook.h"

#include "platform/clock.h"
#include "scheduling/scheduler.h"

namespace Tandem::Server {
namespace {

const QString SerialField = QStringLiteral("serial");

} // namespace

OfferBook::OfferBook(Scheduler &scheduler, QString timeoutJob, std::chrono::milliseconds timeout)
    : m_scheduler(scheduler)
    , m_timeoutJob(std::move(timeoutJob))
    , m_timeout(timeout)
{
}

OfferBook::~OfferBook()
{
    m_scheduler.removeHandler(m_timeoutJob);
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
