// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"

#include <QAbstractListModel>

namespace Tandem {

//! The team's canned responses from the cache, narrowed down by what the agent types:
//! shortcuts that start with it first, then those whose shortcut or text contains it.
//! The list is small (a team keeps dozens, not thousands), so a change reloads it.
class CannedResponsesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, ShortcutRole, TextRole, UpdatedAtRole };

    explicit CannedResponsesModel(LocalCache &cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! What was typed; a leading "/" is the trigger, not part of the search.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    int rowOf(qint64 id) const;
    //! Every canned response the cache holds, filter or not.
    int totalCount() const { return int(m_all.size()); }

private:
    void reload();
    void applyFilter();

    LocalCache &m_cache;
    QList<CannedResponse> m_all;
    QList<CannedResponse> m_rows;
    QString m_filter;
};

} // namespace Tandem
