// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "customer.h"

#include <QDateTime>
#include <QString>

namespace Tandem {

//! One customer's thread with the team, on one channel.
struct Conversation {
    qint64 id = 0;
    Customer customer; // id and name only on the wire
    QString channel = QStringLiteral("web");
    QString status = QStringLiteral("open");
    QDateTime createdAt;
    QDateTime updatedAt;

    bool operator==(const Conversation &o) const
    {
        return id == o.id && customer.id == o.customer.id && customer.name == o.customer.name
            && channel == o.channel && status == o.status && createdAt == o.createdAt
            && updatedAt == o.updatedAt;
    }
};

} // namespace Tandem
