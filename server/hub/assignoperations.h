// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/commands.h"
#include "store/store.h"
#include "viewer.h"

//! Who works an async conversation (docs/protocol.md, "Assignment"): staff who see it
//! assign it to an agent of its inbox's team (or a supervisor), to themselves, or to
//! nobody. An agent's async capacity is respected unless the request insists.
namespace Tandem::Server::AssignOperations {

//! `assign`. Naming the agent it has already changes nothing and records nothing.
Result<Conversation> assign(Store &store, const Viewer &viewer, const Commands::Assign &command);

} // namespace Tandem::Server::AssignOperations
