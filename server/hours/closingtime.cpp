// SPDX-License-Identifier: GPL-3.0-or-later
#include "closingtime.h"

#include "businesshours.h"
#include "logging/logging.h"
#include "platform/clock.h"
#include "routing/liveoperations.h"
#include "routing/router.h"
#include "scheduling/scheduler.h"
#include "store/storage.h"

namespace Tandem::Server {
namespace {
const QString CloseJob = QStringLiteral("hours.close");
} // namespace

ClosingTime::ClosingTime(Storage &storage, Scheduler &scheduler, const BusinessHours &hours,
                         Router &router, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_scheduler(scheduler)
    , m_hours(hours)
    , m_router(router)
{
    m_scheduler.setHandler(CloseJob,
                           [this](const Scheduler::Job &job) { close(job.key.toLongLong()); });
}

ClosingTime::~ClosingTime()
{
    m_scheduler.removeHandler(CloseJob);
}

void ClosingTime::reschedule()
{
    const QHash<qint64, BusinessCalendar> calendars = m_hours.calendars();
    for (qint64 team : std::as_const(m_scheduled))
        if (!calendars.contains(team))
            m_scheduler.cancel(CloseJob, QString::number(team));
    m_scheduled.clear();
    const QDateTime now = m_scheduler.clock().now();
    for (auto it = calendars.cbegin(); it != calendars.cend(); ++it) {
        if (!it->isOpen(now))
            close(it.key()); // and schedules the next
        else
            scheduleNext(it.key());
    }
}

void ClosingTime::scheduleNext(qint64 teamId)
{
    const auto calendar = m_hours.calendars().value(teamId);
    const QDateTime now = m_scheduler.clock().now();
    const QDateTime opens = calendar.nextOpening(now);
    const QDateTime closes = opens.isValid() ? calendar.nextClosing(opens) : QDateTime();
    const QString key = QString::number(teamId);
    if (!closes.isValid()) {
        m_scheduler.cancel(CloseJob, key);
        m_scheduled.remove(teamId);
        return;
    }
    m_scheduler.schedule({CloseJob, key, closes, {}}, Scheduler::Keep::InMemory);
    m_scheduled.insert(teamId);
}

void ClosingTime::close(qint64 teamId)
{
    const QList<qint64> waiting = m_router.queuedIn(m_hours.inboxesOf(teamId));
    if (!waiting.isEmpty()) {
        m_storage.run(
            this, [waiting](Store &store) { return LiveOperations::closeQueued(store, waiting); },
            [teamId](const Result<QList<Conversation>> &closed) {
                if (!closed)
                    qCWarning(lcHub) << "team" << teamId << "closed, but its queue could not be "
                                     << "turned into messages:" << closed.failure().message;
                else
                    qCInfo(lcHub) << "team" << teamId << "closed:" << closed->size()
                                  << "waiting chats became messages";
            });
    }
    scheduleNext(teamId);
}

} // namespace Tandem::Server
