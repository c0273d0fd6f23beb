// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capacityledger.h"
#include "offerbook.h"
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
#include <QTimer>
#include <chrono>
#include <optional>

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
//! It keeps the queue, the grace periods and the frames; who holds how many chats is its
//! CapacityLedger's, who gets the next one the AssignmentPolicy's, the offers its OfferBook's.
class Router : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        std::chrono::milliseconds offerTimeout{20000};
        std::chrono::milliseconds gracePeriod{60000};
        //! How long an agent who declined a chat is not offered it again.
        std::chrono::milliseconds declineHold{120000};
    };

    //! Timers that route: an offer's timeout (in memory, as offers are) and a disconnected
    //! agent's grace period (durable: it runs on after a restart).
    static const QString OfferTimeoutJob;
    static const QString GracePeriodJob;
    //! The end of an agent's hold off a chat they declined (in memory, as offers are).
    static const QString DeclineHoldJob;

    Router(Storage &storage, Scheduler &scheduler, RoutingOutput &output, Settings settings,
           QObject *parent = nullptr);
    ~Router() override;

    //! Reads the queue, the agents and recent handle times from the store.
    void start();

    void observe(const QList<Tandem::Event> &events);
    //! A conversation as a committed command left it (applied before its event arrives, so
    //! the router never counts a slot twice).
    void apply(const Conversation &conversation);

    //! An agent's connection went live (seeing `inboxes` through their teams) / closed.
    void agentConnected(const Agent &agent, const QSet<qint64> &inboxes);
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
    //! Whether a live chat could start now (in `inboxId`: with its team; unset: with anyone).
    QJsonObject availability(std::optional<qint64> inboxId = std::nullopt) const;

    int queueLength() const;
    //! The chats waiting in the queue of these inboxes.
    QList<qint64> queuedIn(const QSet<qint64> &inboxes) const;
    //! Agents who may be given work now (online, connected, enabled), each with the inboxes
    //! their teams give them: what automatic assignment of async conversations chooses from.
    QList<std::pair<Agent, QSet<qint64>>> eligibleAgents() const;
    int offerCount() const { return m_offers.size(); }

private:
    struct Chat {
        qint64 id = 0;
        qint64 customerId = 0;
        Conversation conversation;
        bool customerWaiting = false;
        std::optional<Message> preview;
    };

    void load(const LiveOperations::RoutingState &state);
    void applyEvent(const Event &event);
    void setAgent(const Agent &agent);
    std::optional<qint64> pick(qint64 conversationId);
    //! Whether the agent may be offered the chat: supervisors and admins any, agents those
    //! of their teams' inboxes.
    bool mayTake(qint64 agentId, const Chat &chat) const;
    bool mayTake(qint64 agentId, qint64 inboxId) const;
    QList<const Chat *> queue() const;
    void scheduleDispatch();
    void dispatch();
    void offer(const Chat &chat, const Agent &agent);
    void autoAssign(const Chat &chat, const Agent &agent);
    void endOffer(qint64 conversationId, const QString &reason, bool passed);
    void withdrawOffersOf(qint64 agentId);
    void expire(qint64 conversationId, quint64 serial);
    void startGrace(qint64 agentId);
    void graceOver(qint64 agentId);
    using Room = CapacityLedger::Room;
    void publishQueue(const QList<const Chat *> &waiting);
    void publishStats();
    QString offerFrame(qint64 conversationId, const OfferBook::Offer &offer) const;
    QString queueFrame(const Chat &chat, int position, const Room &room) const;
    QJsonObject statsJson() const;

    Storage &m_storage;
    Scheduler &m_scheduler;
    RoutingOutput &m_output;
    Settings m_settings;
    bool m_ready = false;
    QList<Event> m_early;                    // events committed before start() finished reading
    QHash<qint64, Chat> m_chats;             // queued and active live chats
    CapacityLedger m_ledger;                 // live chats held and offered, per agent
    QHash<qint64, QSet<qint64>> m_inboxesOf; // by agent: the inboxes of their teams
    OfferBook m_offers;
    QHash<qint64, QString> m_lastQueueFrame; // by conversation
    QString m_lastStats;
    WaitEstimator m_estimator;
    bool m_dispatchQueued = false;
    QTimer m_statsTimer;
    bool m_statsDirty = false;
};

} // namespace Tandem::Server
