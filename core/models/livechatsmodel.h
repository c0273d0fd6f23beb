// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"
#include "conversationlistmodel.h"

#include <QAbstractListModel>

namespace Tandem {

//! The signed-in agent's live chats in progress (liveState active, assigned to them), in
//! the order they were given, so that each keeps its place on the deck. It has the roles of
//! ConversationListModel and the newest transfer's note, meant for the agent who got it.
//! Changes arrive per committed cache batch as single-row inserts, removals and dataChanged.
class LiveChatsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        //! Who handed this chat over, when it came by transfer (empty otherwise).
        TransferFromRole = ConversationListModel::RatingRole + 1,
        TransferNoteRole,
    };

    explicit LiveChatsModel(LocalCache &cache, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Whose chats (the cache's own agent by default, once known).
    void setAgent(qint64 agentId);
    qint64 agent() const { return m_agent; }
    int rowOf(qint64 conversationId) const;
    qint64 conversationAt(int row) const;
    //! Customer messages not read yet, over every chat.
    int totalUnread() const;

Q_SIGNALS:
    void totalUnreadChanged(int unread);

private:
    void reload();
    void update(const QSet<qint64> &ids);
    bool belongs(const ConversationSummary &summary) const;
    void noteUnread();

    LocalCache &m_cache;
    qint64 m_agent = 0;
    bool m_agentFixed = false;
    QList<ConversationSummary> m_rows;
    int m_unread = 0;
};

} // namespace Tandem
