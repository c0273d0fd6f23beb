// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

namespace Tandem::Server {

class BusinessHours;
class Storage;

//! How many customers wait for each team's first reply, read from the store now and then
//! (every RefreshMs, on the read connection), so that the widget's availability can count
//! the queue without a query per request. A little stale by design; the automatic reply
//! counts in its own transaction.
class QueueDepth : public QObject
{
    Q_OBJECT
public:
    static constexpr int RefreshMs = 30 * 1000;

    QueueDepth(Storage &storage, const BusinessHours &hours, QObject *parent = nullptr);
    //! Reads the counts again (at once, then every RefreshMs).
    void start();
    //! Conversations of `teamId`'s inboxes waiting for a first reply, as last read.
    int waiting(qint64 teamId) const { return m_waiting.value(teamId); }

private:
    void refresh();

    Storage &m_storage;
    const BusinessHours &m_hours;
    QTimer m_timer;
    QHash<qint64, int> m_waiting;
    bool m_reading = false;
};

} // namespace Tandem::Server
