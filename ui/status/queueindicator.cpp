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
        if (state != SyncClient::State::Online && state != SyncClient::State::Syncing) {
            m_clock.stop();
            clear(); // old figures would be misleading
        }
    });
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] { tick(QDateTime::currentDateTimeUtc()); });
}

QString QueueIndicator::describe(const QueueStats &stats, const QDateTime &now)
{
    if (stats.waiting == 0)
        return tr("Queue: empty");
    return tr("Queue: %n waiting, longest %1", nullptr, stats.waiting)
        .arg(LiveTimes::clock(stats.longestWaitAt(now)));
}

void QueueIndicator::show(const QueueStats &stats)
{
    m_stats = stats;
    if (stats.waiting > 0)
        m_clock.start();
    else
        m_clock.stop();
    tick(stats.receivedAt.isValid() ? stats.receivedAt : QDateTime::currentDateTimeUtc());
}

void QueueIndicator::tick(const QDateTime &now)
{
    setText(describe(m_stats, now));
    const auto urgency = LiveTimes::urgencyOf(m_stats.waiting ? m_stats.longestWaitAt(now) : 0);
    const QColor color = LiveTimes::colorOf(urgency, palette().color(QPalette::Window));
    setStyleSheet(color.isValid() ? QStringLiteral("color: %1").arg(color.name()) : QString());
}

} // namespace Tandem
