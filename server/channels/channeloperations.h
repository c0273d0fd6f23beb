// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channel.h"
#include "protocol/result.h"

#include <chrono>

//! Channels' changes as transactions over a Store (run on the storage thread inside the
//! caller's transaction, with the events they cause).
namespace Tandem::Server::ChannelOperations {

//! The web widget's channel name.
inline QString web()
{
    return QStringLiteral("web");
}

//! The address a web widget customer has on the `web` channel, made when they have none
//! (every customer the widget creates gets one with the customer).
Result<QString> webAddress(Store &store, qint64 customerId);

//! The customer at `address` on `channel`, made (with that identity, named `name` or else
//! the address) when new.
Stored<Customer> customerAt(Store &store, const QString &channel, const QString &address,
                            const QString &name);

//! A message as a channel received it.
struct InboundMessage {
    QString channel;    //!< "email", "whatsapp", …
    QString address;    //!< who sent it, as the channel knows them
    QString name;       //!< their name, if the channel gives one (else the address)
    QString externalId; //!< the channel's id for this message: each is taken once
    QString text;
    qint64 inboxId = 0; //!< the inbox it came to (0: the channel's first)
    //! Sent by a machine (an out-of-office reply, a bounce): it wakes nothing.
    bool automatic = false;
    //! Where it goes: unset, the customer's open conversation in the inbox (opened when
    //! none); 0, a new conversation; else that conversation of the inbox (the thread an
    //! email answers), whoever of its people wrote it, reopened if it was resolved.
    std::optional<qint64> conversationId = std::nullopt;
    //! Kept with the message (Message::email).
    QJsonObject email = {};
};

//! The inbox of `channel` with this id, or (`inboxId` 0) the channel's first one: NotFound
//! for an id that is no inbox of that channel, InvalidState when the channel has none.
Result<Inbox> inboxOf(Store &store, const QString &channel, qint64 inboxId);

struct Received {
    Message message;
    Conversation conversation;
    bool duplicate = false;           //!< seen before: nothing new was filed
    bool startedConversation = false; //!< it opened a new conversation
};

//! Files an inbound message: the customer by their address on the channel (made when new),
//! their open conversation on the channel (opened when none), the message. The same
//! external id a second time gives the first result back, with `duplicate` set.
Result<Received> receive(Store &store, const InboundMessage &inbound);

//! Queues a reply (an agent's or the system's, not a customer's message) to go out through
//! its conversation's channel, and records `message.delivery` queued. Done also when there
//! is nothing to queue.
Result<Done> queueReply(Store &store, const Message &message, const Conversation &conversation);

//! How soon a reply that could not go is tried again, and how often.
struct RetryPolicy {
    std::chrono::milliseconds first{30000};
    std::chrono::milliseconds longest{std::chrono::hours(1)};
    int attempts = 8;
    //! The wait after `attempt` (1-based) failed attempts.
    std::chrono::milliseconds after(int attempt) const;
};

//! Records what became of an attempt: sent, a retry later, or failed (also after the last
//! allowed attempt); a change of state is a `message.delivery` event.
Result<OutboundRecord> recordOutcome(Store &store, qint64 messageId, const DeliveryOutcome &outcome,
                                     const RetryPolicy &policy);

//! The customer is back: their replies on `channel` held by DeliveryOutcome::Kind::Away
//! are due now. How many there were.
Result<int> wake(Store &store, const QString &channel, qint64 customerId);

//! The customer's side reports that it has the replies of a conversation after message
//! `after` up to message `upTo` (`Delivered`) or has read them (`Read`): each that had not
//! got that far moves there, with a `message.delivery` event. How many moved.
Result<int> acknowledge(Store &store, const Conversation &conversation, qint64 after, qint64 upTo,
                        DeliveryState state);

//! A later report from the channel (delivered, read) about a reply it took; reports that
//! would move the state backwards (read, then delivered) are ignored.
Result<OutboundRecord> reportDelivery(Store &store, const QString &channel,
                                      const QString &externalId, DeliveryState state);

//! The channel reports later that a reply it took never arrived (an email's bounce): it is
//! failed, with `why`, whatever state it had reached. NotFound for an id it never took.
Result<OutboundRecord> reportFailure(Store &store, const QString &channel,
                                     const QString &externalId, const QString &why);

} // namespace Tandem::Server::ChannelOperations
