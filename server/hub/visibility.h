// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/store.h"
#include "viewer.h"

//! Who may see what: the one rule that live delivery, typing, catch-up, snapshots, pages
//! and history all ask. Supervisors and admins see everything; an agent sees the
//! conversations of their teams' inboxes and those assigned to them, with the events about
//! them, and every event about no conversation; a customer sees their own conversations and
//! the events about them that are not for staff only.
namespace Tandem::Server::Visibility {

//! Who an event or a conversation is for.
struct Audience {
    bool staff = true;
    qint64 customerId = 0; // 0: no customer
    //! For agents who do not see everything: 0 (no inbox) means any agent.
    qint64 inboxId = 0;
    qint64 assigneeId = 0;
    qint64 priorAssigneeId = 0;
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
