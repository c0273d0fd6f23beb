// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpServer>

namespace Tandem::Server {

//! A QTcpServer whose connections send small frames at once: without TCP_NODELAY, Nagle's
//! algorithm held replies back by ~40 ms waiting for the peer's delayed ACK.
class LowDelayTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr socketDescriptor) override;
};

} // namespace Tandem::Server
