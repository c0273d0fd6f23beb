// SPDX-License-Identifier: GPL-3.0-or-later
#include "queuedepth.h"

#include "businesshours.h"
#include "logging/logging.h"
#include "store/storage.h"

namespace Tandem::Server {

QueueDepth::QueueDepth(Storage &storage, const BusinessHours &hours, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_hours(hours)
{
    connect(&m_timer, &QTimer::timeout, this, &QueueDepth::refresh);
}

void QueueDepth::start()
{
    m_timer.start(RefreshMs);
    refresh();
}

void QueueDepth::refresh()
{
    if (m_reading)
        return;                          // the last read is still under way
    QHash<qint64, QSet<qint64>> inboxes; // of the teams with business hours
    const QHash<qint64, BusinessCalendar> calendars = m_hours.calendars();
    for (auto it = calendars.cbegin(); it != calendars.cend(); ++it)
        inboxes.insert(it.key(), m_hours.inboxesOf(it.key()));
    m_reading = true;
    m_storage.read(
        this,
        [inboxes](Store &store) -> Result<QHash<qint64, int>> {
            QHash<qint64, int> counts;
            for (auto it = inboxes.cbegin(); it != inboxes.cend(); ++it) {
                const auto count = store.countAwaitingFirstReply(it.value());
                if (!count)
                    return storageFailed(count.failure());
                counts.insert(it.key(), count.value());
            }
            return counts;
        },
        [this](const Result<QHash<qint64, int>> &counts) {
            m_reading = false;
            if (!counts) {
                qCWarning(lcHub) << "the waiting customers could not be counted:"
                                 << counts.failure().message;
                return;
            }
            m_waiting = counts.value();
        });
}

} // namespace Tandem::Server
