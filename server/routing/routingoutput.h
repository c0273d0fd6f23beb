// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tandem::Server {

//! Where the router's ephemeral frames go: the live connections of an agent, of a customer,
//! or of all staff.
class RoutingOutput
{
public:
    virtual ~RoutingOutput() = default;
    virtual void sendToAgent(qint64 agentId, const QString &frame) = 0;
    virtual void sendToCustomer(qint64 customerId, const QString &frame) = 0;
    virtual void sendToStaff(const QString &frame) = 0;
};

} // namespace Tandem::Server
