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
    default:
        return {};
    }
}

QHash<int, QByteArray> AgentPresenceModel::roleNames() const
{
    return {{IdRole, "agentId"}, {NameRole, "name"}, {RoleRole, "role"}, {PresenceRole, "presence"}};
}

void AgentPresenceModel::sync()
{
    QList<Agent> fresh = m_cache.agents();
    std::sort(fresh.begin(), fresh.end(), [](const Agent &a, const Agent &b) { return a.id < b.id; });
    // Walk both id-sorted lists: remove the gone, insert the new, update the changed.
    int row = 0;
    qsizetype next = 0;
    while (row < m_agents.size() || next < fresh.size()) {
        if (next == fresh.size() || (row < m_agents.size() && m_agents.at(row).id < fresh.at(next).id)) {
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
            if (!roles.isEmpty())
                Q_EMIT dataChanged(index(row), index(row), roles);
            ++row;
            ++next;
        }
    }
}

} // namespace Tandem
