// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"
#include "viewer.h"

//! Who may see what: the one rule that live delivery, typing, catch-up, snapshots, pages
//! and history all ask. Today staff see everything; a customer sees their own
//! conversations and the events about them that are not for staff only. (Inboxes and teams
//! narrow the staff's part here, and only here.)
namespace Tandem::Server::Visibility {

//! Who an event or a conversation is for.
struct Audience {
    bool staff = true;
    qint64 customerId = 0; // 0: no customer
};
Audience of(const Event &event);
Audience of(const Conversation &conversation);

bool includes(const Audience &audience, const Viewer &viewer);
inline bool maySee(const Viewer &viewer, const Event &event)
{
    return includes(of(event), viewer);
}
inline bool mayAccess(const Viewer &viewer, const Conversation &conversation)
{
    return includes(of(conversation), viewer);
}

//! The same rule for the store's reads: what a query must be limited to for `viewer`.
ReadScope scope(const Viewer &viewer);

} // namespace Tandem::Server::Visibility
