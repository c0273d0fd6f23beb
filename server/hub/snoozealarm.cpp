// SPDX-License-Identifier: GPL-3.0-or-later
#include "snoozealarm.h"

#include "conversations/statuschanges.h"
#include "logging/logging.h"
#include "platform/clock.h"
#include "scheduling/scheduler.h"
#include "store/storage.h"

namespace Tandem::Server {

SnoozeAlarm::SnoozeAlarm(Storage &storage, Scheduler &scheduler, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_scheduler(scheduler)
{
    m_scheduler.setHandler(StatusChanges::WakeJob, [this](const Scheduler::Job &job) {
        const qint64 conversationId = job.key.toLongLong();
        const QDateTime until =
            Clock::fromMs(job.payload.value(QLatin1String("until")).toInteger());
        m_storage.run(
            this,
            [conversationId, until](Store &store) {
                return StatusChanges::wake(store, conversationId, until);
            },
            [conversationId](const Result<std::optional<Conversation>> &woken) {
                if (!woken)
                    qCWarning(lcHub) << "could not wake conversation" << conversationId << ":"
                                     << woken.failure().message;
            });
    });
}

SnoozeAlarm::~SnoozeAlarm()
{
    m_scheduler.removeHandler(StatusChanges::WakeJob);
}

} // namespace Tandem::Server
