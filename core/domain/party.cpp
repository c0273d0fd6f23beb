// SPDX-License-Identifier: GPL-3.0-or-later
#include "party.h"

namespace Tandem {

QString partyKindName(Party::Kind kind)
{
    switch (kind) {
    case Party::Kind::Agent:
        return QStringLiteral("agent");
    case Party::Kind::System:
        return QStringLiteral("system");
    case Party::Kind::Customer:
        break;
    }
    return QStringLiteral("customer");
}

} // namespace Tandem
