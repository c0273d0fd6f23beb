// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"
#include "sync/syncclient.h"

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

    //! With `sync`, a search may also ask the server when online.
    explicit SearchResultsModel(LocalCache &cache, SyncClient *sync = nullptr,
                                QObject *parent = nullptr);

    //! Runs the search (one page from the cache's full-text index); empty clears. What the
    //! server found for the same words is kept; with `askServer`, online, it is asked again
    //! and its answer joins the rows (its conversations are stored, so that they open).
    void search(const QString &query, bool askServer = false);
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

    void askServer(const QString &query);

    LocalCache &m_cache;
    SyncClient *m_sync = nullptr;
    QString m_serverQuery; // what the server was last asked, and what it found
    QList<Message> m_serverHits;
    QHash<qint64, QString> m_serverCustomers;
    QString m_query;
    QList<Hit> m_hits;
};

} // namespace Tandem
