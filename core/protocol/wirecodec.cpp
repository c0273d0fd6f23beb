// SPDX-License-Identifier: GPL-3.0-or-later
#include "wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "fieldreader.h"
#include "jsonwriter.h"
#include "limits.h"

namespace Tandem::Wire {

QString timeToString(const QDateTime &time)
{
    return time.isValid() ? QString::fromLatin1(JsonWriter::isoTime(time)) : QString();
}

QJsonObject encode(const Party &party)
{
    QJsonObject o{{QStringLiteral("kind"), partyKindName(party.kind)},
                  {QStringLiteral("id"), party.id}};
    if (!party.name.isEmpty())
        o.insert(QStringLiteral("name"), party.name);
    return o;
}

QJsonObject encode(const Customer &customer)
{
    return {{QStringLiteral("id"), customer.id},
            {QStringLiteral("name"), customer.name},
            {QStringLiteral("email"), customer.email}};
}

QJsonObject encode(const Conversation &c)
{
    QJsonObject o{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("customer"), QJsonObject{{QStringLiteral("id"), c.customer.id},
                                                 {QStringLiteral("name"), c.customer.name}}},
        {QStringLiteral("channel"), c.channel},
        {QStringLiteral("inbox"), c.inboxId},
        {QStringLiteral("status"), c.status},
        {QStringLiteral("createdAt"), timeToString(c.createdAt)},
        {QStringLiteral("updatedAt"), timeToString(c.updatedAt)},
        {QStringLiteral("mode"), modeName(c.mode)},
        {QStringLiteral("priority"), c.priority}};
    QJsonArray labels;
    for (qint64 label : c.labels)
        labels.append(label);
    o.insert(QStringLiteral("labels"), labels);
    if (c.liveState != LiveState::None)
        o.insert(QStringLiteral("liveState"), liveStateName(c.liveState));
    if (c.assignee)
        o.insert(QStringLiteral("assignee"), encode(*c.assignee));
    const auto putTime = [&o](const char *key, const QDateTime &t) {
        if (t.isValid())
            o.insert(QLatin1String(key), timeToString(t));
    };
    putTime("queuedAt", c.queuedAt);
    putTime("assignedAt", c.assignedAt);
    putTime("endedAt", c.endedAt);
    putTime("snoozedUntil", c.snoozedUntil);
    putTime("firstReplyAt", c.firstReplyAt);
    putTime("promisedBy", c.promisedBy);
    putTime("promiseAnsweredAt", c.promiseAnsweredAt);
    if (c.mergedInto) {
        o.insert(QStringLiteral("mergedInto"), c.mergedInto);
        putTime("mergedAt", c.mergedAt);
    }
    if (!c.wokeBecause.isEmpty())
        o.insert(QStringLiteral("wokeBecause"), c.wokeBecause);
    if (!c.sla.isEmpty())
        o.insert(QStringLiteral("sla"), SlaRecordJson::encode(c.sla));
    if (c.rating)
        o.insert(QStringLiteral("rating"),
                 QJsonObject{{QStringLiteral("score"), c.rating->score},
                             {QStringLiteral("comment"), c.rating->comment}});
    return o;
}

QJsonObject encode(const Message &m)
{
    QJsonObject o{{QStringLiteral("id"), m.id},
                  {QStringLiteral("conversation"), m.conversationId},
                  {QStringLiteral("clientId"), m.clientId.toString(QUuid::WithoutBraces)},
                  {QStringLiteral("author"), encode(m.author)},
                  {QStringLiteral("text"), m.text},
                  {QStringLiteral("createdAt"), timeToString(m.createdAt)}};
    if (m.delivery) {
        QJsonObject delivery{{QStringLiteral("state"), deliveryStateName(*m.delivery)}};
        if (!m.deliveryError.isEmpty())
            delivery.insert(QStringLiteral("error"), m.deliveryError);
        o.insert(QStringLiteral("delivery"), delivery);
    }
    if (m.kind != MessageKind::Ordinary)
        o.insert(QStringLiteral("kind"), messageKindName(m.kind));
    if (!m.mentions.isEmpty()) {
        QJsonArray mentions;
        for (qint64 id : m.mentions)
            mentions.append(id);
        o.insert(QStringLiteral("mentions"), mentions);
    }
    if (!m.activity.isEmpty())
        o.insert(QStringLiteral("activity"), m.activity);
    if (!m.email.isEmpty())
        o.insert(QStringLiteral("email"), m.email);
    if (m.mergedFrom)
        o.insert(QStringLiteral("mergedFrom"), m.mergedFrom);
    return o;
}

QJsonObject encode(const Agent &a, AgentDetail detail)
{
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("name"), a.name},
                  {QStringLiteral("role"), roleName(a.role)},
                  {QStringLiteral("presence"), presenceName(a.presence)},
                  {QStringLiteral("capacity"), a.capacity},
                  {QStringLiteral("autoAccept"), a.autoAccept},
                  {QStringLiteral("asyncCapacity"), a.asyncCapacity}};
    if (detail == AgentDetail::WithEmail)
        o.insert(QStringLiteral("email"), a.email);
    return o;
}

QJsonObject encode(const CannedResponse &canned)
{
    return {{QStringLiteral("id"), canned.id},
            {QStringLiteral("shortcut"), canned.shortcut},
            {QStringLiteral("text"), canned.text},
            {QStringLiteral("updatedAt"), timeToString(canned.updatedAt)}};
}

// The writers below put keys in sorted order, as QJsonDocument does: the same text as
// encode() and QJsonDocument make (the codec tests compare them).

void write(JsonWriter &w, const Party &party)
{
    w.beginObject().key("id").value(party.id).key("kind").value(partyKindName(party.kind));
    if (!party.name.isEmpty())
        w.key("name").value(party.name);
    w.endObject();
}

void write(JsonWriter &w, const Conversation &c)
{
    w.beginObject();
    if (c.assignedAt.isValid())
        w.key("assignedAt").time(c.assignedAt);
    if (c.assignee)
        write(w.key("assignee"), *c.assignee);
    w.key("channel").value(c.channel);
    w.key("createdAt").time(c.createdAt);
    w.key("customer")
        .beginObject()
        .key("id")
        .value(c.customer.id)
        .key("name")
        .value(c.customer.name)
        .endObject();
    if (c.endedAt.isValid())
        w.key("endedAt").time(c.endedAt);
    if (c.firstReplyAt.isValid())
        w.key("firstReplyAt").time(c.firstReplyAt);
    w.key("id").value(c.id);
    w.key("inbox").value(c.inboxId);
    w.key("labels").beginArray();
    for (qint64 label : c.labels)
        w.value(label);
    w.endArray();
    if (c.liveState != LiveState::None)
        w.key("liveState").value(liveStateName(c.liveState));
    if (c.mergedInto) {
        w.key("mergedAt").time(c.mergedAt);
        w.key("mergedInto").value(c.mergedInto);
    }
    w.key("mode").value(modeName(c.mode));
    w.key("priority").value(c.priority);
    if (c.promiseAnsweredAt.isValid())
        w.key("promiseAnsweredAt").time(c.promiseAnsweredAt);
    if (c.promisedBy.isValid())
        w.key("promisedBy").time(c.promisedBy);
    if (c.queuedAt.isValid())
        w.key("queuedAt").time(c.queuedAt);
    if (c.rating)
        w.key("rating")
            .beginObject()
            .key("comment")
            .value(c.rating->comment)
            .key("score")
            .value(c.rating->score)
            .endObject();
    if (!c.sla.isEmpty())
        w.key("sla").raw(
            QJsonDocument(SlaRecordJson::encode(c.sla)).toJson(QJsonDocument::Compact));
    if (c.snoozedUntil.isValid())
        w.key("snoozedUntil").time(c.snoozedUntil);
    w.key("status").value(c.status);
    w.key("updatedAt").time(c.updatedAt);
    if (!c.wokeBecause.isEmpty())
        w.key("wokeBecause").value(c.wokeBecause);
    w.endObject();
}

void write(JsonWriter &w, const Message &m)
{
    w.beginObject();
    if (!m.activity.isEmpty())
        w.key("activity").value(QJsonValue(m.activity));
    write(w.key("author"), m.author);
    w.key("clientId").value(m.clientId.toString(QUuid::WithoutBraces));
    w.key("conversation").value(m.conversationId);
    w.key("createdAt").time(m.createdAt);
    if (m.delivery) {
        w.key("delivery").beginObject();
        if (!m.deliveryError.isEmpty())
            w.key("error").value(m.deliveryError);
        w.key("state").value(deliveryStateName(*m.delivery)).endObject();
    }
    if (!m.email.isEmpty())
        w.key("email").value(QJsonValue(m.email));
    w.key("id").value(m.id);
    if (m.kind != MessageKind::Ordinary)
        w.key("kind").value(messageKindName(m.kind));
    if (!m.mentions.isEmpty()) {
        w.key("mentions").beginArray();
        for (qint64 id : m.mentions)
            w.value(id);
        w.endArray();
    }
    if (m.mergedFrom)
        w.key("mergedFrom").value(m.mergedFrom);
    w.key("text").value(m.text);
    w.endObject();
}

Result<Party> decodeParty(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("party"));
    Party p;
    const QString kind = r.string("kind", 1, 16);
    if (r.ok()) {
        if (kind == QLatin1String("agent"))
            p.kind = Party::Kind::Agent;
        else if (kind == QLatin1String("customer"))
            p.kind = Party::Kind::Customer;
        else if (kind == QLatin1String("system"))
            p.kind = Party::Kind::System;
        else
            r.fail("kind", QStringLiteral("must be agent, customer or system"));
    }
    // The helpdesk itself has id 0 (docs/protocol.md, "Party"); everyone else a real id.
    if (r.ok() && p.kind == Party::Kind::System)
        p.id = r.integer("id", 0, 0);
    else
        p.id = r.id("id");
    p.name = r.optionalString("name", 0, Protocol::MaxNameChars).value_or(QString());
    if (!r.ok())
        return r.failure();
    return p;
}

Result<Customer> decodeCustomer(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("customer"));
    Customer c;
    c.id = r.id("id");
    c.name = r.string("name", 0, Protocol::MaxNameChars);
    c.email = r.optionalString("email", 0, Protocol::MaxEmailChars).value_or(QString());
    if (!r.ok())
        return r.failure();
    return c;
}

Result<Conversation> decodeConversation(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("conversation"));
    Conversation c;
    c.id = r.id("id");
    const QJsonObject customer = r.object("customer");
    c.channel = r.string("channel", 1, 32);
    // Absent from servers that predate inboxes: 0, no inbox known.
    c.inboxId = r.optionalInteger("inbox", 0, Protocol::MaxId).value_or(0);
    c.status = r.string("status", 1, 32);
    c.createdAt = r.time("createdAt");
    c.updatedAt = r.time("updatedAt");
    // Live-chat fields are optional so protocol-1 peers that predate them still decode.
    const QString mode = r.optionalString("mode", 1, 16).value_or(QStringLiteral("async"));
    const auto liveState = r.optionalString("liveState", 1, 16);
    const auto assignee = r.optionalObject("assignee");
    c.priority = int(r.optionalInteger("priority", 0, Protocol::MaxPriority).value_or(0));
    c.queuedAt = r.optionalTime("queuedAt");
    c.assignedAt = r.optionalTime("assignedAt");
    c.endedAt = r.optionalTime("endedAt");
    c.snoozedUntil = r.optionalTime("snoozedUntil");
    c.firstReplyAt = r.optionalTime("firstReplyAt");
    c.promisedBy = r.optionalTime("promisedBy");
    c.promiseAnsweredAt = r.optionalTime("promiseAnsweredAt");
    c.mergedInto = r.optionalInteger("mergedInto", 1, Protocol::MaxId).value_or(0);
    c.mergedAt = r.optionalTime("mergedAt");
    c.wokeBecause = r.optionalString("wokeBecause", 1, 16).value_or(QString());
    // Absent from servers that predate labels.
    c.labels =
        r.optionalIds("labels", Protocol::MaxLabelsPerConversation).value_or(QList<qint64>());
    const auto rating = r.optionalObject("rating");
    const auto sla = r.optionalObject("sla");
    if (!r.ok())
        return r.failure();
    if (sla) {
        auto record = SlaRecordJson::decode(*sla);
        if (!record)
            return record.failure();
        c.sla = record.value();
    }
    const auto parsedMode = modeFromName(mode);
    if (!parsedMode)
        r.fail("mode", QStringLiteral("must be live or async"));
    else
        c.mode = *parsedMode;
    if (liveState) {
        const auto parsed = liveStateFromName(*liveState);
        if (!parsed)
            r.fail("liveState", QStringLiteral("must be queued, active or ended"));
        else
            c.liveState = *parsed;
    }
    if (!r.ok())
        return r.failure();
    FieldReader cr(customer, QStringLiteral("conversation.customer"));
    c.customer.id = cr.id("id");
    c.customer.name = cr.string("name", 0, Protocol::MaxNameChars);
    if (!cr.ok())
        return cr.failure();
    if (assignee) {
        auto party = decodeParty(*assignee);
        if (!party)
            return party.failure();
        c.assignee = party.value();
    }
    if (rating) {
        FieldReader rr(*rating, QStringLiteral("conversation.rating"));
        Rating value;
        value.score = int(rr.integer("score", 1, 5));
        value.comment = rr.optionalString("comment", 0, Protocol::MaxNoteChars).value_or(QString());
        if (!rr.ok())
            return rr.failure();
        c.rating = value;
    }
    return c;
}

Result<Message> decodeMessage(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("message"));
    Message m;
    m.id = r.id("id");
    m.conversationId = r.id("conversation");
    m.clientId = r.uuid("clientId");
    const QJsonObject author = r.object("author");
    m.text = r.string("text", 1, Protocol::MaxTextChars);
    m.createdAt = r.time("createdAt");
    const QString kind = r.optionalString("kind", 1, 16).value_or(QStringLiteral("message"));
    m.activity = r.optionalObject("activity").value_or(QJsonObject());
    m.email = r.optionalObject("email").value_or(QJsonObject());
    m.mergedFrom = r.optionalInteger("mergedFrom", 1, Protocol::MaxId).value_or(0);
    if (!r.ok())
        return r.failure();
    // A kind this version does not know is kept from view as staff-only, never shown as
    // something the customer said.
    m.kind = messageKindFromName(kind).value_or(MessageKind::Activity);
    const QJsonArray mentions = json.value(QLatin1String("mentions")).toArray();
    for (const QJsonValue &v : mentions) {
        const qint64 id = v.toInteger(0);
        if (id > 0 && id <= Protocol::MaxId)
            m.mentions.append(id);
    }
    auto party = decodeParty(author);
    if (!party)
        return party.failure();
    m.author = party.value();
    // Staff's copies of replies say how far they got; a state this version does not know
    // is left out rather than refusing the message.
    const QJsonObject delivery = json.value(QLatin1String("delivery")).toObject();
    m.delivery = deliveryStateFromName(delivery.value(QLatin1String("state")).toString());
    if (m.delivery)
        m.deliveryError =
            delivery.value(QLatin1String("error")).toString().left(Protocol::MaxTextChars);
    return m;
}

Result<Agent> decodeAgent(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("agent"));
    Agent a;
    a.id = r.id("id");
    a.name = r.string("name", 0, Protocol::MaxNameChars);
    a.email = r.optionalString("email", 0, Protocol::MaxEmailChars).value_or(QString());
    const QString role = r.string("role", 1, 16);
    const QString presence = r.string("presence", 1, 16);
    a.capacity =
        int(r.optionalInteger("capacity", 0, Agent::MaxCapacity).value_or(Agent::DefaultCapacity));
    a.autoAccept = r.optionalBoolean("autoAccept").value_or(false);
    a.asyncCapacity = int(r.optionalInteger("asyncCapacity", 0, Agent::MaxAsyncCapacity)
                              .value_or(Agent::DefaultAsyncCapacity));
    if (!r.ok())
        return r.failure();
    const auto parsedRole = roleFromName(role);
    if (!parsedRole)
        r.fail("role", QStringLiteral("must be agent, supervisor or admin"));
    const auto parsedPresence = presenceFromName(presence);
    if (!parsedPresence)
        r.fail("presence", QStringLiteral("must be online, away, busy or offline"));
    if (!r.ok())
        return r.failure();
    a.role = *parsedRole;
    a.presence = *parsedPresence;
    return a;
}

Result<CannedResponse> decodeCanned(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("canned"));
    CannedResponse c;
    c.id = r.id("id");
    c.shortcut = r.string("shortcut", 1, Protocol::MaxShortcutChars);
    c.text = r.string("text", 1, Protocol::MaxTextChars);
    c.updatedAt = r.time("updatedAt");
    if (!r.ok())
        return r.failure();
    return c;
}

} // namespace Tandem::Wire
