// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tandem::Server {

class CommandTable;

//! label.save, label.delete, labels and priority (docs/protocol.md, "Labels and priority").
namespace LabelCommands {

void registerIn(CommandTable &table);

} // namespace LabelCommands
} // namespace Tandem::Server
