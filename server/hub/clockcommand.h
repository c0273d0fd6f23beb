// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tandem::Server {

class CommandTable;

//! `clock.advance` (docs/protocol.md): an admin moves a server started with --manual-clock
//! forward. The reply comes once every timer that came due has run and what it changed is
//! committed and sent, so a client may check what did (and did not) happen right after it.
namespace ClockCommand {

void registerIn(CommandTable &table);

} // namespace ClockCommand
} // namespace Tandem::Server
