// SPDX-License-Identifier: GPL-3.0-or-later
#include "offersmodel.h"

#include "sync/syncclient.h"

namespace Tandem {

OffersModel::OffersModel(SyncClient *sync, QObject *parent)
    : QAbstractListModel(parent)
    , m_sync(sync)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &OffersModel::tick);
    if (sync) {
        connect(sync, &SyncClient::offered, this, &OffersModel::add);
        connect(sync, &SyncClient::offerEnded, this,
                [this](qint64 conversationId, const QString &) { remove(conversationId); });
        connect(sync, &SyncClient::offersLapsed, this, &OffersModel::clear);
    }
}

int OffersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_offers.size());
}

int OffersModel::remainingSeconds(const Offer &offer) const
{
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(offer.localDeadline);
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

QVariant OffersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Offer &o = m_offers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case CustomerNameRole:
        return o.conversation.customer.name;
    case ConversationIdRole:
        return o.conversation.id;
    case ChannelRole:
        return o.conversation.channel;
    case Qt::ToolTipRole:
    case FirstMessageRole:
        return o.firstMessage ? o.firstMessage->text : QString();
    case PriorityRole:
        return o.conversation.priority;
    case DeadlineRole:
        return o.localDeadline;
    case RemainingSecondsRole:
        return remainingSeconds(o);
    case TimeoutSecondsRole:
        return (o.timeoutMs + 999) / 1000;
    default:
        return {};
    }
}

QHash<int, QByteArray> OffersModel::roleNames() const
{
    return {{ConversationIdRole, "conversationId"},
            {CustomerNameRole, "customerName"},
            {ChannelRole, "channel"},
            {FirstMessageRole, "firstMessage"},
            {PriorityRole, "priority"},
            {DeadlineRole, "deadline"},
            {RemainingSecondsRole, "remainingSeconds"},
            {TimeoutSecondsRole, "timeoutSeconds"}};
}

int OffersModel::rowOf(qint64 conversationId) const
{
    for (int row = 0; row < m_offers.size(); ++row) {
        if (m_offers.at(row).conversation.id == conversationId)
            return row;
    }
    return -1;
}

std::optional<Offer> OffersModel::offer(qint64 conversationId) const
{
    const int row = rowOf(conversationId);
    return row < 0 ? std::nullopt : std::optional<Offer>(m_offers.at(row));
}

void OffersModel::add(const Offer &offer)
{
    const int row = rowOf(offer.conversation.id);
    if (row >= 0) {
        // Sent again after a reconnect: the same offer with a fresh deadline.
        m_offers[row] = offer;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    const int at = int(m_offers.size());
    beginInsertRows({}, at, at);
    m_offers.append(offer);
    endInsertRows();
    if (!m_ticker.isActive())
        m_ticker.start();
    Q_EMIT offerArrived(offer);
}

void OffersModel::remove(qint64 conversationId)
{
    const int row = rowOf(conversationId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_offers.removeAt(row);
    endRemoveRows();
    if (m_offers.isEmpty())
        m_ticker.stop();
}

void OffersModel::clear()
{
    if (m_offers.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_offers.size()) - 1);
    m_offers.clear();
    endRemoveRows();
    m_ticker.stop();
}

void OffersModel::tick()
{
    // One that lapsed a while ago and of which the server said nothing is gone all the same.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = int(m_offers.size()) - 1; row >= 0; --row) {
        if (m_offers.at(row).localDeadline.msecsTo(now) > LapsedGraceMs)
            remove(m_offers.at(row).conversation.id);
    }
    if (!m_offers.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_offers.size()) - 1), {RemainingSecondsRole});
}

} // namespace Tandem
