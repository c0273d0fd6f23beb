// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tandem {

//! A tag staff put on conversations ("billing", "bug"); supervisors keep the list.
struct Label {
    qint64 id = 0;
    QString name;
    QString colour = QStringLiteral("#6b7280"); //!< "#rrggbb"

    bool operator==(const Label &o) const
    {
        return id == o.id && name == o.name && colour == o.colour;
    }
};

//! How urgent a conversation is (docs/protocol.md, "Labels and priority"). For live chats
//! in the queue it is also the order they are served in, highest first.
namespace Priority {
constexpr int None = 0;
constexpr int Low = 1;
constexpr int Medium = 2;
constexpr int High = 3;
constexpr int Urgent = 4;
} // namespace Priority

} // namespace Tandem
