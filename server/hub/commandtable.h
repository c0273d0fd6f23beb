// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/role.h"
#include "protocol/frames.h"
#include "protocol/result.h"

#include <QHash>
#include <functional>
#include <optional>

namespace Tandem::Server {

class Connection;
class Hub;

//! Every command a live connection may send (docs/protocol.md, "Commands"), each
//! registered once: its name, who may send it, and its handler, which decodes the fields
//! and answers on the connection. The handshakes (hello, signin) are not here: they are
//! what makes a connection live.
class CommandTable
{
public:
    //! Who may send a command: customers, and staff from a role up (agent < supervisor <
    //! admin).
    struct Senders {
        bool customers = false;
        std::optional<Role> staffFrom;
    };
    static constexpr Senders Customers{true, std::nullopt};
    static constexpr Senders Staff{false, Role::Agent};
    static constexpr Senders Supervisors{false, Role::Supervisor};
    static constexpr Senders Admins{false, Role::Admin};
    static constexpr Senders Everyone{true, Role::Agent};

    using Handler = std::function<void(Connection &, Hub &, const Frames::Request &)>;
    struct Entry {
        QString type;
        Senders senders;
        Handler handler;
    };

    //! Registers `type`; registering one twice is a programming error (asserted).
    void add(const QString &type, Senders senders, Handler handler);
    //! Runs the request's handler, or answers `unknown_type` (no such command for this kind
    //! of connection) or `forbidden` (this role may not).
    void dispatch(Connection &connection, Hub &hub, const Frames::Request &request) const;
    const Entry *find(const QString &type) const;

    //! Every command of the protocol.
    static const CommandTable &standard();

private:
    QHash<QString, Entry> m_entries;
};

} // namespace Tandem::Server
