// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "waitestimator.h"

#include "domain/agent.h"
#include "domain/conversation.h"
#include "domain/event.h"
#include "domain/message.h"
#include "protocol/result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <chrono>

namespace Tandem::Server {

class RoutingOutput;
class Scheduler;
class Storage;
namespace LiveOperations {
struct RoutingState;
}

//! Capacity-aware assignment of live chats (docs/protocol.md, "Routing rules"). Lives on
//! the main thread; the store is the truth for who has which chat, and the router follows
//! it through committed events. Offers are its own, in memory: one per chat at a time.
class Router : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        std::chrono::milliseconds offerTimeout{20000};
        std::chrono::milliseconds gracePeriod{60000};
    };

    //! Timers that route: an offer's timeout (in memory, as offers are) and a disconnected
    //! agent's grace period (durable: it runs on after a restart).
    static const QString OfferTimeoutJob;
    static const QString GracePeriodJob;

    Router(Storage &storage, Scheduler &scheduler, RoutingOutput &output, Settings settings,
           QObject *parent = nullptr);
    ~Router() override;

    //! Reads the queue, the agents and recent handle times from the store.
    void start();

    void observe(const QList<Tandem::Event> &events);
    //! A conversation as a committed command left it (applied before its event arrives, so
    //! the router never counts a slot twice).
    void apply(const Conversation &conversation);

    //! An agent's connection went live / closed.
    void agentConnected(const Agent &agent);
    void agentDisconnected(qint64 agentId);
    //! What a connection that just went live should be told: pending offers and the queue
    //! figures for an agent, queue positions for a customer.
    QStringList welcomeFramesForAgent(qint64 agentId) const;
    QStringList welcomeFramesForCustomer(qint64 customerId) const;

    //! An agent takes an offer: true if it is theirs and still open; the offer then waits
    //! for finishAccept() with the committed result.
    bool beginAccept(qint64 conversationId, qint64 agentId);
    void finishAccept(qint64 conversationId, const Result<Conversation> &result);
    bool decline(qint64 conversationId, qint64 agentId);

    //! Whether `agentId` could take one more chat now; their name in `name`.
    std::optional<Failure> checkAvailable(qint64 agentId, QString *name) const;
    QJsonObject availability() const;

    int queueLength() const;
    int offerCount() const { return int(m_offers.size()); }

private:
    struct Chat {
        qint64 id = 0;
        qint64 customerId = 0;
        Conversation conversation;
        bool customerWaiting = false;
        std::optional<Message> preview;
    };
    struct AgentState {
        Agent agent;
        int connections = 0;
        int active = 0;
        int offers = 0;
        QDateTime lastAssigned;
    };
    struct Offer {
        qint64 agentId = 0;
        QDateTime expiresAt;
        bool accepting = false;
        quint64 serial = 0;
    };

    void load(const LiveOperations::RoutingState &state);
    void applyEvent(const Event &event);
    void setAgent(const Agent &agent);
    bool eligible(const AgentState &agent) const;
    bool available(const AgentState &agent) const;
    AgentState *pick(qint64 conversationId);
    QList<const Chat *> queue() const;
    void scheduleDispatch();
    void dispatch();
    void offer(const Chat &chat, AgentState &agent);
    void autoAssign(const Chat &chat, AgentState &agent);
    void endOffer(qint64 conversationId, const QString &reason, bool passed);
    void withdrawOffersOf(qint64 agentId);
    void expire(qint64 conversationId, quint64 serial);
    void startGrace(const AgentState &agent);
    void graceOver(qint64 agentId);
    //! Room among the agents who can take chats now: free slots and their total capacity.
    struct Room {
        int freeSlots = 0;
        int capacity = 0;
    };
    Room room() const;
    void publishQueue(const QList<const Chat *> &waiting);
    void publishStats();
    QString offerFrame(qint64 conversationId, const Offer &offer) const;
    QString queueFrame(const Chat &chat, int position, const Room &room) const;
    QJsonObject statsJson() const;

    Storage &m_storage;
    Scheduler &m_scheduler;
    RoutingOutput &m_output;
    Settings m_settings;
    bool m_ready = false;
    QList<Event> m_early;        // events committed before start() finished reading
    QHash<qint64, Chat> m_chats; // queued and active live chats
    QHash<qint64, AgentState> m_agents;
    QHash<qint64, Offer> m_offers;           // by conversation
    QHash<qint64, QSet<qint64>> m_passed;    // agents who let a chat pass
    QHash<qint64, QString> m_lastQueueFrame; // by conversation
    QString m_lastStats;
    WaitEstimator m_estimator;
    quint64 m_nextSerial = 1;
    bool m_dispatchQueued = false;
    QTimer m_statsTimer;
    bool m_statsDirty = false;
};

} // namespace Tandem::Server
