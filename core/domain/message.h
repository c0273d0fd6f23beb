// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery.h"
#include "party.h"

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace Tandem {

//! A message written in a conversation. `clientId` is chosen by the writer and makes a
//! retried send return the original message instead of a second copy.
struct Message {
    qint64 id = 0;
    qint64 conversationId = 0;
    QUuid clientId;
    Party author;
    QString text;
    QDateTime createdAt;
    //! How far a reply got through its channel, as staff see it (unset: not known here, or
    //! not a reply); `deliveryError` says why a failed one did not go.
    std::optional<DeliveryState> delivery;
    QString deliveryError;

    bool operator==(const Message &o) const
    {
        return id == o.id && conversationId == o.conversationId && clientId == o.clientId
               && author == o.author && text == o.text && createdAt == o.createdAt
               && delivery == o.delivery && deliveryError == o.deliveryError;
    }
};

} // namespace Tandem
