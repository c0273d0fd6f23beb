// SPDX-License-Identifier: GPL-3.0-or-later
#include "waitestimator.h"

#include <cmath>
#include <numeric>

namespace Tandem::Server {

void WaitEstimator::setHandleTimes(const QList<qint64> &newestFirstMs)
{
    m_newestFirst = newestFirstMs.mid(0, Samples);
}

void WaitEstimator::addHandleTime(qint64 ms)
{
    if (ms < 0)
        return;
    m_newestFirst.prepend(ms);
    if (m_newestFirst.size() > Samples)
        m_newestFirst.removeLast();
}

qint64 WaitEstimator::meanHandleMs() const
{
    if (m_newestFirst.isEmpty())
        return DefaultHandleMs;
    const qint64 sum = std::accumulate(m_newestFirst.cbegin(), m_newestFirst.cend(), qint64(0));
    return sum / m_newestFirst.size();
}

int WaitEstimator::expectedWaitSeconds(int position, int freeSlots, int capacity) const
{
    if (capacity <= 0)
        return -1;
    if (position <= freeSlots)
        return 0;
    // A busy slot frees up after half a mean chat on average; those ahead in line who find
    // no free slot take the slots as they free up, `capacity` at a time.
    const double roundsAhead = double(position - freeSlots - 1) / double(capacity);
    const double seconds = (0.5 + roundsAhead) * double(meanHandleMs()) / 1000.0;
    return int(std::ceil(std::max(seconds, 1.0)));
}

} // namespace Tandem::Server
