// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cachetables.h"
#include "conversationsummary.h"
#include "domain/event.h"
#include "domain/message.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <optional>

namespace Tandem {

//! What a transaction changed: gathered while it is open, announced once it committed.
struct CacheChanges {
    qint64 seq = 0;
    bool seqChanged = false;
    QSet<qint64> conversations;
    //! Those whose messages changed: their summaries are recomputed once, before commit.
    QSet<qint64> summaries;
    bool agentsChanged = false;
    bool cannedChanged = false;
    bool teamsChanged = false;
    bool labelsChanged = false;
    bool actionsChanged = false;
    //! Conversations whose messages moved to or from another (a merge): shown anew.
    QSet<qint64> moved;
    bool reset = false;
    bool outboxChanged = false;
    //! Replies whose delivery state moved, by message: where they stand now.
    QHash<qint64, DeliveryStatus> deliveries;
    int outboxSize = 0; // after the commit, when outboxChanged
    //! Every conversation, read in the transaction after its changes: after a reset, or
    //! when a read was asked for.
    std::optional<QList<ConversationSummary>> all;
};

//! Turns what the server sent (events, snapshots, its copies of messages) into changes of
//! the cache's tables, inside the writer's transaction. Input is read with the wire
//! decoders: what does not decode is logged and skipped, so one bad event cannot stop the
//! cache; only a failure of SQLite itself makes a method return false.
class CacheEvents
{
public:
    explicit CacheEvents(CacheTables &tables);

    //! Whose read markers count: unread is the signed-in agent's (0: nobody's yet).
    void setOwnAgent(qint64 agentId) { m_ownAgent = agentId; }

    //! Applies an event above changes.seq and moves changes.seq to it.
    bool applyEvent(CacheChanges &changes, const Event &event);
    //! Replaces conversations and agents; cached messages and the outbox stay. A snapshot
    //! with `more` replaces only the part of the list it covers; pages bring the rest.
    bool applySnapshot(CacheChanges &changes, qint64 seq, const QJsonObject &snapshot);
    //! Conversations as a page lists them, kept or updated without touching the others.
    bool applyConversations(CacheChanges &changes, const QJsonArray &list);
    //! A `conversations` page that continues the list after `after` (absent: the top):
    //! replaces the part of the list it covers, or with no `more`, everything below too.
    //! With `resolved`, a page of the resolved conversations, which are a list of their own.
    bool applyConversationPage(CacheChanges &changes, const QJsonObject &page,
                               const std::optional<CacheTables::ListPosition> &after,
                               bool resolved = false);
    //! Caches a server message; it replaces the outbox entry with its clientId, if any.
    bool applyMessage(CacheChanges &changes, const Message &message);
    //! Brings the summaries of changed conversations up to date: once per conversation and
    //! transaction rather than once per message.
    bool refreshSummaries(CacheChanges &changes);

private:
    bool applyConversationCreated(CacheChanges &changes, const QJsonObject &data);
    bool applyConversationRead(CacheChanges &changes, const QJsonObject &data);
    bool applyMessageDelivery(CacheChanges &changes, const QJsonObject &data);
    //! A reply's state from the server (an event, or its copy in a page) moves forward.
    bool moveDelivery(CacheChanges &changes, qint64 messageId, const DeliveryStatus &status);
    bool applyAgentPresence(CacheChanges &changes, const QJsonObject &data);
    bool applyConversationUpdated(CacheChanges &changes, const QJsonObject &data);
    bool applyConversationTransferred(CacheChanges &changes, const QJsonObject &data);
    bool applyAgentUpdated(CacheChanges &changes, const QJsonObject &data);
    bool applyCannedSaved(CacheChanges &changes, const QJsonObject &data);
    bool applyCannedDeleted(CacheChanges &changes, const QJsonObject &data);
    bool applyTeamSaved(CacheChanges &changes, const QJsonObject &data);
    bool applyInboxSaved(CacheChanges &changes, const QJsonObject &data);
    bool applySnapshotTeams(CacheChanges &changes, const QJsonObject &snapshot);
    bool applyLabelSaved(CacheChanges &changes, const QJsonObject &data);
    //! conversation.merged, or (`undone`) conversation.unmerged.
    bool applyMerge(CacheChanges &changes, const QJsonObject &data, bool undone);
    bool applyLabelDeleted(CacheChanges &changes, const QJsonObject &data);
    bool applySnapshotLabels(CacheChanges &changes, const QJsonArray &labels);
    bool applySnapshotCanned(CacheChanges &changes, const QJsonArray &canned);
    bool applySnapshotConversation(CacheChanges &changes, const QJsonObject &json);
    //! Replaces the listed conversations between `after` and the last of `list` (to the
    //! bottom when `more` is false); the ids it touched go to changes.conversations.
    bool replaceListPart(CacheChanges &changes, const QJsonArray &list, bool more,
                         const std::optional<CacheTables::ListPosition> &after, bool resolved);

    CacheTables &m_tables;
    qint64 m_ownAgent = 0;
};

} // namespace Tandem
