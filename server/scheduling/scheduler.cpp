// SPDX-License-Identifier: GPL-3.0-or-later
#include "scheduler.h"

#include "logging/logging.h"
#include "platform/clock.h"
#include "store/storage.h"

#include <algorithm>

namespace Tandem::Server {
namespace {

// A timer armed far ahead is re-armed on the way, so a clock set forward is noticed.
constexpr qint64 LongestSleepMs = 60LL * 60 * 1000;

JobRecord toRecord(const Scheduler::Job &job)
{
    return {job.kind, job.key, job.due, job.payload};
}

} // namespace

Scheduler::Scheduler(Storage &storage, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { runDue(); });
}

Scheduler::~Scheduler() = default;

void Scheduler::start(std::function<void()> ready)
{
    m_storage.run(
        this,
        [](Store &store) {
            return forClient(store.jobs(), QStringLiteral("The timers could not be read"));
        },
        [this, ready = std::move(ready)](Result<QList<JobRecord>> records) {
            QList<Job> jobs;
            if (records) {
                for (const JobRecord &r : records.value())
                    jobs.append({r.kind, r.key, r.due, r.payload});
            } else {
                qCWarning(lcHub) << "timers could not be read:" << records.failure().message;
            }
            loaded(jobs);
            if (ready)
                ready();
        });
}

void Scheduler::loaded(const QList<Job> &jobs)
{
    m_loaded = true;
    for (const Job &job : jobs) {
        const Id id{job.kind, job.key};
        // One scheduled, cancelled or run since start() was called is newer than the
        // stored one; a cancelled one is gone from the disk by now too.
        if (m_goneBeforeLoad.contains(id))
            continue;
        if (!m_jobs.contains(id)) {
            const Slot slot{job.due.toMSecsSinceEpoch(), m_order++};
            m_jobs.insert(id, Entry{job, Keep::Durable, slot});
            m_byDue.emplace(slot, id);
        }
    }
    m_goneBeforeLoad.clear();
    qCInfo(lcHub) << "timers:" << jobs.size() << "waiting";
    arm();
}

void Scheduler::setHandler(const QString &kind, Handler handler)
{
    m_handlers.insert(kind, std::move(handler));
    // Jobs of this kind that came due while nobody could run them run now, but not inside
    // the caller's own set-up.
    QMetaObject::invokeMethod(this, &Scheduler::runDue, Qt::QueuedConnection);
}

void Scheduler::removeHandler(const QString &kind)
{
    m_handlers.remove(kind);
    arm();
}

void Scheduler::schedule(const Job &job, Keep keep)
{
    const Id id{job.kind, job.key};
    // A durable job replaced by one kept in memory must not come back after a restart,
    // also one that is stored and not read yet.
    const auto old = m_jobs.constFind(id);
    const bool forgetOld =
        keep == Keep::InMemory && (old == m_jobs.cend() ? !m_loaded : old->keep == Keep::Durable);
    remove(id, forgetOld);
    if (!m_loaded)
        m_goneBeforeLoad.insert(id);
    const Slot slot{job.due.toMSecsSinceEpoch(), m_order++};
    m_jobs.insert(id, Entry{job, keep, slot});
    m_byDue.emplace(slot, id);
    if (keep == Keep::Durable) {
        m_storage.run(
            this,
            [record = toRecord(job)](Store &store) {
                return forClient(store.saveJob(record), QStringLiteral("Could not save a timer"));
            },
            [](const Result<Done> &) {});
    }
    arm();
}

void Scheduler::cancel(const QString &kind, const QString &key)
{
    remove({kind, key}, true);
    arm();
}

void Scheduler::remove(const Id &id, bool forget)
{
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.cend()) {
        if (!m_loaded && forget) {
            // Perhaps stored and not read yet: drop it on the disk and when it is read.
            m_goneBeforeLoad.insert(id);
            dropStored(id);
        }
        return;
    }
    const bool durable = it->keep == Keep::Durable;
    m_byDue.erase(it->slot);
    m_jobs.erase(it);
    // When replacing, the new row overwrites the old one in the same order of writes.
    if (durable && forget)
        dropStored(id);
}

void Scheduler::dropStored(const Id &id)
{
    m_storage.run(
        this,
        [id](Store &store) {
            return forClient(store.deleteJob(id.first, id.second),
                             QStringLiteral("Could not drop a timer"));
        },
        [](const Result<Done> &) {});
}

std::optional<Scheduler::Job> Scheduler::find(const QString &kind, const QString &key) const
{
    const auto it = m_jobs.constFind({kind, key});
    if (it == m_jobs.cend())
        return std::nullopt;
    return it->job;
}

int Scheduler::runDue()
{
    if (m_running)
        return 0; // a handler moved the clock: the loop below picks up what came due
    m_running = true;
    int ran = 0;
    for (;;) {
        const qint64 now = m_clock.nowMs();
        std::optional<Id> next;
        for (const auto &[slot, id] : m_byDue) {
            if (slot.first > now)
                break;
            if (m_handlers.contains(id.first)) {
                next = id;
                break;
            }
        }
        if (!next)
            break;
        const Job job = m_jobs.value(*next).job;
        remove(*next, true);
        ++ran;
        qCDebug(lcHub) << "timer" << job.kind << job.key << "due" << job.due;
        m_handlers.value(job.kind)(job);
    }
    m_running = false;
    arm();
    return ran;
}

void Scheduler::arm()
{
    m_timer.stop();
    if (!m_clock.runsByItself() || m_running)
        return;
    for (const auto &[slot, id] : m_byDue) {
        if (!m_handlers.contains(id.first))
            continue;
        const qint64 wait = std::clamp<qint64>(slot.first - m_clock.nowMs(), 0, LongestSleepMs);
        m_timer.start(std::chrono::milliseconds(wait));
        return;
    }
}

} // namespace Tandem::Server
