// SPDX-License-Identifier: GPL-3.0-or-later
#include "webchannel.h"

#include "channels/channeloperations.h"

namespace Tandem::Server {

WebChannel::WebChannel(std::function<bool(qint64)> connected, QObject *parent)
    : QObject(parent)
    , m_connected(std::move(connected))
{
}

QString WebChannel::name() const
{
    return ChannelOperations::web();
}

void WebChannel::deliver(const OutboundItem &item, std::function<void(DeliveryOutcome)> done)
{
    const qint64 customer = item.conversation.customer.id;
    if (m_connected(customer)) {
        done({DeliveryOutcome::Kind::Sent,
              item.message.clientId.toString(QUuid::WithoutBraces),
              {}});
        return;
    }
    m_away.insert(customer);
    done({DeliveryOutcome::Kind::Away, {}, {}});
}

void WebChannel::holding(const QList<qint64> &customers)
{
    for (qint64 customer : customers) {
        if (m_connected(customer))
            Q_EMIT wakeRequested(name(), customer); // came back before the queue started
        else
            m_away.insert(customer);
    }
}

void WebChannel::customerArrived(qint64 customerId)
{
    if (m_away.remove(customerId))
        Q_EMIT wakeRequested(name(), customerId);
}

} // namespace Tandem::Server
