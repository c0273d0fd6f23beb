// SPDX-License-Identifier: GPL-3.0-or-later
#include "party.h"

namespace Tandem {

QString partyKindName(Party::Kind kind)
{
    return kind == Party::Kind::Agent ? QStringLiteral("agent") : QStringLiteral("customer");
}

} // namespace Tandem
