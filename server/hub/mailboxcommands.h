// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandtable.h"

//! `mailbox.save` (admins) and `mailboxes` (supervisors and admins): docs/protocol.md,
//! "Email".
namespace Tandem::Server::MailboxCommands {

void registerIn(CommandTable &table);

} // namespace Tandem::Server::MailboxCommands
