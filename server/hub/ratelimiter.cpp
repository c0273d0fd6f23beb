// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace Tandem::Server {

RateLimiter::RateLimiter(int perMinute, int burst)
    : m_perMs(std::max(1, perMinute) / 60000.0)
    , m_burst(std::max(1, burst))
    , m_tokens(m_burst)
{
    m_clock.start();
}

void RateLimiter::refill()
{
    const qint64 now = m_clock.elapsed();
    m_tokens = std::min(m_burst, m_tokens + double(now - m_lastMs) * m_perMs);
    m_lastMs = now;
}

bool RateLimiter::take()
{
    refill();
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        m_refusedInARow = 0;
        return true;
    }
    ++m_refusedInARow;
    return false;
}

qint64 RateLimiter::retryAfterMs() const
{
    return m_tokens >= 1.0 ? 0 : qint64(std::ceil((1.0 - m_tokens) / m_perMs));
}

} // namespace Tandem::Server
