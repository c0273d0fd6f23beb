// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/agent.h"
#include "../domain/cannedresponse.h"
#include "../domain/conversation.h"
#include "../domain/delivery.h"
#include "../domain/event.h"
#include "../domain/label.h"
#include "../domain/message.h"
#include "../domain/presence.h"

#include <optional>

//! The durable changes of docs/protocol.md ("Events") with their wire payloads, built in
//! one place for the server that records them and for anything that replays them.
namespace Tandem::Events {

Event conversationCreated(const Conversation &conversation);
//! Events about a conversation take it whole: who may see them follows from it.
Event messageCreated(const Message &message, const Conversation &conversation);
Event conversationRead(const Conversation &conversation, const Party &reader, qint64 upTo);
Event agentPresence(qint64 agentId, Presence presence);

//! A live chat's routing state changed. `change` is one of the names in docs/protocol.md;
//! `by` is who did it (absent for the router's own changes); `priorAssigneeId` the agent
//! the change took it from (they see this event, and then no more of its inbox's).
Event conversationUpdated(const Conversation &conversation, const QString &change,
                          const std::optional<Party> &by, qint64 priorAssigneeId = 0);
Event conversationTransferred(const Conversation &conversation, const Party &from, const Party &to,
                              const QString &note);
Event agentUpdated(const Agent &agent);
Event cannedSaved(const CannedResponse &canned);
Event cannedDeleted(qint64 id);
//! Where a reply sent out through a channel stands (staff only); `error` when it failed.
Event messageDelivery(const Message &message, const Conversation &conversation,
                      const QString &channel, DeliveryState state, const QString &error);
//! A team or an inbox was made or changed; `access`: the agents who now see other inboxes
//! than before, with the inboxes they see now.
Event teamSaved(const Team &team, QHash<qint64, QSet<qint64>> access);
Event inboxSaved(const Inbox &inbox, QHash<qint64, QSet<qint64>> access);
Event labelSaved(const Label &label);
//! Staff changed `customer`'s name or email; seen by staff who see `through`.
Event customerUpdated(const Customer &customer, const Conversation &through);
//! `from` was merged into `into` (staff only): its messages are in `into` now.
Event conversationMerged(const Conversation &from, const Conversation &into, const Party &by,
                         const QDateTime &undoUntil);
//! The merge of `from` into `into` was undone: its messages are back.
Event conversationUnmerged(const Conversation &from, const Conversation &into, const Party &by);
Event labelDeleted(qint64 id);

namespace Change {
inline const QString Assigned = QStringLiteral("assigned");
inline const QString Unassigned = QStringLiteral("unassigned");
inline const QString Transferred = QStringLiteral("transferred");
inline const QString Requeued = QStringLiteral("requeued");
inline const QString Ended = QStringLiteral("ended");
inline const QString Followup = QStringLiteral("followup");
inline const QString Rated = QStringLiteral("rated");
inline const QString Priority = QStringLiteral("priority");
inline const QString Labels = QStringLiteral("labels");
//! Staff answered what the customer waited for: their first reply, the first since a
//! promise, or one that stops an SLA clock (staff only).
inline const QString Replied = QStringLiteral("replied");
//! The customer began waiting for an answer: an SLA clock starts (staff only).
inline const QString Waiting = QStringLiteral("waiting");
//! The customer was promised a reply by a time (staff only).
inline const QString Promised = QStringLiteral("promised");
} // namespace Change

} // namespace Tandem::Events
