// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMutex>
#include <QMutexLocker>
#include <deque>
#include <functional>

namespace Tandem {

//! Work handed from any thread to one worker thread, which takes everything queued at once
//! so that it can commit it in one transaction (group commit). `wake` is called once per
//! batch, on the first push after a take — it should queue the worker's drain.
template<typename Job> class BatchQueue
{
public:
    explicit BatchQueue(std::function<void()> wake)
        : m_wake(std::move(wake))
    {
    }

    void push(Job job)
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.push_back(std::move(job));
        if (std::exchange(m_woken, true))
            return;
        m_wake();
    }

    //! Everything queued so far; the next push wakes the worker again.
    std::deque<Job> takeAll()
    {
        QMutexLocker lock(&m_mutex);
        m_woken = false;
        return std::exchange(m_jobs, {});
    }

private:
    std::function<void()> m_wake;
    QMutex m_mutex;
    std::deque<Job> m_jobs;
    bool m_woken = false;
};

} // namespace Tandem
