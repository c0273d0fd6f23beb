// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"

#include <QAbstractListModel>

namespace Tandem {

//! Messages in the local cache that match a search, newest first: works with no network.
//! Rows carry ConversationListModel's roles (the conversation's id and customer, the
//! message's text and time), so the inbox's delegate draws them.
class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { MessageIdRole = Qt::UserRole + 100 };
    static constexpr int Limit = 50;

    explicit SearchResultsModel(LocalCache &cache, QObject *parent = nullptr);

    //! Runs the search (one page from the cache's full-text index); empty clears.
    void search(const QString &query);
    QString query() const { return m_query; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Hit {
        Message message;
        QString customerName;
    };

    LocalCache &m_cache;
    QString m_query;
    QList<Hit> m_hits;
};

} // namespace Tandem
