// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <functional>

namespace Tandem::Server {

//! A token bucket: `burst` requests at once, refilled at `perMinute`.
class RateLimiter
{
public:
    //! Milliseconds on a monotonic clock; by default the process's own.
    using Clock = std::function<qint64()>;
    RateLimiter(int perMinute, int burst, Clock clock = {});
    static RateLimiter perHour(int perHour, int burst);

    //! True if a request may go ahead now (and takes its token).
    bool take();
    //! Returns a token taken for a request that turned out not to count.
    void giveBack();
    //! How long until the next request would be allowed (0: now).
    qint64 retryAfterMs();
    //! Whether the bucket has refilled completely: nothing is remembered against the client.
    bool isFull();

private:
    RateLimiter(double perMs, int burst, Clock clock);
    qint64 now() const { return m_clock ? m_clock() : m_elapsed.elapsed(); }
    void refill();

    double m_perMs;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = 0;
    Clock m_clock;
    QElapsedTimer m_elapsed;
};

} // namespace Tandem::Server
