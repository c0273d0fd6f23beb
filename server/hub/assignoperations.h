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

//! An agent who may be given async conversations now (online and connected), with what
//! their teams give them to see.
struct Candidate {
    Agent agent;
    QSet<qint64> inboxes;
};
//! Automatic assignment: each waiting conversation (oldest first, at most `limit`) goes to
//! the least loaded candidate of its inbox's team with room below their async capacity
//! (ties: the lower id); one nobody has room for waits. Returns those assigned.
Result<QList<Conversation>> assignWaiting(Store &store, const QList<Candidate> &candidates,
                                          int limit);

} // namespace Tandem::Server::AssignOperations
