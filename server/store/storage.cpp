// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage.h"

#include "logging/logging.h"

#include <QMutexLocker>

namespace Tandem::Server {

Storage::Storage(std::unique_ptr<Store> store, std::unique_ptr<Store> reader, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_jobs([this] {
        QMetaObject::invokeMethod(
            m_worker, [this] { drain(); }, Qt::QueuedConnection);
    })
    , m_reader(std::move(reader))
    , m_reads([this] {
        QMetaObject::invokeMethod(
            m_readerWorker, [this] { drainReads(); }, Qt::QueuedConnection);
    })
{
    qRegisterMetaType<QList<Tandem::Event>>();
    m_thread.setObjectName(QStringLiteral("tandem-storage"));
    m_worker = new QObject; // lives on the storage thread; deleted when it finishes
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    if (m_reader) {
        m_readerThread.setObjectName(QStringLiteral("tandem-reader"));
        m_readerWorker = new QObject;
        m_readerWorker->moveToThread(&m_readerThread);
        connect(&m_readerThread, &QThread::finished, m_readerWorker, &QObject::deleteLater);
        m_readerThread.start();
    }
}

Storage::~Storage()
{
    if (m_reader) {
        QMetaObject::invokeMethod(
            m_readerWorker,
            [this] {
                drainReads();
                m_reader.reset();
            },
            Qt::BlockingQueuedConnection);
        m_readerThread.quit();
        m_readerThread.wait();
    }
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
    if (!*result || !m_reader)
        return *result;
    // After the writer, which creates and migrates what the reader then reads.
    QMetaObject::invokeMethod(
        m_readerWorker, [&] { result.emplace(m_reader->open()); }, Qt::BlockingQueuedConnection);
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

void Storage::enqueueRead(Job job)
{
    m_reads.push(std::move(job));
}

void Storage::drainReads()
{
    if (!m_reader)
        return;
    std::deque<Job> jobs = m_reads.takeAll();
    for (Job &job : jobs) {
        // Each read sees one committed state, however many statements it takes.
        const bool began = m_reader->beginRead().ok();
        if (began)
            job.run(*m_reader);
        else
            qCCritical(lcStore) << "a read could not start";
        m_reader->endRead();
        // Each answered as soon as it is read: a long read must not hold up short ones.
        answer(job.finish(began));
    }
    QMutexLocker lock(&m_mutex);
    m_stats.reads += qint64(jobs.size());
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
        Q_EMIT this->committed(pending); // queued before the answers: events first
    pending.clear();
    std::vector<Answer> answers;
    answers.reserve(jobs.size());
    for (Job &job : jobs)
        answers.push_back(job.finish(committed));
    answer(std::move(answers));
}

void Storage::answer(std::vector<Answer> answers)
{
    if (answers.empty())
        return;
    answer([answers = std::move(answers)]() mutable {
        for (Answer &a : answers)
            a();
    });
}

void Storage::answer(Answer answer)
{
    QMetaObject::invokeMethod(this, std::move(answer), Qt::QueuedConnection);
}

} // namespace Tandem::Server
