// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tandem::Server {

class CommandTable;

//! The live-chat commands of docs/protocol.md (accept, decline, end, followup, transfer,
//! rate, priority, agent.update, canned.save, canned.delete) for a live connection.
namespace LiveCommands {

void registerIn(CommandTable &table);

} // namespace LiveCommands
} // namespace Tandem::Server
