// SPDX-License-Identifier: GPL-3.0-or-later
#include "queueindicator.h"

#include "deck/livetimes.h"
#include "sync/syncclient.h"

namespace Tandem {

QueueIndicator::QueueIndicator(SyncClient &sync, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("queueIndicator"));
    setToolTip(tr("Customers waiting for a live chat"));
    connect(&sync, &SyncClient::queueStatsChanged, this, &QueueIndicator::show);
    connect(&sync, &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        if (state != SyncClient::State::Online && state != SyncClient::State::Syncing)
            clear(); // old figures would be misleading
    });
}

QString QueueIndicator::describe(const QueueStats &stats)
{
    if (stats.waiting == 0)
        return tr("Queue: empty");
    return tr("Queue: %n waiting, longest %1", nullptr, stats.waiting)
        .arg(LiveTimes::clock(stats.longestWaitSeconds));
}

void QueueIndicator::show(const QueueStats &stats)
{
    setText(describe(stats));
    const auto urgency = LiveTimes::urgencyOf(stats.waiting ? stats.longestWaitSeconds : 0);
    const QColor color = LiveTimes::colorOf(urgency, palette().color(QPalette::Window));
    setStyleSheet(color.isValid() ? QStringLiteral("color: %1").arg(color.name()) : QString());
}

} // namespace Tandem
