// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"
#include "sync/routingframes.h"

#include <QAbstractListModel>

namespace Tandem {

//! The team and each member's chosen presence and live-chat capacity, kept in step with the
//! cache, and their load from the server's queue figures; a change is one dataChanged on
//! one row.
class AgentPresenceModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        RoleRole,
        PresenceRole,
        CapacityRole, // live chats at once
        AutoAcceptRole,
        // From the newest queue.stats (see setLoad): false/0 until it came.
        ConnectedRole,
        ActiveChatsRole,
        OffersRole,
    };

    explicit AgentPresenceModel(LocalCache &cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Each agent's live load, from the server's queue figures.
    void setLoad(const Tandem::QueueStats &stats);
    int rowOf(qint64 agentId) const;

private:
    void sync();

    LocalCache &m_cache;
    QList<Agent> m_agents; // by id
    QHash<qint64, AgentLoad> m_load;
};

} // namespace Tandem
