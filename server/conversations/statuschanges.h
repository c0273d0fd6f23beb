// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QJsonObject>
#include <optional>

//! Changes of a conversation's status that anything may cause — the customer writing, a
//! snooze running out — and the one way every status change is recorded: the conversation
//! saved, a line in the thread's timeline, a conversation.updated event (docs/protocol.md,
//! "Statuses"). Who may ask for a change is hub/statusoperations' concern.
namespace Tandem::Server::StatusChanges {

//! The durable timer that wakes a conversation snoozed until a time (server/scheduling).
inline const QString WakeJob = QStringLiteral("conversation.wake");
JobRecord wakeJob(qint64 conversationId, const QDateTime &until);

//! Saves `c` with its new status, records `activity` (its "change" and "status" are added)
//! by `by` in the timeline with `text`, and appends the event.
Result<Conversation> commit(Store &store, Conversation c, const Party &by, QJsonObject activity,
                            const QString &text);

//! The wake-up timer of a conversation snoozed until `until` came due: it opens again,
//! unless something else moved it since (then nothing happens; also no failure).
Result<std::optional<Conversation>> wake(Store &store, qint64 conversationId,
                                         const QDateTime &until);

//! The customer wrote in `c`: a snoozed or resolved one opens again (saying why), a pending
//! one opens. An automatic message (an out-of-office reply, a bounce) changes nothing.
//! Returns the conversation as it is now.
Result<Conversation> customerWrote(Store &store, Conversation c, bool automatic);

} // namespace Tandem::Server::StatusChanges
