// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace Tandem {

//! Reconnect delays: exponential with full jitter, so a server coming back is not met by
//! every client at the same instant.
class Backoff
{
public:
    Backoff(std::chrono::milliseconds first, std::chrono::milliseconds cap);

    //! The delay before the next attempt: uniform in [0, min(cap, first * 2^attempts)].
    std::chrono::milliseconds next();
    void reset() { m_attempts = 0; }
    int attempts() const { return m_attempts; }

private:
    std::chrono::milliseconds m_first;
    std::chrono::milliseconds m_cap;
    int m_attempts = 0;
};

} // namespace Tandem
