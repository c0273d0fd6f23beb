// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentpresencemodel.h"

#include <algorithm>

namespace Tandem {

AgentPresenceModel::AgentPresenceModel(LocalCache &cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &LocalCache::applied, this,
            [this](qint64, const QSet<qint64> &, bool agentsChanged) {
                if (agentsChanged)
                    sync();
            });
    connect(&m_cache, &LocalCache::reset, this, &AgentPresenceModel::sync);
    sync();
}

int AgentPresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_agents.size());
}

QVariant AgentPresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Agent &a = m_agents.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return a.name;
    case IdRole:
        return a.id;
    case RoleRole:
        return roleName(a.role);
    case PresenceRole:
        return presenceName(a.presence);
    case CapacityRole:
        return a.capacity;
    case AutoAcceptRole:
        return a.autoAccept;
    case ConnectedRole:
        return m_load.value(a.id).connected;
    case ActiveChatsRole:
        return m_load.value(a.id).active;
    case OffersRole:
        return m_load.value(a.id).offers;
    default:
        return {};
    }
}

QHash<int, QByteArray> AgentPresenceModel::roleNames() const
{
    return {{IdRole, "agentId"},          {NameRole, "name"},
            {RoleRole, "role"},           {PresenceRole, "presence"},
            {CapacityRole, "capacity"},   {AutoAcceptRole, "autoAccept"},
            {ConnectedRole, "connected"}, {ActiveChatsRole, "activeChats"},
            {OffersRole, "offers"}};
}

int AgentPresenceModel::rowOf(qint64 agentId) const
{
    for (int row = 0; row < m_agents.size(); ++row) {
        if (m_agents.at(row).id == agentId)
            return row;
    }
    return -1;
}

void AgentPresenceModel::setLoad(const QueueStats &stats)
{
    QHash<qint64, AgentLoad> load;
    for (const AgentLoad &a : stats.agents)
        load.insert(a.agentId, a);
    for (int row = 0; row < m_agents.size(); ++row) {
        const qint64 id = m_agents.at(row).id;
        const AgentLoad before = m_load.value(id);
        const AgentLoad after = load.value(id);
        QList<int> roles;
        if (before.connected != after.connected)
            roles << ConnectedRole;
        if (before.active != after.active)
            roles << ActiveChatsRole;
        if (before.offers != after.offers)
            roles << OffersRole;
        m_load.insert(id, after);
        if (!roles.isEmpty())
            Q_EMIT dataChanged(index(row), index(row), roles);
    }
    m_load = load;
}

void AgentPresenceModel::sync()
{
    QList<Agent> fresh = m_cache.agents();
    std::sort(fresh.begin(), fresh.end(),
              [](const Agent &a, const Agent &b) { return a.id < b.id; });
    // Walk both id-sorted lists: remove the gone, insert the new, update the changed.
    int row = 0;
    qsizetype next = 0;
    while (row < m_agents.size() || next < fresh.size()) {
        if (next == fresh.size()
            || (row < m_agents.size() && m_agents.at(row).id < fresh.at(next).id)) {
            beginRemoveRows({}, row, row);
            m_agents.removeAt(row);
            endRemoveRows();
        } else if (row == m_agents.size() || m_agents.at(row).id > fresh.at(next).id) {
            beginInsertRows({}, row, row);
            m_agents.insert(row, fresh.at(next));
            endInsertRows();
            ++row;
            ++next;
        } else {
            const Agent old = std::exchange(m_agents[row], fresh.at(next));
            QList<int> roles;
            if (old.presence != m_agents.at(row).presence)
                roles << PresenceRole;
            if (old.name != m_agents.at(row).name)
                roles << Qt::DisplayRole << NameRole;
            if (old.role != m_agents.at(row).role)
                roles << RoleRole;
            if (old.capacity != m_agents.at(row).capacity)
                roles << CapacityRole;
            if (old.autoAccept != m_agents.at(row).autoAccept)
                roles << AutoAcceptRole;
            if (!roles.isEmpty())
                Q_EMIT dataChanged(index(row), index(row), roles);
            ++row;
            ++next;
        }
    }
}

} // namespace Tandem
