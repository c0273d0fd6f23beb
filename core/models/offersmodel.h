// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/routingframes.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>

namespace Tandem {

class SyncClient;

//! The live chats offered to the signed-in agent and not yet taken, passed on or lapsed,
//! oldest first, each with the seconds it has left (updated every second). Fed by the
//! SyncClient's `offer` and `offer.ended` frames; offers end with the connection too, as the
//! server sends those still open again when it is back.
class OffersModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        CustomerNameRole,
        ChannelRole,
        FirstMessageRole, // the customer's first words, empty if none yet
        PriorityRole,
        DeadlineRole, // local time the offer lapses
        RemainingSecondsRole,
        TimeoutSecondsRole,
    };

    //! How long an offer that lapsed by the local clock stays, for the server's word on it.
    static constexpr int LapsedGraceMs = 5000;

    //! `sync` may be null (tests): then offers come only through add().
    explicit OffersModel(SyncClient *sync, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Adds an offer, or renews the one for the same conversation.
    void add(const Tandem::Offer &offer);
    void remove(qint64 conversationId);
    void clear();
    int rowOf(qint64 conversationId) const;
    std::optional<Tandem::Offer> offer(qint64 conversationId) const;

Q_SIGNALS:
    //! A new offer came (not a renewal): time to get the agent's attention.
    void offerArrived(const Tandem::Offer &offer);

private:
    void tick();
    int remainingSeconds(const Offer &offer) const;

    QPointer<SyncClient> m_sync;
    QList<Offer> m_offers;
    QTimer m_ticker;
};

} // namespace Tandem
