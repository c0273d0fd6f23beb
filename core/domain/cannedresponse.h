// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Tandem {

//! A saved reply agents insert by its shortcut ("/refund"); supervisors keep the list.
struct CannedResponse {
    qint64 id = 0;
    QString shortcut;
    QString text;
    QDateTime updatedAt;

    bool operator==(const CannedResponse &o) const
    {
        return id == o.id && shortcut == o.shortcut && text == o.text && updatedAt == o.updatedAt;
    }
};

} // namespace Tandem
