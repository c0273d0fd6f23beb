// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store.h"

#include "platform/batchqueue.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <deque>
#include <functional>
#include <memory>
#include <type_traits>
#include <vector>

namespace Tandem::Server {

//! Runs every store operation on one storage thread. Operations queued while a commit is
//! on its way to disk are committed together in the next transaction (group commit), each
//! inside its own savepoint so a failing one does not undo the others. A caller hears
//! back, on its own thread, only after its transaction is committed; `committed` carries
//! the events of that transaction first, in seq order.
//!
//! Reads that need no write (history, pages, catch-up, /healthz) go to read() instead:
//! with a reader store they run on its own thread and connection, each in one read
//! transaction, so they see one committed state and neither wait for the writer nor hold
//! its lock (SQLite in WAL mode lets readers and the writer run at once).
class Storage : public QObject
{
    Q_OBJECT
public:
    //! `reader`, when given, is a second connection to the same data, opened read-only.
    explicit Storage(std::unique_ptr<Store> store, std::unique_ptr<Store> reader = nullptr,
                     QObject *parent = nullptr);
    ~Storage() override;

    //! Opens the store (and then the reader) on their threads and waits (start-up only).
    Result<Done> open();

    //! Queues `op(Store &) -> Result<T>` and calls `done(Result<T>)` on `context`'s thread
    //! once committed (or failed). Nothing is called if `context` is gone by then.
    template<typename Op, typename Callback> void run(QObject *context, Op op, Callback done)
    {
        enqueue(makeJob(context, std::move(op), std::move(done)));
    }

    //! Like run() for an `op` that only reads: on the reader's connection when there is
    //! one, else with the writes. `op` must not write (the reader refuses to).
    template<typename Op, typename Callback> void read(QObject *context, Op op, Callback done)
    {
        Job job = makeJob(context, std::move(op), std::move(done));
        if (m_reader)
            enqueueRead(std::move(job));
        else
            enqueue(std::move(job));
    }

    struct Stats {
        qint64 transactions = 0;
        qint64 operations = 0;
        qint64 reads = 0;
    };
    Stats stats() const;

Q_SIGNALS:
    void committed(const QList<Tandem::Event> &events);

private:
    using Answer = std::function<void()>; // runs on the caller's thread
    struct Job {
        std::function<bool(Store &)> run;
        //! What to tell the caller, given whether its transaction committed.
        std::function<Answer(bool committed)> finish;
    };
    template<typename Op, typename Callback> Job makeJob(QObject *context, Op op, Callback done)
    {
        using R = std::invoke_result_t<Op &, Store &>;
        auto result = std::make_shared<std::optional<R>>();
        Job job;
        job.run = [op = std::move(op), result](Store &store) mutable {
            result->emplace(op(store));
            return (*result)->ok();
        };
        job.finish = [context = QPointer<QObject>(context), done = std::move(done),
                      result](bool committed) mutable -> Answer {
            if (!committed)
                result->emplace(
                    Failure{ErrorCode::Internal, QStringLiteral("The change could not be saved")});
            return [context, done = std::move(done), result]() mutable {
                if (context)
                    done(std::move(**result));
            };
        };
        return job;
    }
    //! Runs `answers` in order on this object's thread, all from one queued call: a batch
    //! wakes the callers' thread once, not once per request.
    void answer(std::vector<Answer> answers);
    void answer(Answer answer);
    void enqueue(Job job);
    void enqueueRead(Job job);
    void drain();
    void drainReads();

    std::unique_ptr<Store> m_store;
    QThread m_thread;
    QObject *m_worker = nullptr;
    BatchQueue<Job> m_jobs;
    std::unique_ptr<Store> m_reader;
    QThread m_readerThread;
    QObject *m_readerWorker = nullptr;
    BatchQueue<Job> m_reads;
    mutable QMutex m_mutex; // guards m_stats
    Stats m_stats;
};

} // namespace Tandem::Server
