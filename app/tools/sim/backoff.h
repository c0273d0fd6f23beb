// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Tandem::Sim {

//! Reconnect delays: exponential with full jitter, so thousands of clients that lost the
//! server at the same moment do not all come back at the same moment.
class Backoff
{
public:
    Backoff(int baseMs = 500, int capMs = 30000);

    //! The next delay: uniform in [0, min(cap, base * 2^failures)].
    int nextDelayMs();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_baseMs;
    int m_capMs;
    int m_failures = 0;
};

} // namespace Tandem::Sim
