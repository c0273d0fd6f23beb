// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/conversation.h"
#include "domain/event.h"
#include "domain/party.h"
#include "domain/role.h"

#include <QSet>

namespace Tandem::Server {

//! Who is behind a connection. What it may see follows from this in hub/visibility.
struct Viewer {
    Party party;
    Role role = Role::Agent; // meaningful for staff only
    QByteArray tokenHash;    // the staff session this connection rides on
    //! An agent's: the inboxes of their teams (supervisors and admins see every inbox).
    QSet<qint64> inboxes;

    //! A member of staff on the session `tokenHash`, seeing `inboxes` through their teams.
    static Viewer ofStaff(const Agent &agent, QByteArray tokenHash, QSet<qint64> inboxes)
    {
        return Viewer{{Party::Kind::Agent, agent.id, agent.name},
                      agent.role,
                      std::move(tokenHash),
                      std::move(inboxes)};
    }

    bool isStaff() const { return party.kind == Party::Kind::Agent; }
    //! Staff who see every inbox.
    bool seesAll() const { return isStaff() && role != Role::Agent; }
};

} // namespace Tandem::Server
