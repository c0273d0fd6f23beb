// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/conversation.h"
#include "domain/event.h"
#include "domain/party.h"
#include "domain/role.h"

namespace Tandem::Server {

//! Who is behind a connection, and so what it may see and do.
struct Viewer {
    Party party;
    Role role = Role::Agent; // meaningful for staff only
    QByteArray tokenHash;    // the staff session this connection rides on

    bool isStaff() const { return party.kind == Party::Kind::Agent; }
    bool mayAccess(const Conversation &conversation) const
    {
        return isStaff() || conversation.customer.id == party.id;
    }
    bool maySee(const Event &event) const
    {
        return isStaff() || (!event.staffOnly && event.customerId == party.id);
    }
};

} // namespace Tandem::Server
