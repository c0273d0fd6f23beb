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

namespace Tandem::Server {

//! Runs every store operation on one storage thread. Operations queued while a commit is
//! on its way to disk are committed together in the next transaction (group commit), each
//! inside its own savepoint so a failing one does not undo the others. A caller hears
//! back, on its own thread, only after its transaction is committed; `committed` carries
//! the events of that transaction first, in seq order.
class Storage : public QObject
{
    Q_OBJECT
public:
    explicit Storage(std::unique_ptr<Store> store, QObject *parent = nullptr);
    ~Storage() override;

    //! Opens the store on the storage thread and waits for it (start-up only).
    Result<Done> open();

    //! Queues `op(Store &) -> Result<T>` and calls `done(Result<T>)` on `context`'s thread
    //! once committed (or failed). Nothing is called if `context` is gone by then.
    template<typename Op, typename Callback> void run(QObject *context, Op op, Callback done)
    {
        using R = std::invoke_result_t<Op &, Store &>;
        auto result = std::make_shared<std::optional<R>>();
        Job job;
        job.run = [op = std::move(op), result](Store &store) mutable {
            result->emplace(op(store));
            return (*result)->ok();
        };
        job.finish = [this, context = QPointer<QObject>(context), done = std::move(done),
                      result](bool committed) mutable {
            if (!committed)
                result->emplace(
                    Failure{ErrorCode::Internal, QStringLiteral("The change could not be saved")});
            QMetaObject::invokeMethod(
                this,
                [context, done = std::move(done), result]() mutable {
                    if (context)
                        done(std::move(**result));
                },
                Qt::QueuedConnection);
        };
        enqueue(std::move(job));
    }

    struct Stats {
        qint64 transactions = 0;
        qint64 operations = 0;
    };
    Stats stats() const;

Q_SIGNALS:
    void committed(const QList<Tandem::Event> &events);

private:
    struct Job {
        std::function<bool(Store &)> run;
        std::function<void(bool committed)> finish;
    };
    class Worker;
    void enqueue(Job job);
    void drain();

    std::unique_ptr<Store> m_store;
    QThread m_thread;
    QObject *m_worker = nullptr;
    BatchQueue<Job> m_jobs;
    mutable QMutex m_mutex; // guards m_stats
    Stats m_stats;
};

} // namespace Tandem::Server
