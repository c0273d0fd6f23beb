// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/conversation.h"
#include "domain/event.h"
#include "domain/party.h"
#include "routing/routingoutput.h"

#include "addresslimits.h"
#include "hours/autoreply.h"
#include "hours/businesshours.h"
#include "hours/expectedreply.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>

class QWebSocket;

namespace Tandem {
class ManualClock;
}

namespace Tandem::Server {

class Authenticator;
class AutoAssigner;
class ClosingTime;
class QueueDepth;
class SearchIndexer;
class Connection;
class RateLimiter;
class Router;
class Scheduler;
class SnoozeAlarm;
class Storage;
struct ServerConfig;

//! Keeps every live connection and fans committed events and typing out to exactly those
//! allowed to see them.
class Hub : public QObject, public RoutingOutput
{
    Q_OBJECT
public:
    Hub(Storage &storage, Scheduler &scheduler, const ServerConfig &config,
        QObject *parent = nullptr);
    ~Hub() override;

    //! Where a connection comes from.
    struct Peer {
        QHostAddress address;
        //! Milliseconds since the client last sent anything, WebSocket control frames
        //! included (unset: only the frames the connection sees count).
        std::function<qint64()> msSinceHeard;
        //! Gives back the memory of the connection's emptied buffers (unset: nothing to do);
        //! whether there was any.
        std::function<bool()> trimBuffers;
    };
    //! Whether another connection from this address fits under --max-connections-per-address.
    bool mayConnect(const QHostAddress &address) const;
    void acceptStaff(std::unique_ptr<QWebSocket> socket, const Peer &peer = {});
    void acceptCustomer(std::unique_ptr<QWebSocket> socket, const Peer &peer = {});

    Storage &storage() { return m_storage; }
    Scheduler &scheduler() { return m_scheduler; }
    //! Set when the server runs on a clock that only `clock.advance` moves (tests).
    void setManualClock(ManualClock *clock) { m_manualClock = clock; }
    //! How mailbox passwords are sealed, and who is told when mailboxes change (the email
    //! channel); without them `mailbox.save` is refused.
    void setMailboxKeeper(std::function<QString(const QByteArray &)> seal,
                          std::function<void()> changed)
    {
        m_sealSecret = std::move(seal);
        m_mailboxesChanged = std::move(changed);
    }
    bool mayKeepSecrets() const { return bool(m_sealSecret); }
    QString sealSecret(const QByteArray &plain) const { return m_sealSecret(plain); }
    void mailboxesChanged() const
    {
        if (m_mailboxesChanged)
            m_mailboxesChanged();
    }
    ManualClock *manualClock() const { return m_manualClock; }
    Authenticator &authenticator() { return *m_authenticator; }
    Router &router() { return *m_router; }
    //! Starts routing live chats (reads the queue from the store).
    void startRouting();
    const ServerConfig &config() const { return m_config; }

    //! Events committed from now on reach `connection` while its catch-up is read.
    void holdEventsFor(Connection *connection);
    void stopHoldingEvents(Connection *connection);
    //! The connection's handshake is done: index it by who it is.
    void goLive(Connection *connection);

    void broadcastTyping(const Conversation &conversation, const Party &author, bool on,
                         Connection *except);
    //! `connection`'s agent has `conversation` open now (nullptr: none); the staff who see
    //! it (and the one left) hear who else is there.
    void setViewing(Connection *connection, const Conversation *conversation);
    //! The staff with `conversationId` open, each once.
    QList<Party> viewersOf(qint64 conversationId) const;
    //! Closes every connection riding on this staff session.
    void endSession(const QByteArray &tokenHash, const QString &reason);
    //! Closes every connection (server shutting down).
    void closeAll();
    int connectionCount() const { return int(m_connections.size()); }
    //! Whether a live chat could start now, for the widget's start form:
    //! `{"available": bool, "expectedWaitSeconds": int, "open": bool, "opensAt"/"closesAt"}`
    //! (docs/protocol.md): out of the inbox's business hours none can.
    QJsonObject liveAvailability(std::optional<qint64> inboxId = std::nullopt) const;
    //! Each inbox's business hours.
    const BusinessHours &hours() const { return m_hours; }
    //! Each team's first responses of the last week, for the reply time customers expect.
    ExpectedReply &expectedReply() { return m_expectedReply; }
    //! What an automatic reply to a customer in `zone` speaking `locale` needs (a copy, for
    //! the storage thread).
    AutoReply::Context autoReplyContext(const QTimeZone &zone, const QLocale &locale) const;
    //! Now, on the server's clock.
    QDateTime now() const;

    //! One bucket per customer across all their connections, so more tabs buy no more.
    std::shared_ptr<RateLimiter> customerLimiter(qint64 customerId);
    //! Live connections of this customer.
    int customerConnections(qint64 customerId) const { return int(m_customers.count(customerId)); }
    //! Counts one more connection of this customer from its handshake on (so handshakes at
    //! the same moment cannot all pass); false when they have as many as they may. The slot
    //! is given back when the connection is forgotten.
    bool takeCustomerSlot(qint64 customerId);
    //! What one client address may create without an account.
    AddressLimits &newCustomers() { return m_newCustomers; }
    AddressLimits &newConversations() { return m_newConversations; }

    //! A connection gave back the memory of emptied buffers.
    void buffersTrimmed() { ++m_trimmed; }
    //! A connection ended: it leaves every set and is deleted later. Called by the
    //! connection itself (a signal connection per connection would be memory held by
    //! each of thousands of idle ones).
    void forget(Connection *connection);

    void sendToAgent(qint64 agentId, const QString &frame) override;
    void sendToCustomer(qint64 customerId, const QString &frame) override;
    void sendToStaff(const QString &frame) override;

Q_SIGNALS:
    //! A customer who had no connection has one now (after its catch-up).
    void customerArrived(qint64 customerId);

private:
    void accept(std::unique_ptr<QWebSocket> socket, bool staff, const Peer &peer);
    void publish(const QList<Tandem::Event> &events);
    //! Agents whose teams or inboxes changed see what `access` says from now on.
    void changeAccess(const QHash<qint64, QSet<qint64>> &access);
    void checkSessions();
    void sweep();
    void releaseMemory();

    Storage &m_storage;
    Scheduler &m_scheduler;
    ManualClock *m_manualClock = nullptr;
    const ServerConfig &m_config;
    std::unique_ptr<Authenticator> m_authenticator;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<SnoozeAlarm> m_snoozes;
    std::unique_ptr<AutoAssigner> m_assigner;
    std::unique_ptr<SearchIndexer> m_indexer;
    BusinessHours m_hours;
    ExpectedReply m_expectedReply;
    std::unique_ptr<ClosingTime> m_closing;
    std::unique_ptr<QueueDepth> m_queueDepth;
    QHash<qint64, std::weak_ptr<RateLimiter>> m_customerLimiters;
    AddressLimits m_newCustomers;
    AddressLimits m_newConversations;
    QSet<Connection *> m_connections;
    int m_trimmed = 0; // connections that gave back buffers in this sweep
    bool m_memoryToRelease = false;
    QElapsedTimer m_lastRelease;
    QSet<Connection *> m_holding;
    QSet<Connection *> m_staff;
    QHash<Connection *, Conversation> m_viewing; //!< what each staff connection has open
    QMultiHash<qint64, Connection *> m_customers;
    QHash<qint64, int> m_customerSlots; // connections past their handshake's check, by customer
    QHash<QByteArray, int> m_perAddress;
    QTimer m_sessionCheck;
    QTimer m_sweep;
    std::function<QString(const QByteArray &)> m_sealSecret;
    std::function<void()> m_mailboxesChanged;
};

} // namespace Tandem::Server
