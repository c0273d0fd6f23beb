// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <functional>

namespace Tandem::Server {

//! How much work of one kind each agent holds against how much they may hold: the units
//! they hold (assigned to them), the units reserved for them (promised but not yet taken,
//! such as an open offer; they count against the capacity too), their live connections and
//! when they were last given a unit. It knows nothing of what a unit is: the router keeps
//! one for live chats; another kind of work keeps its own, with its own capacity.
//!
//! Counts never go below zero. An agent the ledger has not heard of is neither eligible
//! nor available and has nothing to release.
class CapacityLedger
{
public:
    //! How many units an agent may hold at once.
    using CapacityOf = std::function<int(const Agent &)>;
    //! The agent's own capacity for live chats (Agent::capacity).
    static int liveChatCapacity(const Agent &agent) { return agent.capacity; }

    struct Entry {
        Agent agent;
        int connections = 0;
        int held = 0;
        int reserved = 0;
        QDateTime lastAssigned; // invalid: never given a unit
        int load() const { return held + reserved; }
    };
    //! Among the eligible agents: units that could be given out now, and their capacity.
    struct Room {
        int freeSlots = 0;
        int capacity = 0;
    };

    explicit CapacityLedger(CapacityOf capacityOf = liveChatCapacity);

    //! Adds the agent or replaces their record; an email already known is kept when the new
    //! record has none (not every source of an agent carries it).
    void setAgent(const Agent &agent);
    bool contains(qint64 agentId) const { return m_entries.contains(agentId); }
    //! Null for an agent the ledger has not heard of.
    const Entry *find(qint64 agentId) const;
    //! Every known agent, by id.
    QList<const Entry *> entries() const;
    int capacity(const Entry &entry) const;

    //! Online, connected and not disabled: may be given work now, room permitting.
    bool eligible(qint64 agentId) const;
    bool eligible(const Entry &entry) const;
    //! Eligible, with room for one more unit.
    bool available(qint64 agentId) const;
    bool available(const Entry &entry) const;
    Room room() const;
    //! The same among the agents `among` accepts.
    Room room(const std::function<bool(qint64 agentId)> &among) const;

    //! One more / one fewer live connection; both return how many the agent has now (0 for
    //! an unknown agent, who is not added).
    int addConnection(qint64 agentId);
    int dropConnection(qint64 agentId);

    //! A unit was assigned to the agent at `at`; an agent not heard of yet is added (offline,
    //! so not eligible) so that the unit is counted when their record arrives.
    void hold(qint64 agentId, const QDateTime &at);
    //! A unit the agent held is no longer theirs.
    void release(qint64 agentId);
    //! A unit is promised to / no longer promised to the agent. False for an unknown agent.
    bool reserve(qint64 agentId);
    void unreserve(qint64 agentId);
    //! When the agent was last given a unit, as recorded elsewhere (known agents only).
    void setLastAssigned(qint64 agentId, const QDateTime &at);

private:
    CapacityOf m_capacityOf;
    QHash<qint64, Entry> m_entries;
};

} // namespace Tandem::Server
