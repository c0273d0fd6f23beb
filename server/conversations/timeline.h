// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

#include <QJsonObject>

//! The thread's timeline: each change to a conversation (a status, an assignee, a label…)
//! is also written into it as an activity message, which only staff see, so the thread
//! tells its own history in order (docs/protocol.md, "Timeline").
namespace Tandem::Server::Timeline {

//! Records `activity` (its "change" and what belongs to it) by `by` in `conversation`,
//! with `text` for clients that do not know the change; appends its message.created.
Result<Message> record(Store &store, const Conversation &conversation, const Party &by,
                       const QJsonObject &activity, const QString &text);

} // namespace Tandem::Server::Timeline
