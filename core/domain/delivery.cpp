// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery.h"

namespace Tandem {

QString deliveryStateName(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Queued:
        return QStringLiteral("queued");
    case DeliveryState::Sent:
        return QStringLiteral("sent");
    case DeliveryState::Delivered:
        return QStringLiteral("delivered");
    case DeliveryState::Read:
        return QStringLiteral("read");
    case DeliveryState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("queued");
}

std::optional<DeliveryState> deliveryStateFromName(const QString &name)
{
    for (DeliveryState s : {DeliveryState::Queued, DeliveryState::Sent, DeliveryState::Delivered,
                            DeliveryState::Read, DeliveryState::Failed}) {
        if (deliveryStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace Tandem
