// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"

#include <QAbstractListModel>

namespace Tandem {

//! Every conversation in the cache, newest activity first, as light summaries kept in
//! memory. Changes arrive per committed cache batch and become single-row inserts, moves
//! and dataChanged — never a reset, except for a server snapshot.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CustomerNameRole,
        ChannelRole,
        StatusRole,
        UpdatedAtRole,
        LastTextRole,
        LastAuthorIsCustomerRole,
        UnreadRole,
    };

    explicit ConversationListModel(LocalCache &cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Shows only conversations whose customer name or last message contains `text`.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    //! The row showing conversation `id`, or -1.
    int rowOf(qint64 id) const;

private:
    void reload();
    void update(const QSet<qint64> &ids);
    void upsert(const ConversationSummary &summary);
    void remove(qint64 id);
    bool matches(const ConversationSummary &summary) const;
    int sortedPosition(const ConversationSummary &summary) const;

    LocalCache &m_cache;
    QList<ConversationSummary> m_rows;
    QString m_filter;
};

} // namespace Tandem
