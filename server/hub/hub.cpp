// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub.h"

#include "authenticator.h"
#include "connection.h"
#include "logging/logging.h"
#include "protocol/frames.h"
#include "protocol/limits.h"
#include "serverconfig.h"
#include "store/storage.h"

#include <QWebSocket>

namespace Tandem::Server {

Hub::Hub(Storage &storage, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_config(config)
    , m_authenticator(std::make_unique<Authenticator>(storage, config))
{
    connect(&m_storage, &Storage::committed, this, &Hub::publish);
    connect(&m_sessionCheck, &QTimer::timeout, this, &Hub::checkSessions);
    m_sessionCheck.start(std::chrono::seconds(config.sessionCheckSeconds));
}

Hub::~Hub()
{
    closeAll();
}

void Hub::acceptStaff(std::unique_ptr<QWebSocket> socket)
{
    accept(std::move(socket), true);
}

void Hub::acceptCustomer(std::unique_ptr<QWebSocket> socket)
{
    accept(std::move(socket), false);
}

void Hub::accept(std::unique_ptr<QWebSocket> socket, bool staff)
{
    auto *connection = new Connection(std::move(socket),
                                      staff ? Connection::Kind::Staff : Connection::Kind::Customer,
                                      *this);
    m_connections.insert(connection);
    connect(connection, &Connection::closed, this, &Hub::forget);
}

void Hub::forget(Connection *connection)
{
    m_connections.remove(connection);
    m_holding.remove(connection);
    m_staff.remove(connection);
    if (connection->viewer())
        m_customers.remove(connection->viewer()->party.id, connection);
    connection->deleteLater();
}

void Hub::holdEventsFor(Connection *connection)
{
    if (m_connections.contains(connection))
        m_holding.insert(connection);
}

void Hub::stopHoldingEvents(Connection *connection)
{
    m_holding.remove(connection);
}

void Hub::goLive(Connection *connection)
{
    m_holding.remove(connection);
    if (connection->kind() == Connection::Kind::Staff)
        m_staff.insert(connection);
    else
        m_customers.insert(connection->viewer()->party.id, connection);
}

void Hub::publish(const QList<Tandem::Event> &events)
{
    for (const Event &event : events) {
        const QString frame = Frames::event(event);
        for (Connection *c : std::as_const(m_holding))
            c->deliver(event, frame);
        for (Connection *c : std::as_const(m_staff))
            c->deliver(event, frame);
        if (event.customerId && !event.staffOnly) {
            const auto range = m_customers.equal_range(event.customerId);
            for (auto it = range.first; it != range.second; ++it)
                (*it)->deliver(event, frame);
        }
    }
}

void Hub::broadcastTyping(const Conversation &conversation, const Party &author, bool on,
                          Connection *except)
{
    const QString frame = Frames::typing(conversation.id, author, on);
    for (Connection *c : std::as_const(m_staff)) {
        if (c != except)
            c->sendFrame(frame);
    }
    const auto range = m_customers.equal_range(conversation.customer.id);
    for (auto it = range.first; it != range.second; ++it) {
        if (*it != except)
            (*it)->sendFrame(frame);
    }
}

void Hub::endSession(const QByteArray &tokenHash, const QString &reason)
{
    // Also those still catching up: they must not go live on an ended session.
    const auto all = m_connections; // closing edits the sets
    for (Connection *c : all) {
        if (c->kind() == Connection::Kind::Staff && c->viewer()
            && c->viewer()->tokenHash == tokenHash)
            c->close(Protocol::CloseSessionEnded, reason);
    }
}

QJsonObject Hub::liveAvailability() const
{
    return {{QStringLiteral("available"), false}, {QStringLiteral("expectedWaitSeconds"), 0}};
}

void Hub::closeAll()
{
    const auto all = m_connections;
    for (Connection *c : all)
        c->close(1001, QStringLiteral("Server shutting down"));
}

void Hub::checkSessions()
{
    QList<QByteArray> hashes;
    for (Connection *c : std::as_const(m_staff))
        hashes.append(c->viewer()->tokenHash);
    if (hashes.isEmpty())
        return;
    m_storage.run(
        this,
        [hashes](Store &store) -> Result<QList<QByteArray>> {
            return store.endedSessions(hashes, QDateTime::currentDateTimeUtc());
        },
        [this](Result<QList<QByteArray>> ended) {
            if (!ended)
                return;
            for (const QByteArray &hash : ended.value())
                endSession(hash, QStringLiteral("Session ended"));
        });
}

} // namespace Tandem::Server
