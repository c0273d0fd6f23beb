// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tandem::Server {

class CommandTable;

//! The commands of the async inbox that change where a conversation stands and who works
//! it (docs/protocol.md, "Statuses", "Assignment", "Merging"): status, assign, merge,
//! unmerge.
namespace StatusCommands {

void registerIn(CommandTable &table);

} // namespace StatusCommands
} // namespace Tandem::Server
