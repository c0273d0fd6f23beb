// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hub/viewer.h"
#include "protocol/commands.h"
#include "store/store.h"

#include <QHash>

//! Live chat's rules as transactions over a Store, like DeskOperations: each runs on the
//! storage thread, checks who may do it and in which state, and appends its events.
namespace Tandem::Server::LiveOperations {

//! Gives a queued chat to `agent` (it must still be queued). `by` is the agent when they
//! accepted an offer, and absent when the router assigned it by itself (auto-accept).
Result<Conversation> assign(Store &store, qint64 conversationId, const Party &agent,
                            const std::optional<Party> &by);
//! Puts `agentId`'s active chats among `ids` back in the queue at their old place.
Result<QList<Conversation>> requeue(Store &store, const QList<qint64> &ids, qint64 agentId);

Result<Conversation> end(Store &store, const Viewer &viewer, const Commands::ConversationRef &ref);
Result<Conversation> followup(Store &store, const Viewer &viewer,
                              const Commands::ConversationRef &ref);
//! The team closed: each of `ids` still waiting in the queue becomes an async conversation,
//! changed by the system ("followup"), as if its customer had chosen to leave a message.
Result<QList<Conversation>> closeQueued(Store &store, const QList<qint64> &ids);
//! `target` was found available by the router just before.
Result<Conversation> transfer(Store &store, const Viewer &viewer, const Commands::Transfer &command,
                              const Party &target);
Result<Conversation> rate(Store &store, const Viewer &viewer, const Commands::Rate &command);
Result<Agent> updateAgent(Store &store, const Viewer &viewer, const Commands::UpdateAgent &command);
Result<CannedResponse> saveCanned(Store &store, const Viewer &viewer,
                                  const Commands::SaveCanned &command);
Result<Done> deleteCanned(Store &store, const Viewer &viewer,
                          const Commands::DeleteCanned &command);

//! What the router needs to know at start-up.
struct RoutingState {
    QList<Conversation> live;
    //! Per live chat: whether its newest message is the customer's, and a message to preview.
    QHash<qint64, bool> customerWaiting;
    QHash<qint64, Message> firstMessages;
    QList<Agent> agents;
    //! The inboxes each agent serves through their teams.
    QHash<qint64, QSet<qint64>> inboxesOf;
    QList<qint64> handleTimesMs;
    QHash<qint64, QDateTime> lastAssignments;
};
Result<RoutingState> loadRoutingState(Store &store, int handleTimeSamples);

} // namespace Tandem::Server::LiveOperations
