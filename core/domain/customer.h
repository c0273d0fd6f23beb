// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tandem {

//! Someone asking for help; known by the name and email they gave.
struct Customer {
    qint64 id = 0;
    QString name;
    QString email;

    bool operator==(const Customer &o) const
    {
        return id == o.id && name == o.name && email == o.email;
    }
};

} // namespace Tandem
