// SPDX-License-Identifier: GPL-3.0-or-later
#include "role.h"

namespace Tandem {

QString roleName(Role role)
{
    switch (role) {
    case Role::Agent:
        return QStringLiteral("agent");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role r : {Role::Agent, Role::Supervisor, Role::Admin}) {
        if (roleName(r) == name)
            return r;
    }
    return std::nullopt;
}

} // namespace Tandem
