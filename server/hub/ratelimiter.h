// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>

namespace Tandem::Server {

//! A token bucket: `burst` requests at once, refilled at `perMinute`.
class RateLimiter
{
public:
    RateLimiter(int perMinute, int burst);

    //! True if a request may go ahead now.
    bool take();
    //! How long until the next request would be allowed.
    qint64 retryAfterMs() const;
    //! Requests refused since the last one allowed.
    int refusedInARow() const { return m_refusedInARow; }

private:
    void refill();

    double m_perMs;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = 0;
    int m_refusedInARow = 0;
    QElapsedTimer m_clock;
};

} // namespace Tandem::Server
