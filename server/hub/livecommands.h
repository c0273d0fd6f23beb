// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/frames.h"

namespace Tandem::Server {

class Connection;
class Hub;

//! The live-chat commands of docs/protocol.md (accept, decline, end, followup, transfer,
//! rate, priority, agent.update, canned.save, canned.delete) for a live connection.
namespace LiveCommands {

//! Handles `request` if it is one of them (answering on `connection`); false otherwise.
bool handle(Connection &connection, Hub &hub, const Frames::Request &request);

} // namespace LiveCommands
} // namespace Tandem::Server
