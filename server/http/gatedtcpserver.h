// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "requestgate.h"

#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

namespace Tandem::Server {

class LingeringSocket;

//! The listening socket in front of the HTTP server. Each connection sends small frames at
//! once (without TCP_NODELAY, Nagle's algorithm held replies back by ~40 ms waiting for the
//! peer's delayed ACK), closes gracefully, and reaches the HTTP server only once its
//! request head passed a RequestGate.
class GatedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GatedTcpServer(const RequestGate::Limits &limits, QObject *parent = nullptr);

    //! The connection a WebSocket was upgraded from, found by its peer's address and port
    //! (once: the entry and the connection's gate are then let go).
    LingeringSocket *connectionFrom(const QHostAddress &address, quint16 port);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void sweep();

    RequestGate::Limits m_limits;
    QSet<RequestGate *> m_gates;
    QTimer m_sweep;
    QHash<QPair<QHostAddress, quint16>, QPointer<LingeringSocket>> m_admitted;
};

} // namespace Tandem::Server
