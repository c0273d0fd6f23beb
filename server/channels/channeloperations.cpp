// SPDX-License-Identifier: GPL-3.0-or-later
#include "channeloperations.h"

#include "conversations/staffnotice.h"
#include "conversations/statuschanges.h"

#include "protocol/events.h"
#include "protocol/limits.h"

#include <QUuid>
#include <algorithm>

namespace Tandem::Server::ChannelOperations {
namespace {

//! The most replies one acknowledgement moves (each is an event).
constexpr int MaxAcknowledged = 200;

QString newAddress()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

//! Saves `record`; a change of state is a `message.delivery` event. `conversation`: the
//! reply's, when the caller has it (else it is read).
Result<OutboundRecord> changed(Store &store, OutboundRecord record, DeliveryState before,
                               std::optional<Conversation> conversation = std::nullopt)
{
    if (auto updated = store.updateOutbound(record); !updated)
        return storageFailed(updated.failure());
    if (record.state == before)
        return record;
    const auto message = store.message(record.messageId);
    if (!message)
        return storageFailed(message.failure());
    if (!conversation) {
        const auto read = store.conversation(message->conversationId);
        if (!read)
            return storageFailed(read.failure());
        conversation = read.value();
    }
    Event e = Events::messageDelivery(message.value(), *conversation, record.channel, record.state,
                                      record.lastError);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return record;
}

} // namespace

Result<Inbox> inboxOf(Store &store, const QString &channel, qint64 inboxId)
{
    if (inboxId) {
        const auto inbox = store.inbox(inboxId);
        if (!inbox && !inbox.isNotFound())
            return storageFailed(inbox.failure());
        if (!inbox || inbox->channel != channel)
            return Failure{ErrorCode::NotFound,
                           QStringLiteral("No %1 inbox %2").arg(channel).arg(inboxId)};
        return inbox.value();
    }
    const auto all = store.inboxes();
    if (!all)
        return storageFailed(all.failure());
    for (const Inbox &inbox : all.value())
        if (inbox.channel == channel)
            return inbox;
    return Failure{ErrorCode::InvalidState,
                   QStringLiteral("No inbox takes %1 messages").arg(channel)};
}

Result<Received> receive(Store &store, const InboundMessage &inbound)
{
    if (inbound.channel.isEmpty() || inbound.channel == web() || inbound.address.isEmpty()
        || inbound.externalId.isEmpty())
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("An inbound message needs a channel, an address and an id")};
    if (inbound.text.trimmed().isEmpty() || inbound.text.size() > Protocol::MaxTextChars)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("An inbound message needs text of at most %1 characters")
                           .arg(Protocol::MaxTextChars)};
    // Each external id is taken once: a webhook delivered twice, a mail fetched again.
    const auto seen = store.inboundMessage(inbound.channel, inbound.externalId);
    if (seen) {
        const auto message = store.message(seen.value());
        if (!message)
            return storageFailed(message.failure());
        const auto conversation = store.conversation(message->conversationId);
        if (!conversation)
            return storageFailed(conversation.failure());
        return Received{message.value(), conversation.value(), true, false};
    }
    if (!seen.isNotFound())
        return storageFailed(seen.failure());

    const auto customer = customerAt(store, inbound.channel, inbound.address, inbound.name);
    if (!customer)
        return storageFailed(customer.failure());
    const QDateTime now = store.now();
    Received r;
    const auto inbox = inboxOf(store, inbound.channel, inbound.inboxId);
    if (!inbox)
        return inbox.failure();
    Stored<Conversation> open = StoreFailure{StoreError::NotFound, QString()};
    if (inbound.conversationId && *inbound.conversationId) {
        open = store.conversation(*inbound.conversationId);
        if (open && open->inboxId != inbox->id)
            return Failure{ErrorCode::NotFound, QStringLiteral("No conversation %1 in inbox %2")
                                                    .arg(*inbound.conversationId)
                                                    .arg(inbox->id)};
        if (!open)
            return storageFailed(open.failure());
    } else if (!inbound.conversationId) {
        open = store.openConversationIn(customer->id, inbox->id);
    }
    if (open) {
        r.conversation = open.value();
    } else if (open.isNotFound()) {
        Conversation fresh;
        fresh.customer = customer.value();
        fresh.channel = inbound.channel;
        fresh.inboxId = inbox->id;
        fresh.createdAt = now;
        fresh.updatedAt = now;
        auto created = store.createConversation(fresh);
        if (!created)
            return storageFailed(created.failure());
        r.conversation = created.value();
        r.startedConversation = true;
        Event e = Events::conversationCreated(r.conversation);
        if (auto appended = store.appendEvent(e); !appended)
            return storageFailed(appended.failure());
    } else {
        return storageFailed(open.failure());
    }

    Message message;
    message.conversationId = r.conversation.id;
    message.clientId = QUuid::createUuid();
    // One of the people copied in on an email thread writes as themselves.
    message.author = Party{Party::Kind::Customer, customer->id, customer->name};
    message.text = inbound.text;
    message.email = inbound.email;
    message.createdAt = now;
    auto inserted = store.insertMessage(message);
    if (!inserted)
        return storageFailed(inserted.failure());
    r.message = inserted.value();
    r.conversation.updatedAt = now;
    if (auto recorded = store.recordInbound(inbound.channel, inbound.externalId, r.message.id);
        !recorded)
        return storageFailed(recorded.failure());
    // A person's message starts their wait for an answer (docs/protocol.md, "SLA"); a
    // machine's does not.
    if (!inbound.automatic && !r.conversation.sla.awaitingSince.isValid()) {
        r.conversation.sla.customerWrote(now);
        if (auto noted = StaffNotice::record(store, r.conversation, Events::Change::Waiting,
                                             r.message.author);
            !noted)
            return noted.failure();
    }
    Event e = Events::messageCreated(r.message, r.conversation);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    // What the customer writes brings a snoozed or pending conversation back.
    auto woken = StatusChanges::customerWrote(store, r.conversation, inbound.automatic);
    if (!woken)
        return woken.failure();
    r.conversation = woken.value();
    return r;
}

Stored<Customer> customerAt(Store &store, const QString &channel, const QString &address,
                            const QString &name)
{
    const auto known = store.customerByIdentity(channel, address);
    if (known)
        return known.value();
    if (!known.isNotFound())
        return known.failure();
    Customer fresh{0, name.trimmed().isEmpty() ? address : name.trimmed(),
                   channel == QLatin1String("email") ? address : QString()};
    // Not reachable through the web widget: the token is random and never handed out.
    const QByteArray token = QUuid::createUuid().toRfc4122() + QUuid::createUuid().toRfc4122();
    auto created = store.createCustomer(fresh, token);
    if (!created)
        return created.failure();
    if (auto added = store.addIdentity(channel, address, created->id); !added)
        return added.failure();
    return created.value();
}

Result<QString> webAddress(Store &store, qint64 customerId)
{
    const auto known = store.addressOf(customerId, web());
    if (known)
        return known.value();
    if (!known.isNotFound())
        return storageFailed(known.failure());
    const QString address = newAddress();
    if (auto added = store.addIdentity(web(), address, customerId); !added)
        return storageFailed(added.failure());
    return address;
}

namespace {

//! Where the conversation's customer is reached on its channel (on the web, made if new).
Result<QString> addressOn(Store &store, const Conversation &conversation)
{
    if (conversation.channel == web())
        return webAddress(store, conversation.customer.id);
    const auto known = store.addressOf(conversation.customer.id, conversation.channel);
    if (known)
        return known.value();
    if (!known.isNotFound())
        return storageFailed(known.failure());
    return Failure{
        ErrorCode::InvalidState,
        QStringLiteral("This customer cannot be reached on %1").arg(conversation.channel)};
}

} // namespace

Result<Done> queueReply(Store &store, const Message &message, const Conversation &conversation)
{
    if (message.author.kind == Party::Kind::Customer || message.isStaffOnly())
        return Done{}; // only replies go out
    const auto address = addressOn(store, conversation);
    if (!address)
        return address.failure();
    OutboundRecord record;
    record.messageId = message.id;
    record.channel = conversation.channel;
    record.address = address.value();
    record.nextAttemptAt = store.now();
    if (auto queued = store.queueOutbound(record); !queued)
        return storageFailed(queued.failure());
    Event e =
        Events::messageDelivery(message, conversation, record.channel, DeliveryState::Queued, {});
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return Done{};
}

std::chrono::milliseconds RetryPolicy::after(int attempt) const
{
    const int doublings = std::clamp(attempt - 1, 0, 30);
    const qint64 wait = first.count() << std::min(doublings, 20);
    return std::chrono::milliseconds(std::min<qint64>(wait, longest.count()));
}

Result<OutboundRecord> recordOutcome(Store &store, qint64 messageId, const DeliveryOutcome &outcome,
                                     const RetryPolicy &policy)
{
    auto current =
        forClient(store.outbound(messageId), QStringLiteral("No such reply in the queue"));
    if (!current)
        return current.failure();
    OutboundRecord record = current.value();
    const DeliveryState before = record.state;
    if (before != DeliveryState::Queued)
        return record; // an answer to an attempt that was settled meanwhile
    if (outcome.kind != DeliveryOutcome::Kind::Away)
        record.attempts += 1;
    switch (outcome.kind) {
    case DeliveryOutcome::Kind::Away:
        record.nextAttemptAt = OutboundRecord::whenWoken();
        break;
    case DeliveryOutcome::Kind::Sent:
        record.state = DeliveryState::Sent;
        record.externalId = outcome.externalId;
        record.lastError.clear();
        break;
    case DeliveryOutcome::Kind::Retry:
        record.lastError = outcome.error;
        if (record.attempts >= policy.attempts)
            record.state = DeliveryState::Failed;
        else
            record.nextAttemptAt = store.now().addMSecs(policy.after(record.attempts).count());
        break;
    case DeliveryOutcome::Kind::Failed:
        record.state = DeliveryState::Failed;
        record.lastError = outcome.error;
        break;
    }
    return changed(store, record, before);
}

Result<int> wake(Store &store, const QString &channel, qint64 customerId)
{
    auto woken = store.wakeOutbound(channel, customerId, store.now());
    if (!woken)
        return storageFailed(woken.failure());
    return woken.value();
}

Result<int> acknowledge(Store &store, const Conversation &conversation, qint64 after, qint64 upTo,
                        DeliveryState state)
{
    if (state != DeliveryState::Delivered && state != DeliveryState::Read)
        return Failure{ErrorCode::BadRequest, QStringLiteral("Only delivered or read")};
    auto behind = store.outboundBefore(conversation.id, after, upTo, state, MaxAcknowledged);
    if (!behind)
        return storageFailed(behind.failure());
    for (OutboundRecord record : std::as_const(behind.value())) {
        const DeliveryState before = record.state;
        record.state = state;
        if (auto moved = changed(store, record, before, conversation); !moved)
            return moved.failure();
    }
    return int(behind->size());
}

namespace {

//! The reply a channel's later report names by the channel's own id for it.
Result<OutboundRecord> reported(Store &store, const QString &channel, const QString &externalId)
{
    if (externalId.isEmpty())
        return Failure{ErrorCode::BadRequest, QStringLiteral("A delivery report needs the id")};
    return forClient(store.outboundByExternalId(channel, externalId),
                     QStringLiteral("No reply with that id"));
}

} // namespace

Result<OutboundRecord> reportDelivery(Store &store, const QString &channel,
                                      const QString &externalId, DeliveryState state)
{
    auto current = reported(store, channel, externalId);
    if (!current)
        return current.failure();
    OutboundRecord record = current.value();
    const DeliveryState before = record.state;
    if (state <= before) // Failed is the last state: nothing moves on from it either
        return record;
    record.state = state;
    return changed(store, record, before);
}

Result<OutboundRecord> reportFailure(Store &store, const QString &channel,
                                     const QString &externalId, const QString &why)
{
    auto current = reported(store, channel, externalId);
    if (!current)
        return current.failure();
    OutboundRecord record = current.value();
    const DeliveryState before = record.state;
    if (before == DeliveryState::Failed)
        return record;
    record.state = DeliveryState::Failed;
    record.lastError = why.left(Protocol::MaxTextChars);
    return changed(store, record, before);
}

} // namespace Tandem::Server::ChannelOperations
