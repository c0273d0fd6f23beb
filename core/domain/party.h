// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace Tandem {

//! Someone taking part in a conversation: the customer or a staff member.
struct Party {
    enum class Kind { Customer, Agent };
    Kind kind = Kind::Customer;
    qint64 id = 0;
    QString name;

    bool operator==(const Party &o) const { return kind == o.kind && id == o.id && name == o.name; }
};

QString partyKindName(Party::Kind kind);

} // namespace Tandem
