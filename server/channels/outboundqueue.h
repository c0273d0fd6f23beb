// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channeloperations.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace Tandem::Server {

class Scheduler;
class Storage;

//! Sends the replies queued for channels (the `outbound` table): each due one goes to its
//! channel's deliver(), and what becomes of it is recorded (ChannelOperations::
//! recordOutcome), with retries after a growing wait. The table is the truth: after a
//! restart the queue carries on from it. One attempt per reply at a time; the next look
//! is a Scheduler job at the earliest due time. Runs under the `outbound` lease.
class OutboundQueue : public QObject
{
    Q_OBJECT
public:
    static const QString PumpJob;

    OutboundQueue(Storage &storage, Scheduler &scheduler,
                  ChannelOperations::RetryPolicy policy = {}, QObject *parent = nullptr);
    ~OutboundQueue() override;

    //! Replies for `channel->name()` go to it (the queue does not own it).
    void addChannel(Channel *channel);
    //! Starts sending: looks at what is due now, and again whenever a reply is queued.
    void start();
    //! This customer's replies on `channel`, held while they were away, are due now.
    void wake(const QString &channel, qint64 customerId);
    //! Attempts in flight now.
    int inFlight() const { return int(m_inFlight.size()); }

Q_SIGNALS:
    //! An attempt's outcome was recorded (for tests and logs).
    void settled(const Tandem::Server::OutboundRecord &record);

private:
    struct Looked {
        QList<OutboundItem> items;
        QList<qint64> unreadable;
    };
    void look();
    void send(const QList<OutboundItem> &items);
    void finish(qint64 messageId, const DeliveryOutcome &outcome);
    //! `afterTrouble`: a read or save just failed; the next look waits a while.
    void scheduleNextLook(bool afterTrouble);

    Storage &m_storage;
    Scheduler &m_scheduler;
    ChannelOperations::RetryPolicy m_policy;
    QHash<QString, Channel *> m_channels;
    QSet<qint64> m_inFlight;
    QSet<qint64> m_unreadable; // queued replies that could not be read, by message
    bool m_started = false;
    bool m_looking = false;
    bool m_lookAgain = false;
};

} // namespace Tandem::Server
