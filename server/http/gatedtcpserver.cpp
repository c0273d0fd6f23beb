// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatedtcpserver.h"

#include "lingeringsocket.h"

#include <algorithm>

namespace Tandem::Server {

GatedTcpServer::GatedTcpServer(const RequestGate::Limits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    connect(&m_sweep, &QTimer::timeout, this, &GatedTcpServer::sweep);
    m_sweep.start(
        std::clamp(std::min(limits.headTimeoutMs, limits.requestTimeoutMs) / 4, 50, 1000));
}

void GatedTcpServer::sweep()
{
    // A check may end a connection; a gate with no deadline left (its WebSocket admitted, its
    // request answered) is not looked at again.
    const QSet<RequestGate *> gates = m_gates;
    for (RequestGate *gate : gates)
        if (!gate->checkDeadline())
            m_gates.remove(gate);
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
    auto *gate = new RequestGate(socket, m_limits, [this, peer](LingeringSocket *admitted) {
        m_admitted.insert(peer, admitted);
        // Pending connections are announced as they are added (Qt 6.4 and later); the head
        // is already buffered, so the HTTP server is told to read it.
        addPendingConnection(admitted);
        Q_EMIT admitted->readyRead();
    });
    m_gates.insert(gate);
    // The gate goes with its socket; an upgrade drops the socket's own signal connections,
    // not the gate's.
    connect(gate, &QObject::destroyed, this, [this, gate, peer] {
        m_gates.remove(gate);
        const auto it = m_admitted.constFind(peer);
        if (it != m_admitted.cend() && it->isNull())
            m_admitted.remove(peer);
    });
}

LingeringSocket *GatedTcpServer::connectionFrom(const QHostAddress &address, quint16 port)
{
    // Asked once, when the WebSocket is admitted.
    LingeringSocket *socket = m_admitted.take({address, port});
    // Its request is over: the gate has nothing left to watch, and across thousands of
    // open connections its object and signal connections were memory held for nothing.
    if (socket) {
        for (RequestGate *gate : socket->findChildren<RequestGate *>(Qt::FindDirectChildrenOnly))
            gate->deleteLater();
    }
    return socket;
}

} // namespace Tandem::Server
