// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channel.h"

#include <QObject>
#include <QSet>
#include <functional>

namespace Tandem::Server {

//! The web widget as a channel. Its transport is the customer's own connection: a reply
//! reaches an open widget as a `message.created` event the moment it is committed, and a
//! widget that opens later reads it in its catch-up or history. So a reply is `sent` once
//! the customer has the widget open; while nobody has it open the reply is held (not an
//! attempt, no retries used up) and tried again when they come back. `delivered` and
//! `read` are the widget's own reports (the `received` and `read` commands).
class WebChannel : public QObject, public Channel
{
    Q_OBJECT
public:
    //! `connected`: whether the customer has a widget open now.
    explicit WebChannel(std::function<bool(qint64 customerId)> connected,
                        QObject *parent = nullptr);

    QString name() const override;
    void deliver(const OutboundItem &item, std::function<void(DeliveryOutcome)> done) override;

    void holding(const QList<qint64> &customers) override;

    //! A customer opened the widget (their first connection).
    void customerArrived(qint64 customerId);

Q_SIGNALS:
    //! Replies held for this customer may go now (OutboundQueue::wake).
    void wakeRequested(const QString &channel, qint64 customerId);

private:
    std::function<bool(qint64)> m_connected;
    QSet<qint64> m_away; // customers with replies held for them
};

} // namespace Tandem::Server
