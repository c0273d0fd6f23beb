// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/commands.h"
#include "store/store.h"
#include "viewer.h"

//! Merging two conversations of one customer into one thread, and undoing it for a while
//! (docs/protocol.md, "Merging").
namespace Tandem::Server::MergeOperations {

//! How long a merge can be undone.
constexpr qint64 UndoSeconds = 10 * 60;

struct Merged {
    Conversation from; //!< the one merged away (resolved, mergedInto set)
    Conversation into;
    QDateTime undoUntil;
};

//! `merge`: staff who see both. Merging one into where it went already answers as before.
Result<Merged> merge(Store &store, const Viewer &viewer, const Commands::Merge &command);
//! `unmerge`: within UndoSeconds of the merge.
Result<Merged> unmerge(Store &store, const Viewer &viewer, const Commands::Merge &command);

} // namespace Tandem::Server::MergeOperations
