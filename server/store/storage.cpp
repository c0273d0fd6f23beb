// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage.h"

#include "logging/logging.h"

#include <QMutexLocker>

namespace Tandem::Server {

Storage::Storage(std::unique_ptr<Store> store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_jobs([this] {
        QMetaObject::invokeMethod(
            m_worker, [this] { drain(); }, Qt::QueuedConnection);
    })
{
    qRegisterMetaType<QList<Tandem::Event>>();
    m_thread.setObjectName(QStringLiteral("tandem-storage"));
    m_worker = new QObject; // lives on the storage thread; deleted when it finishes
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

Storage::~Storage()
{
    // Let queued work finish, then close the store on the thread that opened it.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            drain();
            m_store.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Result<Done> Storage::open()
{
    std::optional<Result<Done>> result;
    QMetaObject::invokeMethod(
        m_worker, [&] { result.emplace(m_store->open()); }, Qt::BlockingQueuedConnection);
    return *result;
}

Storage::Stats Storage::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

void Storage::enqueue(Job job)
{
    m_jobs.push(std::move(job));
}

void Storage::drain()
{
    if (!m_store)
        return;
    std::deque<Job> jobs = m_jobs.takeAll();
    if (jobs.empty())
        return;

    QList<Event> &pending = m_store->appendedEvents();
    pending.clear();
    bool committed = m_store->begin().ok();
    if (committed) {
        for (Job &job : jobs) {
            const qsizetype eventsBefore = pending.size();
            if (!m_store->savepoint()) {
                committed = false;
                break;
            }
            if (job.run(*m_store)) {
                m_store->releaseSavepoint();
            } else {
                m_store->rollbackToSavepoint();
                pending.resize(eventsBefore);
            }
        }
        committed = committed && m_store->commit();
        if (!committed)
            m_store->rollback();
    }
    if (!committed)
        qCCritical(lcStore) << "a transaction of" << jobs.size() << "requests failed";
    {
        QMutexLocker lock(&m_mutex);
        ++m_stats.transactions;
        m_stats.operations += qint64(jobs.size());
    }
    if (committed && pending.size() > 0)
        Q_EMIT this->committed(pending);
    pending.clear();
    for (Job &job : jobs)
        job.finish(committed);
}

} // namespace Tandem::Server
