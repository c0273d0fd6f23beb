// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace Tandem::Server {

RateLimiter::RateLimiter(int perMinute, int burst, Clock clock)
    : RateLimiter(std::max(1, perMinute) / 60000.0, burst, std::move(clock))
{
}

RateLimiter RateLimiter::perHour(int perHour, int burst)
{
    return RateLimiter(std::max(1, perHour) / 3600000.0, burst, {});
}

RateLimiter::RateLimiter(double perMs, int burst, Clock clock)
    : m_perMs(perMs)
    , m_burst(std::max(1, burst))
    , m_tokens(m_burst)
    , m_clock(std::move(clock))
{
    m_elapsed.start();
    m_lastMs = now();
}

void RateLimiter::refill()
{
    const qint64 t = now();
    m_tokens = std::min(m_burst, m_tokens + double(t - m_lastMs) * m_perMs);
    m_lastMs = t;
}

bool RateLimiter::take()
{
    refill();
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void RateLimiter::giveBack()
{
    m_tokens = std::min(m_burst, m_tokens + 1.0);
}

qint64 RateLimiter::retryAfterMs()
{
    // Refilled first: a bucket that nobody drew from since it emptied is full again by now.
    refill();
    return m_tokens >= 1.0 ? 0 : qint64(std::ceil((1.0 - m_tokens) / m_perMs));
}

bool RateLimiter::isFull()
{
    refill();
    return m_tokens >= m_burst;
}

} // namespace Tandem::Server
