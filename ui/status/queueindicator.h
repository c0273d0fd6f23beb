// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/routingframes.h"

#include <QDateTime>
#include <QLabel>
#include <QTimer>

namespace Tandem {

class SyncClient;

//! The status bar's word on the live-chat queue: how many customers wait and the longest
//! wait, from the server's queue figures. Empty until the first figures come. The server
//! sends figures when they change, not as time passes: between them the longest wait goes
//! on counting here, each second.
class QueueIndicator : public QLabel
{
    Q_OBJECT
public:
    explicit QueueIndicator(SyncClient &sync, QWidget *parent = nullptr);

    //! The figures as they stand `now`.
    static QString describe(const Tandem::QueueStats &stats, const QDateTime &now);

    void show(const Tandem::QueueStats &stats);
    //! Moves the longest wait on to `now` (each second by itself).
    void tick(const QDateTime &now);

private:
    Tandem::QueueStats m_stats;
    QTimer m_clock;
};

} // namespace Tandem
