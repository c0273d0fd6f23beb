// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatedtcpserver.h"

#include "lingeringsocket.h"

namespace Tandem::Server
{

GatedTcpServer::GatedTcpServer(const RequestGate::Limits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
}

void GatedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new LingeringSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        socket->deleteLater();
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QPair<QHostAddress, quint16> peer{socket->peerAddress(), socket->peerPort()};
    new RequestGate(socket, m_limits, [this, peer](LingeringSocket *admitted) {
        m_admitted.insert(peer, admitted);
        // Pending connections are announced as they are added (Qt 6.4 and later); the head
        // is already buffered, so the HTTP server is told to read it.
        addPendingConnection(admitted);
        Q_EMIT admitted->readyRead();
        if (!admitted->isValid() || admitted->state() != QAbstractSocket::ConnectedState)
            m_admitted.remove(peer);
    });
    connect(socket, &QObject::destroyed, this, [this, peer, socket] {
        const auto it = m_admitted.constFind(peer);
        if (it != m_admitted.cend() && (it->isNull() || it->data() == socket))
            m_admitted.remove(peer);
    });
}

LingeringSocket *GatedTcpServer::connectionFrom(const QHostAddress &address, quint16 port) const
{
    return m_admitted.value({address, port});
}

} // namespace Tandem::Server
