// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tandem::Server {

class CommandTable;

//! The commands that manage teams and inboxes (docs/protocol.md, "Inboxes and teams"):
//! team.save and inbox.save, for supervisors and admins.
namespace TeamCommands {

void registerIn(CommandTable &table);

} // namespace TeamCommands
} // namespace Tandem::Server
