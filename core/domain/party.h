// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace Tandem {

//! Someone taking part in a conversation: the customer, a staff member, or the helpdesk
//! itself (System: automatic replies; id 0).
struct Party {
    enum class Kind { Customer, Agent, System };
    Kind kind = Kind::Customer;
    qint64 id = 0;
    QString name;

    bool operator==(const Party &o) const { return kind == o.kind && id == o.id && name == o.name; }
};

QString partyKindName(Party::Kind kind);

} // namespace Tandem
