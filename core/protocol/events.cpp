// SPDX-License-Identifier: GPL-3.0-or-later
#include "events.h"

#include "jsonwriter.h"
#include "wirecodec.h"
#include "wirelabels.h"
#include "wireteams.h"

namespace Tandem::Events {
namespace {
Event make(const QString &kind, qint64 conversationId, qint64 customerId, QJsonObject data,
           EventSubject subject = {})
{
    Event e;
    e.kind = kind;
    e.conversationId = conversationId;
    e.customerId = customerId;
    e.data = std::move(data);
    e.subject = std::make_shared<const EventSubject>(std::move(subject));
    return e;
}

//! For the events made for every message and routing step: `data` written straight as
//! JSON text (the wire form is the same).
Event made(const QString &kind, qint64 conversationId, qint64 customerId, QByteArray dataJson,
           EventSubject subject)
{
    Event e = make(kind, conversationId, customerId, {}, std::move(subject));
    e.dataJson = std::move(dataJson);
    return e;
}

//! An event about `conversation`: seen by those who may see it (hub/visibility).
Event tiedTo(Event e, const Conversation &conversation)
{
    e.inboxId = conversation.inboxId;
    e.assigneeId = conversation.assignee ? conversation.assignee->id : 0;
    return e;
}

EventSubject about(const Conversation &conversation)
{
    EventSubject s;
    s.conversation = conversation;
    return s;
}
} // namespace

Event conversationCreated(const Conversation &conversation)
{
    JsonWriter w;
    Wire::write(w.beginObject().key("conversation"), conversation);
    return tiedTo(made(EventKind::ConversationCreated, conversation.id, conversation.customer.id,
                       w.endObject().take(), about(conversation)),
                  conversation);
}

Event messageCreated(const Message &message, const Conversation &conversation)
{
    EventSubject subject;
    subject.message = message;
    JsonWriter w;
    Wire::write(w.beginObject().key("message"), message);
    Event e = tiedTo(made(EventKind::MessageCreated, message.conversationId,
                          conversation.customer.id, w.endObject().take(), std::move(subject)),
                     conversation);
    e.staffOnly = message.isStaffOnly(); // notes and the timeline are never for customers
    return e;
}

Event conversationRead(const Conversation &conversation, const Party &reader, qint64 upTo)
{
    return tiedTo(make(EventKind::ConversationRead, conversation.id, conversation.customer.id,
                       {{QStringLiteral("conversation"), conversation.id},
                        {QStringLiteral("reader"), Wire::encode(reader)},
                        {QStringLiteral("upTo"), upTo}}),
                  conversation);
}

Event agentPresence(qint64 agentId, Presence presence)
{
    EventSubject subject;
    subject.agentId = agentId;
    subject.presence = presence;
    Event e = make(
        EventKind::AgentPresence, 0, 0,
        {{QStringLiteral("agent"), agentId}, {QStringLiteral("presence"), presenceName(presence)}},
        std::move(subject));
    e.staffOnly = true;
    return e;
}

Event conversationUpdated(const Conversation &conversation, const QString &change,
                          const std::optional<Party> &by, qint64 priorAssigneeId)
{
    JsonWriter w; // keys in sorted order
    w.beginObject();
    if (by)
        Wire::write(w.key("by"), *by);
    w.key("change").value(change);
    Wire::write(w.key("conversation"), conversation);
    EventSubject subject = about(conversation);
    subject.change = change;
    Event e = tiedTo(made(EventKind::ConversationUpdated, conversation.id, conversation.customer.id,
                          w.endObject().take(), std::move(subject)),
                     conversation);
    e.priorAssigneeId = priorAssigneeId;
    return e;
}

Event conversationTransferred(const Conversation &conversation, const Party &from, const Party &to,
                              const QString &note)
{
    Event e = make(EventKind::ConversationTransferred, conversation.id, conversation.customer.id,
                   {{QStringLiteral("conversation"), conversation.id},
                    {QStringLiteral("from"), Wire::encode(from)},
                    {QStringLiteral("to"), Wire::encode(to)},
                    {QStringLiteral("note"), note}},
                   about(conversation));
    e = tiedTo(std::move(e), conversation);
    e.priorAssigneeId = from.id;
    e.staffOnly = true;
    return e;
}

namespace {
Event staffOnly(const QString &kind, QJsonObject data, EventSubject subject = {})
{
    Event e = make(kind, 0, 0, std::move(data), std::move(subject));
    e.staffOnly = true;
    return e;
}
} // namespace

Event agentUpdated(const Agent &agent)
{
    EventSubject subject;
    subject.agent = agent;
    return staffOnly(EventKind::AgentUpdated, {{QStringLiteral("agent"), Wire::encode(agent)}},
                     std::move(subject));
}

Event cannedSaved(const CannedResponse &canned)
{
    return staffOnly(EventKind::CannedSaved, {{QStringLiteral("canned"), Wire::encode(canned)}});
}

Event messageDelivery(const Message &message, const Conversation &conversation,
                      const QString &channel, DeliveryState state, const QString &error)
{
    QJsonObject data{{QStringLiteral("message"), message.id},
                     {QStringLiteral("conversation"), message.conversationId},
                     {QStringLiteral("channel"), channel},
                     {QStringLiteral("state"), deliveryStateName(state)}};
    if (!error.isEmpty())
        data.insert(QStringLiteral("error"), error);
    EventSubject subject;
    subject.message = message;
    subject.delivery = state;
    Event e = tiedTo(make(EventKind::MessageDelivery, message.conversationId,
                          conversation.customer.id, data, std::move(subject)),
                     conversation);
    e.staffOnly = true;
    return e;
}

Event cannedDeleted(qint64 id)
{
    return staffOnly(EventKind::CannedDeleted, {{QStringLiteral("id"), id}});
}

Event teamSaved(const Team &team, QHash<qint64, QSet<qint64>> access)
{
    EventSubject subject;
    subject.access = std::move(access);
    subject.team = team;
    return staffOnly(EventKind::TeamSaved, {{QStringLiteral("team"), Wire::encode(team)}},
                     std::move(subject));
}

Event conversationMerged(const Conversation &from, const Conversation &into, const Party &by,
                         const QDateTime &undoUntil)
{
    JsonWriter w; // keys in sorted order
    w.beginObject();
    Wire::write(w.key("by"), by);
    Wire::write(w.key("from"), from);
    Wire::write(w.key("into"), into);
    w.key("undoUntil").time(undoUntil);
    Event e = tiedTo(made(EventKind::ConversationMerged, into.id, into.customer.id,
                          w.endObject().take(), about(into)),
                     into);
    e.staffOnly = true;
    return e;
}

Event conversationUnmerged(const Conversation &from, const Conversation &into, const Party &by)
{
    JsonWriter w;
    w.beginObject();
    Wire::write(w.key("by"), by);
    Wire::write(w.key("from"), from);
    Wire::write(w.key("into"), into);
    Event e = tiedTo(made(EventKind::ConversationUnmerged, into.id, into.customer.id,
                          w.endObject().take(), about(into)),
                     into);
    e.staffOnly = true;
    return e;
}

Event customerUpdated(const Customer &customer, const Conversation &through)
{
    Event e = tiedTo(make(EventKind::CustomerUpdated, through.id, customer.id,
                          {{QStringLiteral("customer"), Wire::encode(customer)}}, about(through)),
                     through);
    e.staffOnly = true;
    return e;
}

Event labelSaved(const Label &label)
{
    return staffOnly(EventKind::LabelSaved, {{QStringLiteral("label"), Wire::encode(label)}});
}

Event labelDeleted(qint64 id)
{
    return staffOnly(EventKind::LabelDeleted, {{QStringLiteral("id"), id}});
}

Event inboxSaved(const Inbox &inbox, QHash<qint64, QSet<qint64>> access)
{
    EventSubject subject;
    subject.access = std::move(access);
    subject.inbox = inbox;
    return staffOnly(EventKind::InboxSaved, {{QStringLiteral("inbox"), Wire::encode(inbox)}},
                     std::move(subject));
}

} // namespace Tandem::Events
