// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"

#include <QAbstractListModel>

namespace Tandem {

//! The team and each member's chosen presence, kept in step with the cache; a presence
//! change is one dataChanged on one row.
class AgentPresenceModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, RoleRole, PresenceRole };

    explicit AgentPresenceModel(LocalCache &cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void sync();

    LocalCache &m_cache;
    QList<Agent> m_agents; // by id
};

} // namespace Tandem
