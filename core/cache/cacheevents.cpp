// SPDX-License-Identifier: GPL-3.0-or-later
#include "cacheevents.h"

#include "cachelogging.h"
#include "cachetables.h"
#include "protocol/fieldreader.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"
#include "protocol/wirelabels.h"
#include "protocol/wireteams.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tandem {
namespace {

// The wire's conversation carries the customer's id and name; keep an email if one comes.
QString customerEmail(const QJsonObject &conversation)
{
    const QJsonValue email =
        conversation.value(QLatin1String("customer")).toObject().value(QLatin1String("email"));
    const QString s = email.toString();
    return s.size() <= Protocol::MaxEmailChars ? s : QString();
}

} // namespace

CacheEvents::CacheEvents(CacheTables &tables)
    : m_tables(tables)
{
}

bool CacheEvents::applyEvent(CacheChanges &changes, const Event &event)
{
    if (event.seq <= changes.seq)
        return true; // already applied: a replay overlapping what the cache has
    bool ok = true;
    // Off the wire an event carries `data`; one made in this process may carry only its
    // text.
    const QJsonObject data = event.data.isEmpty() && !event.dataJson.isEmpty()
                                 ? QJsonDocument::fromJson(event.dataJson).object()
                                 : event.data;
    if (event.kind == EventKind::MessageCreated) {
        const auto message = Wire::decodeMessage(data.value(QLatin1String("message")).toObject());
        if (message)
            ok = applyMessage(changes, message.value());
        else
            qCWarning(lcCache) << "ignoring event" << event.seq << event.kind << "that does not"
                               << "decode:" << message.failure().message;
    } else if (event.kind == EventKind::ConversationCreated) {
        ok = applyConversationCreated(changes, data);
    } else if (event.kind == EventKind::ConversationRead) {
        ok = applyConversationRead(changes, data);
    } else if (event.kind == EventKind::MessageDelivery) {
        ok = applyMessageDelivery(changes, data);
    } else if (event.kind == EventKind::AgentPresence) {
        ok = applyAgentPresence(changes, data);
    } else if (event.kind == EventKind::ConversationUpdated) {
        ok = applyConversationUpdated(changes, data);
    } else if (event.kind == EventKind::ConversationTransferred) {
        ok = applyConversationTransferred(changes, data);
    } else if (event.kind == EventKind::AgentUpdated) {
        ok = applyAgentUpdated(changes, data);
    } else if (event.kind == EventKind::CannedSaved) {
        ok = applyCannedSaved(changes, data);
    } else if (event.kind == EventKind::CannedDeleted) {
        ok = applyCannedDeleted(changes, data);
    } else if (event.kind == EventKind::TeamSaved) {
        ok = applyTeamSaved(changes, data);
    } else if (event.kind == EventKind::InboxSaved) {
        ok = applyInboxSaved(changes, data);
    } else if (event.kind == EventKind::LabelSaved) {
        ok = applyLabelSaved(changes, data);
    } else if (event.kind == EventKind::LabelDeleted) {
        ok = applyLabelDeleted(changes, data);
    } else if (event.kind == EventKind::CustomerUpdated) {
        const auto customer =
            Wire::decodeCustomer(data.value(QLatin1String("customer")).toObject());
        if (customer) {
            const QList<qint64> changed = m_tables.renameCustomer(customer.value());
            ok = changed != QList<qint64>{-1};
            for (qint64 id : changed)
                changes.conversations.insert(id);
        } else {
            qCWarning(lcCache) << "ignoring a customer:" << customer.failure().message;
        }
    } else if (event.kind == EventKind::ConversationMerged
               || event.kind == EventKind::ConversationUnmerged) {
        ok = applyMerge(changes, data, event.kind == EventKind::ConversationUnmerged);
    }
    // Any other kind is a later protocol version's: nothing to change here, but it was
    // seen, so it counts towards last_seq like the others.
    if (ok)
        changes.seq = event.seq;
    return ok;
}

bool CacheEvents::applyMessage(CacheChanges &changes, const Message &message)
{
    bool isNew = false;
    bool removed = false;
    // The server's copy replaces the pending reply in the same transaction: the
    // conversation shows one message, never both.
    if (!m_tables.insertMessage(message, isNew)
        || !m_tables.removeFromOutbox(message.clientId, removed))
        return false;
    if (!isNew && message.delivery
        && !moveDelivery(changes, message.id, {*message.delivery, message.deliveryError}))
        return false;
    if (isNew)
        changes.summaries.insert(message.conversationId);
    if (isNew && message.kind == MessageKind::Note && m_ownAgent != 0
        && message.mentions.contains(m_ownAgent)) {
        if (!m_tables.setMentioned(message.conversationId, message.id))
            return false;
        changes.conversations.insert(message.conversationId);
    }
    if (isNew || removed)
        changes.conversations.insert(message.conversationId);
    changes.outboxChanged = changes.outboxChanged || removed;
    return true;
}

bool CacheEvents::applyConversationCreated(CacheChanges &changes, const QJsonObject &data)
{
    const QJsonObject json = data.value(QLatin1String("conversation")).toObject();
    const auto conversation = Wire::decodeConversation(json);
    if (!conversation) {
        qCWarning(lcCache) << "ignoring a conversation:" << conversation.failure().message;
        return true;
    }
    if (!m_tables.upsertConversation(conversation.value(), customerEmail(json)))
        return false;
    changes.conversations.insert(conversation->id);
    return true;
}

bool CacheEvents::applyConversationRead(CacheChanges &changes, const QJsonObject &data)
{
    FieldReader r(data, QStringLiteral("conversation.read"));
    const qint64 conversationId = r.id("conversation");
    const QJsonObject readerJson = r.object("reader");
    const qint64 upTo = r.id("upTo");
    const auto reader = r.ok() ? Wire::decodeParty(readerJson) : Result<Party>(r.failure());
    if (!reader) {
        qCWarning(lcCache) << "ignoring a read marker:" << reader.failure().message;
        return true;
    }
    // Unread counts are the signed-in agent's; others' markers change nothing shown.
    if (m_ownAgent == 0 || reader->kind != Party::Kind::Agent || reader->id != m_ownAgent)
        return true;
    changes.conversations.insert(conversationId);
    return m_tables.moveReadMarker(conversationId, upTo);
}

bool CacheEvents::applyMessageDelivery(CacheChanges &changes, const QJsonObject &data)
{
    FieldReader r(data, QStringLiteral("message.delivery"));
    const qint64 messageId = r.id("message");
    const auto state = deliveryStateFromName(r.string("state", 1, 16));
    const QString error = r.optionalString("error", 0, Protocol::MaxTextChars).value_or(QString());
    if (!r.ok() || !state) {
        qCWarning(lcCache) << "ignoring a delivery state for message" << messageId;
        return true;
    }
    return moveDelivery(changes, messageId, {*state, error});
}

bool CacheEvents::moveDelivery(CacheChanges &changes, qint64 messageId,
                               const DeliveryStatus &status)
{
    bool changed = false;
    if (!m_tables.setDelivery(messageId, status, changed))
        return false;
    // Only the thread that shows the reply cares: no conversation's summary changed.
    if (changed)
        changes.deliveries.insert(messageId, status);
    return true;
}

bool CacheEvents::applyAgentPresence(CacheChanges &changes, const QJsonObject &data)
{
    FieldReader r(data, QStringLiteral("agent.presence"));
    const qint64 agentId = r.id("agent");
    const auto presence = presenceFromName(r.string("presence", 1, 16));
    if (!r.ok() || !presence) {
        qCWarning(lcCache) << "ignoring a presence change for agent" << agentId;
        return true;
    }
    bool changed = false;
    if (!m_tables.setPresence(agentId, *presence, changed))
        return false;
    changes.agentsChanged = changes.agentsChanged || changed;
    return true;
}

bool CacheEvents::applyConversationUpdated(CacheChanges &changes, const QJsonObject &data)
{
    // The whole conversation comes with every change (assigned, ended, followup, …): the
    // same upsert as for a new one.
    return applyConversationCreated(changes, data);
}

bool CacheEvents::applyConversationTransferred(CacheChanges &changes, const QJsonObject &data)
{
    FieldReader r(data, QStringLiteral("conversation.transferred"));
    const qint64 conversationId = r.id("conversation");
    const QJsonObject fromJson = r.object("from");
    const QJsonObject toJson = r.object("to");
    const QString note = r.optionalString("note", 0, Protocol::MaxNoteChars).value_or(QString());
    if (!r.ok()) {
        qCWarning(lcCache) << "ignoring a transfer:" << r.failure().message;
        return true;
    }
    const auto from = Wire::decodeParty(fromJson);
    const auto to = Wire::decodeParty(toJson);
    if (!from || !to) {
        qCWarning(lcCache) << "ignoring a transfer of" << conversationId << ":"
                           << (from ? to.failure().message : from.failure().message);
        return true;
    }
    changes.conversations.insert(conversationId);
    return m_tables.setTransfer(conversationId, from.value(), to.value(), note);
}

bool CacheEvents::applyAgentUpdated(CacheChanges &changes, const QJsonObject &data)
{
    const auto agent = Wire::decodeAgent(data.value(QLatin1String("agent")).toObject());
    if (!agent) {
        qCWarning(lcCache) << "ignoring an agent update:" << agent.failure().message;
        return true;
    }
    changes.agentsChanged = true;
    return m_tables.upsertAgent(agent.value());
}

bool CacheEvents::applyCannedSaved(CacheChanges &changes, const QJsonObject &data)
{
    const auto canned = Wire::decodeCanned(data.value(QLatin1String("canned")).toObject());
    if (!canned) {
        qCWarning(lcCache) << "ignoring a canned response:" << canned.failure().message;
        return true;
    }
    changes.cannedChanged = true;
    return m_tables.upsertCanned(canned.value());
}

bool CacheEvents::applyCannedDeleted(CacheChanges &changes, const QJsonObject &data)
{
    FieldReader r(data, QStringLiteral("canned.deleted"));
    const qint64 id = r.id("id");
    if (!r.ok()) {
        qCWarning(lcCache) << "ignoring a canned deletion:" << r.failure().message;
        return true;
    }
    changes.cannedChanged = true;
    return m_tables.deleteCanned(id);
}

bool CacheEvents::applyTeamSaved(CacheChanges &changes, const QJsonObject &data)
{
    const auto team = Wire::decodeTeam(data.value(QLatin1String("team")).toObject());
    if (!team) {
        qCWarning(lcCache) << "ignoring a team:" << team.failure().message;
        return true;
    }
    changes.teamsChanged = true;
    return m_tables.saveTeam(team.value());
}

bool CacheEvents::applyInboxSaved(CacheChanges &changes, const QJsonObject &data)
{
    const auto inbox = Wire::decodeInbox(data.value(QLatin1String("inbox")).toObject());
    if (!inbox) {
        qCWarning(lcCache) << "ignoring an inbox:" << inbox.failure().message;
        return true;
    }
    changes.teamsChanged = true;
    return m_tables.saveInbox(inbox.value());
}

bool CacheEvents::applySnapshotTeams(CacheChanges &changes, const QJsonObject &snapshot)
{
    // A server that predates teams sends none: keep what is cached.
    if (!snapshot.value(QLatin1String("teams")).isArray()
        || !snapshot.value(QLatin1String("inboxes")).isArray())
        return true;
    if (!m_tables.clearTeamsAndInboxes())
        return false;
    changes.teamsChanged = true;
    for (const QJsonValue &value : snapshot.value(QLatin1String("teams")).toArray()) {
        const auto team = Wire::decodeTeam(value.toObject());
        if (!team)
            qCWarning(lcCache) << "snapshot: skipping" << team.failure().message;
        else if (!m_tables.saveTeam(team.value()))
            return false;
    }
    for (const QJsonValue &value : snapshot.value(QLatin1String("inboxes")).toArray()) {
        const auto inbox = Wire::decodeInbox(value.toObject());
        if (!inbox)
            qCWarning(lcCache) << "snapshot: skipping" << inbox.failure().message;
        else if (!m_tables.saveInbox(inbox.value()))
            return false;
    }
    return true;
}

bool CacheEvents::applyMerge(CacheChanges &changes, const QJsonObject &data, bool undone)
{
    const QJsonObject fromJson = data.value(QLatin1String("from")).toObject();
    const QJsonObject intoJson = data.value(QLatin1String("into")).toObject();
    const auto from = Wire::decodeConversation(fromJson);
    const auto into = Wire::decodeConversation(intoJson);
    if (!from || !into) {
        qCWarning(lcCache) << "ignoring a merge:"
                           << (!from ? from.failure().message : into.failure().message);
        return true;
    }
    if (!m_tables.upsertConversation(from.value(), customerEmail(fromJson))
        || !m_tables.upsertConversation(into.value(), customerEmail(intoJson))
        || !m_tables.moveMessages(from->id, into->id, undone))
        return false;
    for (qint64 id : {from->id, into->id}) {
        changes.conversations.insert(id);
        changes.summaries.insert(id);
        changes.moved.insert(id);
    }
    return true;
}

bool CacheEvents::applyLabelSaved(CacheChanges &changes, const QJsonObject &data)
{
    const auto label = Wire::decodeLabel(data.value(QLatin1String("label")).toObject());
    if (!label) {
        qCWarning(lcCache) << "ignoring a label:" << label.failure().message;
        return true;
    }
    changes.labelsChanged = true;
    return m_tables.saveLabel(label.value());
}

bool CacheEvents::applyLabelDeleted(CacheChanges &changes, const QJsonObject &data)
{
    const qint64 id = qint64(data.value(QLatin1String("id")).toDouble());
    if (id <= 0)
        return true;
    const QList<qint64> changed = m_tables.deleteLabel(id);
    if (changed == QList<qint64>{-1})
        return false;
    changes.labelsChanged = true;
    for (qint64 conversation : changed)
        changes.conversations.insert(conversation);
    return true;
}

bool CacheEvents::applySnapshotLabels(CacheChanges &changes, const QJsonArray &list)
{
    QList<Label> labels;
    for (const QJsonValue &value : list) {
        const auto label = Wire::decodeLabel(value.toObject());
        if (label)
            labels.append(label.value());
        else
            qCWarning(lcCache) << "snapshot: skipping" << label.failure().message;
    }
    changes.labelsChanged = true;
    return m_tables.replaceLabels(labels);
}

bool CacheEvents::applySnapshotCanned(CacheChanges &changes, const QJsonArray &list)
{
    QList<CannedResponse> canned;
    for (const QJsonValue &value : list) {
        const auto c = Wire::decodeCanned(value.toObject());
        if (c)
            canned.append(c.value());
        else
            qCWarning(lcCache) << "snapshot: skipping" << c.failure().message;
    }
    changes.cannedChanged = true;
    return m_tables.replaceCanned(canned);
}

bool CacheEvents::applySnapshot(CacheChanges &changes, qint64 seq, const QJsonObject &snapshot)
{
    FieldReader r(snapshot, QStringLiteral("snapshot"));
    const QJsonArray conversations = r.array("conversations");
    if (!r.ok()) {
        // Keeping the old state and seq makes the next connection ask again.
        qCWarning(lcCache) << "ignoring a snapshot:" << r.failure().message;
        return true;
    }
    if (!replaceListPart(changes, conversations, snapshot.value(QLatin1String("more")).toBool(),
                         std::nullopt, false))
        return false;
    // Customer connections get no agents; then the cached ones are not contradicted.
    if (snapshot.contains(QLatin1String("agents"))) {
        QList<Agent> agents;
        for (const QJsonValue &value : snapshot.value(QLatin1String("agents")).toArray()) {
            const auto agent = Wire::decodeAgent(value.toObject());
            if (agent)
                agents.append(agent.value());
            else
                qCWarning(lcCache) << "snapshot: skipping" << agent.failure().message;
        }
        if (!m_tables.replaceAgents(agents))
            return false;
        changes.agentsChanged = true;
    }
    // Staff snapshots only; a server that predates canned responses sends none either.
    if (snapshot.value(QLatin1String("canned")).isArray()
        && !applySnapshotCanned(changes, snapshot.value(QLatin1String("canned")).toArray()))
        return false;
    if (!applySnapshotTeams(changes, snapshot))
        return false;
    if (snapshot.value(QLatin1String("labels")).isArray()
        && !applySnapshotLabels(changes, snapshot.value(QLatin1String("labels")).toArray()))
        return false;
    changes.seq = seq; // even below the old one: the server's log may have been reset
    changes.reset = true;
    return true;
}

bool CacheEvents::replaceListPart(CacheChanges &changes, const QJsonArray &list, bool more,
                                  const std::optional<CacheTables::ListPosition> &after,
                                  bool resolved)
{
    QSet<qint64> listed;
    std::optional<CacheTables::ListPosition> last;
    for (const QJsonValue &value : list) {
        const auto conversation = Wire::decodeConversation(value.toObject());
        if (!conversation)
            continue; // skipped with a word in applySnapshotConversation
        listed.insert(conversation->id);
        last = CacheTables::ListPosition{conversation->updatedAt.toMSecsSinceEpoch(),
                                         conversation->id};
    }
    // With more to come, what lies below the last listed one is the next page's to judge.
    if (more && !last)
        return true;
    QList<qint64> removed;
    if (!m_tables.removeConversationsBetween(after, more ? last : std::nullopt, listed, removed,
                                             resolved))
        return false;
    for (qint64 id : std::as_const(removed))
        changes.conversations.insert(id);
    for (const QJsonValue &value : list) {
        if (!applySnapshotConversation(changes, value.toObject()))
            return false;
    }
    return true;
}

bool CacheEvents::applyConversationPage(CacheChanges &changes, const QJsonObject &page,
                                        const std::optional<CacheTables::ListPosition> &after,
                                        bool resolved)
{
    FieldReader r(page, QStringLiteral("conversations page"));
    const QJsonArray conversations = r.array("conversations");
    const bool more = r.boolean("more");
    if (!r.ok()) {
        qCWarning(lcCache) << "ignoring a page of conversations:" << r.failure().message;
        return true;
    }
    return replaceListPart(changes, conversations, more, after, resolved);
}

bool CacheEvents::applyConversations(CacheChanges &changes, const QJsonArray &list)
{
    for (const QJsonValue &json : list) {
        if (!applySnapshotConversation(changes, json.toObject()))
            return false;
    }
    return true;
}

bool CacheEvents::applySnapshotConversation(CacheChanges &changes, const QJsonObject &json)
{
    const auto conversation = Wire::decodeConversation(json);
    if (!conversation) {
        qCWarning(lcCache) << "snapshot: skipping" << conversation.failure().message;
        return true;
    }
    if (!m_tables.upsertConversation(conversation.value(), customerEmail(json)))
        return false;
    const QJsonValue last = json.value(QLatin1String("lastMessage"));
    if (last.isObject()) {
        const auto message = Wire::decodeMessage(last.toObject());
        bool isNew = false;
        bool removed = false;
        if (!message || message->conversationId != conversation->id)
            qCWarning(lcCache) << "snapshot: skipping the last message of" << conversation->id;
        else if (!m_tables.insertMessage(message.value(), isNew)
                 || !m_tables.removeFromOutbox(message->clientId, removed)
                 || (!isNew && message->delivery
                     && !moveDelivery(changes, message->id,
                                      {*message->delivery, message->deliveryError})))
            return false;
        changes.outboxChanged = changes.outboxChanged || removed;
    }
    // From every cached message, not only the last: unread counts what is cached.
    changes.summaries.insert(conversation->id);
    changes.conversations.insert(conversation->id);
    return true;
}

bool CacheEvents::refreshSummaries(CacheChanges &changes)
{
    for (const qint64 id : std::as_const(changes.summaries)) {
        if (!m_tables.refreshSummary(id))
            return false;
    }
    changes.summaries.clear();
    return true;
}

} // namespace Tandem
