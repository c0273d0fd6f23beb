// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tandem::Sim {

//! What simulated people say, so a demo looks like a helpdesk and not like "msg 17".
class Phrasebook
{
public:
    //! A first name with a number, e.g. "Ada 17"; the number keeps thousands apart.
    static QString customerName(int index);
    static QString openingLine();
    static QString followUpLine();
    static QString agentLine();
};

} // namespace Tandem::Sim
