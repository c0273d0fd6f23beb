// SPDX-License-Identifier: GPL-3.0-or-later
#include "lowdelaytcpserver.h"

#include <QTcpSocket>

namespace Tandem::Server {

void LowDelayTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        socket->deleteLater();
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    addPendingConnection(socket);
}

} // namespace Tandem::Server
