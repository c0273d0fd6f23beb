// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"

//! Changes to a conversation that are the team's business only — a promise made, a reply
//! that answers, a customer starting to wait (docs/protocol.md, "Business hours", "SLA"):
//! the conversation saved and a conversation.updated that only staff receive.
namespace Tandem::Server::StaffNotice {

//! Saves `conversation` and appends a staff-only conversation.updated with `change` by `by`.
Result<Done> record(Store &store, const Conversation &conversation, const QString &change,
                    const Party &by);

} // namespace Tandem::Server::StaffNotice
