// SPDX-License-Identifier: GPL-3.0-or-later
#include "leases.h"

#include "logging/logging.h"

namespace Tandem::Server {

const QString Leases::Routing = QStringLiteral("routing");
const QString Leases::Timers = QStringLiteral("timers");
const QString Leases::Outbound = QStringLiteral("outbound");
const QString Leases::Mail = QStringLiteral("mail");

void Leases::whileHeld(const QString &lease, std::function<void()> start,
                       std::function<void()> stop)
{
    connect(this, &Leases::acquired, this, [lease, start](const QString &which) {
        if (which == lease)
            start();
    });
    if (stop) {
        connect(this, &Leases::lost, this, [lease, stop](const QString &which) {
            if (which == lease)
                stop();
        });
    }
    if (holds(lease)) {
        qCInfo(lcHub) << "this node holds the" << lease << "lease";
        start();
    }
}

} // namespace Tandem::Server
