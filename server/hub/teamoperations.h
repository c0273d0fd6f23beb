// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/teamcommands.h"
#include "store/store.h"
#include "viewer.h"

//! Making and changing teams and inboxes, as transactions over a Store (like
//! DeskOperations). Each change is an event that also says whose view of the inboxes it
//! changed, so the hub widens or narrows their connections at exactly that point.
namespace Tandem::Server::TeamOperations {

Result<Team> saveTeam(Store &store, const Viewer &viewer, const Commands::SaveTeam &command);
Result<Inbox> saveInbox(Store &store, const Viewer &viewer, const Commands::SaveInbox &command);
//! Saves `inbox` as it is (any channel; no checks) with the `inbox.saved` event, telling
//! the members of its team and of `formerTeam` what they see now.
Result<Inbox> storeInbox(Store &store, const Inbox &inbox, qint64 formerTeam = 0);

} // namespace Tandem::Server::TeamOperations
