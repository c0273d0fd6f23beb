// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <map>
#include <optional>

namespace Tandem {
class Clock;
}

namespace Tandem::Server {

class Storage;

//! Every timer of the server: offer timeouts, grace periods, and whatever comes due later
//! (snoozes, SLA warnings, auto-replies, polling). A job has a kind, a key unique within
//! its kind, a due time and a small JSON payload. Time is the injected Clock's: when it
//! runs by itself one timer is armed for the earliest job; when it is moved by hand, the
//! mover calls runDue().
//!
//! Durable jobs are written to the store and read back by start(), so a restart loses
//! none; one that came due while the server was down runs as soon as its handler is set.
//! In-memory jobs are for timers whose subject itself lives only in memory (an offer).
//! Lives on the main thread.
class Scheduler : public QObject
{
    Q_OBJECT
public:
    struct Job {
        QString kind;
        QString key;
        QDateTime due;
        QJsonObject payload;
    };
    enum class Keep { Durable, InMemory };
    using Handler = std::function<void(const Job &)>;

    Scheduler(Storage &storage, const Clock &clock, QObject *parent = nullptr);
    ~Scheduler() override;

    //! Reads the durable jobs, then calls `ready` (on this thread).
    void start(std::function<void()> ready);
    //! Who runs jobs of `kind`. Until it is set, jobs of that kind wait.
    void setHandler(const QString &kind, Handler handler);
    //! No one runs `kind` any more (its owner is going away); its jobs wait.
    void removeHandler(const QString &kind);

    //! Adds the job, replacing any of the same kind and key.
    void schedule(const Job &job, Keep keep = Keep::Durable);
    void cancel(const QString &kind, const QString &key);
    std::optional<Job> find(const QString &kind, const QString &key) const;
    int pending() const { return int(m_jobs.size()); }

    //! Runs every job due by now, earliest first (ties: in the order scheduled); returns
    //! how many ran. A job a handler schedules that is due already runs in the same call.
    int runDue();

    const Clock &clock() const { return m_clock; }

private:
    using Id = QPair<QString, QString>;      // kind, key
    using Slot = std::pair<qint64, quint64>; // due (ms), order scheduled
    struct Entry {
        Job job;
        Keep keep = Keep::Durable;
        Slot slot;
    };
    void remove(const Id &id, bool forget);
    //! Deletes the job's row in the store.
    void dropStored(const Id &id);
    void arm();
    void loaded(const QList<Job> &jobs);

    Storage &m_storage;
    const Clock &m_clock;
    QHash<Id, Entry> m_jobs;
    std::map<Slot, Id> m_byDue;
    QHash<QString, Handler> m_handlers;
    quint64 m_order = 0;
    bool m_loaded = false;
    QSet<Id> m_goneBeforeLoad; // cancelled, run or replaced before the stored jobs were read
    QTimer m_timer;
    bool m_running = false;
};

} // namespace Tandem::Server
