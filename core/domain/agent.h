// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "presence.h"
#include "role.h"

#include <QString>

namespace Tandem {

//! A staff account as the rest of the team sees it.
struct Agent {
    qint64 id = 0;
    QString name;
    QString email;
    Role role = Role::Agent;
    Presence presence = Presence::Offline;
    bool disabled = false;
    //! Live chats at once (set by a supervisor).
    int capacity = DefaultCapacity;
    //! Offered chats are taken at once, without asking.
    bool autoAccept = false;
    //! Async conversations (open or pending) at once (set by a supervisor).
    int asyncCapacity = DefaultAsyncCapacity;

    static constexpr int DefaultCapacity = 4;
    static constexpr int MaxCapacity = 20;
    static constexpr int DefaultAsyncCapacity = 20;
    static constexpr int MaxAsyncCapacity = 200;

    bool operator==(const Agent &o) const
    {
        return id == o.id && name == o.name && email == o.email && role == o.role
               && presence == o.presence && disabled == o.disabled && capacity == o.capacity
               && autoAccept == o.autoAccept && asyncCapacity == o.asyncCapacity;
    }
};

} // namespace Tandem
