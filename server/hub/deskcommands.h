// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tandem::Server {

class CommandTable;

//! The commands of docs/protocol.md, "Commands": send, history, conversations, read,
//! typing, ping, presence, signout.
namespace DeskCommands {

void registerIn(CommandTable &table);

} // namespace DeskCommands
} // namespace Tandem::Server
