// SPDX-License-Identifier: GPL-3.0-or-later
#include "livechatsmodel.h"

#include <algorithm>

namespace Tandem {
namespace {
// First given, first shown; the id breaks ties so the order is total.
bool before(const ConversationSummary &a, const ConversationSummary &b)
{
    if (a.assignedAt != b.assignedAt)
        return a.assignedAt < b.assignedAt;
    return a.id < b.id;
}
} // namespace

LiveChatsModel::LiveChatsModel(LocalCache &cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &LocalCache::applied, this, [this](qint64, const QSet<qint64> &ids, bool) {
        // The first connection says who we are; until then there is nothing to show.
        if (!m_agentFixed && m_agent == 0 && m_cache.ownAgent() != 0) {
            reload();
            return;
        }
        update(ids);
    });
    connect(&m_cache, &LocalCache::reset, this, &LiveChatsModel::reload);
    reload();
}

int LiveChatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LiveChatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationSummary &c = m_rows.at(index.row());
    // A note is for the agent it was written to; an older transfer's is not shown.
    const bool transferredToMe = c.transferTo != 0 && c.transferTo == m_agent;
    switch (role) {
    case TransferFromRole:
        return transferredToMe ? c.transferFrom : QString();
    case TransferNoteRole:
        return transferredToMe ? c.transferNote : QString();
    default:
        return ConversationListModel::roleData(c, role);
    }
}

QHash<int, QByteArray> LiveChatsModel::roleNames() const
{
    QHash<int, QByteArray> names = ConversationListModel::conversationRoleNames();
    names.insert(TransferFromRole, "transferFrom");
    names.insert(TransferNoteRole, "transferNote");
    return names;
}

void LiveChatsModel::setAgent(qint64 agentId)
{
    m_agentFixed = true;
    if (agentId == m_agent)
        return;
    m_agent = agentId;
    reload();
}

int LiveChatsModel::rowOf(qint64 conversationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == conversationId)
            return row;
    }
    return -1;
}

qint64 LiveChatsModel::conversationAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int LiveChatsModel::totalUnread() const
{
    return m_unread;
}

bool LiveChatsModel::belongs(const ConversationSummary &s) const
{
    return m_agent != 0 && s.isLive() && s.liveState == LiveState::Active
           && s.assigneeId == m_agent;
}

void LiveChatsModel::reload()
{
    if (!m_agentFixed)
        m_agent = m_cache.ownAgent();
    beginResetModel();
    m_rows = m_cache.activeChats(m_agent);
    std::sort(m_rows.begin(), m_rows.end(), before);
    endResetModel();
    noteUnread();
}

void LiveChatsModel::update(const QSet<qint64> &ids)
{
    if (m_agent == 0 || ids.isEmpty())
        return;
    const QHash<qint64, ConversationSummary> summaries = m_cache.conversations(ids);
    for (const qint64 id : ids) {
        const auto summary = summaries.constFind(id);
        const int row = rowOf(id);
        const bool wanted = summary != summaries.cend() && belongs(*summary);
        if (!wanted) {
            if (row >= 0) {
                beginRemoveRows({}, row, row);
                m_rows.removeAt(row);
                endRemoveRows();
            }
            continue;
        }
        if (row < 0) {
            const int at = int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), *summary, before)
                               - m_rows.cbegin());
            beginInsertRows({}, at, at);
            m_rows.insert(at, *summary);
            endInsertRows();
            continue;
        }
        if (m_rows.at(row) == *summary)
            continue;
        // Its place stays: the deck's panes do not jump around while the agent types.
        const ConversationSummary old = std::exchange(m_rows[row], *summary);
        QList<int> roles = ConversationListModel::changedRoles(old, *summary);
        if (old.transferNote != summary->transferNote || old.transferFrom != summary->transferFrom
            || old.transferTo != summary->transferTo)
            roles << TransferFromRole << TransferNoteRole;
        if (!roles.isEmpty())
            Q_EMIT dataChanged(index(row), index(row), roles);
    }
    noteUnread();
}

void LiveChatsModel::noteUnread()
{
    int unread = 0;
    for (const ConversationSummary &c : std::as_const(m_rows))
        unread += c.unread;
    if (unread != m_unread) {
        m_unread = unread;
        Q_EMIT totalUnreadChanged(unread);
    }
}

} // namespace Tandem
