// SPDX-License-Identifier: GPL-3.0-or-later
#include "capacityledger.h"

#include <algorithm>

namespace Tandem::Server {

CapacityLedger::CapacityLedger(CapacityOf capacityOf)
    : m_capacityOf(capacityOf ? std::move(capacityOf) : CapacityOf(liveChatCapacity))
{
}

void CapacityLedger::setAgent(const Agent &agent)
{
    Entry &entry = m_entries[agent.id];
    const QString email = entry.agent.email;
    entry.agent = agent;
    if (agent.email.isEmpty())
        entry.agent.email = email;
}

const CapacityLedger::Entry *CapacityLedger::find(qint64 agentId) const
{
    const auto it = m_entries.constFind(agentId);
    return it == m_entries.cend() ? nullptr : &*it;
}

QList<const CapacityLedger::Entry *> CapacityLedger::entries() const
{
    QList<const Entry *> all;
    all.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        all.append(&entry);
    std::sort(all.begin(), all.end(),
              [](const Entry *a, const Entry *b) { return a->agent.id < b->agent.id; });
    return all;
}

int CapacityLedger::capacity(const Entry &entry) const
{
    return m_capacityOf(entry.agent);
}

bool CapacityLedger::eligible(qint64 agentId) const
{
    const Entry *entry = find(agentId);
    return entry && eligible(*entry);
}

bool CapacityLedger::eligible(const Entry &entry) const
{
    return entry.agent.presence == Presence::Online && entry.connections > 0
           && !entry.agent.disabled;
}

bool CapacityLedger::available(qint64 agentId) const
{
    const Entry *entry = find(agentId);
    return entry && available(*entry);
}

bool CapacityLedger::available(const Entry &entry) const
{
    return eligible(entry) && entry.load() < capacity(entry);
}

CapacityLedger::Room CapacityLedger::room() const
{
    return room({});
}

CapacityLedger::Room CapacityLedger::room(const std::function<bool(qint64)> &among) const
{
    Room room;
    for (const Entry &entry : m_entries) {
        if (!eligible(entry) || (among && !among(entry.agent.id)))
            continue;
        const int most = capacity(entry);
        room.capacity += most;
        room.freeSlots += std::max(0, most - entry.load());
    }
    return room;
}

int CapacityLedger::addConnection(qint64 agentId)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end())
        return 0;
    return ++it->connections;
}

int CapacityLedger::dropConnection(qint64 agentId)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end())
        return 0;
    it->connections = std::max(0, it->connections - 1);
    return it->connections;
}

void CapacityLedger::hold(qint64 agentId, const QDateTime &at)
{
    Entry &entry = m_entries[agentId];
    entry.agent.id = agentId;
    entry.held += 1;
    if (at.isValid() && at > entry.lastAssigned)
        entry.lastAssigned = at;
}

void CapacityLedger::release(qint64 agentId)
{
    const auto it = m_entries.find(agentId);
    if (it != m_entries.end())
        it->held = std::max(0, it->held - 1);
}

bool CapacityLedger::reserve(qint64 agentId)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end())
        return false;
    it->reserved += 1;
    return true;
}

void CapacityLedger::unreserve(qint64 agentId)
{
    const auto it = m_entries.find(agentId);
    if (it != m_entries.end())
        it->reserved = std::max(0, it->reserved - 1);
}

void CapacityLedger::setLastAssigned(qint64 agentId, const QDateTime &at)
{
    const auto it = m_entries.find(agentId);
    if (it != m_entries.end())
        it->lastAssigned = at;
}

} // namespace Tandem::Server
