// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/commands.h"
#include "store/store.h"
#include "viewer.h"

#include <optional>

//! Staff setting where a conversation stands — open, pending (waiting on the customer),
//! snoozed, resolved (docs/protocol.md, "Statuses"); how it comes back by itself is
//! conversations/statuschanges.
namespace Tandem::Server::StatusOperations {

struct StatusChange {
    Conversation conversation;
    //! Once this is committed: the wake-up timer to arm, or whether to drop the one it had.
    std::optional<JobRecord> wake;
    bool dropWake = false;
};

//! `status`, by staff who see the conversation. Setting the status it has (and the same
//! snooze) changes nothing and records nothing, so a replayed request is harmless.
Result<StatusChange> setStatus(Store &store, const Viewer &viewer,
                               const Commands::SetStatus &command);

} // namespace Tandem::Server::StatusOperations
