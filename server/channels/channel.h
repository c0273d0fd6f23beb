// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/conversation.h"
#include "domain/message.h"
#include "store/store.h"

#include <QString>
#include <functional>

namespace Tandem::Server {

//! A reply for a channel to send: the queue's record, the message, and its conversation.
struct OutboundItem {
    OutboundRecord record;
    Message message;
    Conversation conversation;
};

//! What became of one attempt to send.
struct DeliveryOutcome {
    enum class Kind {
        Sent,  //!< the channel took it (`externalId` is its id for it)
        Retry, //!< not now (network, a rate limit, the far end busy): try again later
        Away,  //!< the customer cannot be reached until they come back (the web widget,
               //!< closed): held, not counted as an attempt, until the channel wakes it
        Failed //!< never (the address is wrong, the content refused): stop trying
    };
    Kind kind = Kind::Retry;
    QString externalId;
    QString error; //!< for staff: why it did not go
};

//! One way of reaching customers: the web widget, email, WhatsApp, Telegram.
//!
//! Inbound, a channel (a webhook route or a poller) turns what arrives into an
//! InboundMessage and hands it to ChannelOperations::receive, which finds or makes the
//! customer by their address, keeps each external id once, and files the message.
//! Outbound, agents' replies in the channel's conversations are queued durably with the
//! reply itself (ChannelOperations::queueReply); the OutboundQueue hands each to the
//! channel's deliver(), retries with backoff, and records each change of delivery state
//! as a `message.delivery` event. Implementations live in channels/<name>/.
class Channel
{
public:
    virtual ~Channel() = default;
    //! The channel's name as conversations and identities carry it ("email", …).
    virtual QString name() const = 0;
    //! Sends one reply; calls `done` exactly once, on the caller's thread, even on failure.
    virtual void deliver(const OutboundItem &item, std::function<void(DeliveryOutcome)> done) = 0;
    //! When the queue starts: the customers who have replies held for them on this channel
    //! (DeliveryOutcome::Kind::Away) since before a restart. Only channels that hold use it.
    virtual void holding(const QList<qint64> &customers) { Q_UNUSED(customers) }
};

} // namespace Tandem::Server
