// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/commands.h"
#include "protocol/wirelabels.h"
#include "store/store.h"
#include "viewer.h"

//! Labels and priority (docs/protocol.md, "Labels and priority"): supervisors keep the
//! labels; staff put them on the conversations they see and say how urgent those are.
namespace Tandem::Server::LabelOperations {

Result<Label> saveLabel(Store &store, const Viewer &viewer, const Commands::SaveLabel &command);
Result<Done> deleteLabel(Store &store, const Viewer &viewer, const Commands::DeleteLabel &command);
//! `labels`: adds and removes, leaving the others. Changing nothing records nothing, so a
//! replayed request is harmless.
Result<Conversation> changeLabels(Store &store, const Viewer &viewer,
                                  const Commands::ChangeLabels &command);
//! `priority`: staff who see the conversation; on a live chat still waiting or under way
//! (where it orders the queue) supervisors only.
Result<Conversation> setPriority(Store &store, const Viewer &viewer,
                                 const Commands::SetPriority &command);

} // namespace Tandem::Server::LabelOperations
