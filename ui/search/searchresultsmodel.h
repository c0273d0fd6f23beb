// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"

#include <QAbstractListModel>

namespace Tandem {

//! Messages that match a search, newest first: those in the local cache at once (so it
//! works with no network), joined by what the server found when online. Rows carry
//! ConversationListModel's roles (the conversation's id and customer, the message's text and time),
//! so the inbox's delegate draws them.
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
    //! What the server found for `query` (ignored if the search moved on meanwhile), with the
    //! customers' names by conversation: added to the cache's hits, each message once.
    void addFound(const QString &query, const QList<Message> &messages,
                  const QHash<qint64, QString> &customers);

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
