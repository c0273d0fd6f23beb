// SPDX-License-Identifier: GPL-3.0-or-later
#include "presence.h"

namespace Tandem {

QString presenceName(Presence presence)
{
    switch (presence) {
    case Presence::Offline:
        return QStringLiteral("offline");
    case Presence::Online:
        return QStringLiteral("online");
    case Presence::Away:
        return QStringLiteral("away");
    case Presence::Busy:
        return QStringLiteral("busy");
    }
    return {};
}

std::optional<Presence> presenceFromName(const QString &name)
{
    for (Presence p : {Presence::Offline, Presence::Online, Presence::Away, Presence::Busy}) {
        if (presenceName(p) == name)
            return p;
    }
    return std::nullopt;
}

} // namespace Tandem
