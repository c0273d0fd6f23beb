// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/mailboxcommands.h"
#include "store/store.h"
#include "viewer.h"

//! Email inboxes as their admins keep them (docs/protocol.md, "Email"), as transactions over
//! a Store. Passwords arrive here sealed already: the store never sees them in clear.
namespace Tandem::Server::MailboxOperations {

struct Saved {
    Inbox inbox;
    MailboxStatus status;
};

//! Makes or changes an email inbox and its mailbox; `command`'s passwords are sealed. An
//! inbox that is not an email inbox, or unknown, is `not_found`; an unknown team too.
Result<Saved> save(Store &store, const Viewer &viewer, const Commands::SaveMailbox &command);

//! Every email inbox's settings and how reading it goes, in inbox order.
Result<QList<MailboxStatus>> list(Store &store, const Viewer &viewer, const Done &);

} // namespace Tandem::Server::MailboxOperations
