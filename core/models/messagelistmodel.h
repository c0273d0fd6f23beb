// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Tandem {

class SyncClient;

//! A window on one conversation's messages, oldest first, with the replies still in the
//! outbox at the end. fetchMore() pages older history from the cache and, when the cache
//! has no more, from the server. When the server confirms a reply, its row becomes the
//! server's message in place: one row, never two.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ClientIdRole,
        AuthorNameRole,
        AuthorIsAgentRole,
        TextRole,
        CreatedAtRole,
        StateRole,
        //! How far a reply got through its channel: "queued", "sent", "delivered", "read",
        //! "failed", or empty when not known (customers' messages, replies not yet synced).
        DeliveryRole,
        //! Why a failed reply did not go, for people.
        DeliveryErrorRole,
        //! "message", "note" (staff only) or "activity" (a line of the timeline).
        KindRole,
        //! An activity's change as the server described it (a QVariantMap).
        ActivityRole,
        AuthorKindRole, //!< "customer", "agent" or "system"
        //! A message that came by email: its `email` object (docs/protocol.md, "Email") as
        //! a QVariantMap; empty otherwise.
        EmailRole,
    };
    enum class State { Sent, Sending, Failed };
    Q_ENUM(State)

    static constexpr int PageSize = 50;

    //! `sync` may be null (offline use and tests): then only the cache is paged.
    MessageListModel(LocalCache &cache, SyncClient *sync, QObject *parent = nullptr);

    void setConversation(qint64 conversationId);
    qint64 conversation() const { return m_conversation; }
    //! Marks a reply the server refused for good. Returns whether it is one of the rows shown
    //! now: the outbox reports every conversation's replies, and only the view that shows
    //! this one has something to say about it.
    bool setFailed(const QUuid &clientId, bool failed);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    //! Older history is being fetched from the server (for a "loading" indicator).
    void loadingChanged(bool loading);

private:
    void refresh(const QSet<qint64> &conversations);
    void updateDeliveries(const QHash<qint64, DeliveryStatus> &byMessage);
    void askServer();
    int pendingRow(const QUuid &clientId) const;

    LocalCache &m_cache;
    QPointer<SyncClient> m_sync;
    qint64 m_conversation = 0;
    QList<Message> m_messages;    // oldest first
    QList<OutboxEntry> m_pending; // shown after the messages
    QSet<QUuid> m_failed;
    bool m_serverExhausted = false;
    bool m_loading = false;
};

} // namespace Tandem
