// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/conversation.h"
#include "domain/event.h"
#include "domain/party.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

class QWebSocket;

namespace Tandem::Server {

class Authenticator;
class Connection;
class Storage;
struct ServerConfig;

//! Keeps every live connection and fans committed events and typing out to exactly those
//! allowed to see them.
class Hub : public QObject
{
    Q_OBJECT
public:
    Hub(Storage &storage, const ServerConfig &config, QObject *parent = nullptr);
    ~Hub() override;

    void acceptStaff(std::unique_ptr<QWebSocket> socket);
    void acceptCustomer(std::unique_ptr<QWebSocket> socket);

    Storage &storage() { return m_storage; }
    Authenticator &authenticator() { return *m_authenticator; }
    const ServerConfig &config() const { return m_config; }

    //! Events committed from now on reach `connection` while its catch-up is read.
    void holdEventsFor(Connection *connection);
    void stopHoldingEvents(Connection *connection);
    //! The connection's handshake is done: index it by who it is.
    void goLive(Connection *connection);

    void broadcastTyping(const Conversation &conversation, const Party &author, bool on,
                         Connection *except);
    //! Closes every connection riding on this staff session.
    void endSession(const QByteArray &tokenHash, const QString &reason);
    //! Closes every connection (server shutting down).
    void closeAll();
    int connectionCount() const { return int(m_connections.size()); }
    //! Whether a live chat could start now, for the widget's start form:
    //! `{"available": bool, "expectedWaitSeconds": int}` (docs/protocol.md).
    QJsonObject liveAvailability() const;

private:
    void accept(std::unique_ptr<QWebSocket> socket, bool staff);
    void publish(const QList<Tandem::Event> &events);
    void forget(Connection *connection);
    void checkSessions();

    Storage &m_storage;
    const ServerConfig &m_config;
    std::unique_ptr<Authenticator> m_authenticator;
    QSet<Connection *> m_connections;
    QSet<Connection *> m_holding;
    QSet<Connection *> m_staff;
    QMultiHash<qint64, Connection *> m_customers;
    QTimer m_sessionCheck;
};

} // namespace Tandem::Server
