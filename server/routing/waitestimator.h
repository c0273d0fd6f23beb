// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace Tandem::Server {

//! Estimates how long a queued customer waits, from how long recent chats took and how
//! much room the available agents have.
class WaitEstimator
{
public:
    static constexpr int Samples = 20;
    static constexpr qint64 DefaultHandleMs = 5 * 60 * 1000;

    //! Durations (assignment to end) of recently ended chats, newest first.
    void setHandleTimes(const QList<qint64> &newestFirstMs);
    void addHandleTime(qint64 ms);
    qint64 meanHandleMs() const;

    //! `position` is 1-based; `freeSlots` chats could be given out right now; `capacity` is
    //! the available agents' total. Returns 0 when a slot is free, -1 when nobody can serve.
    int expectedWaitSeconds(int position, int freeSlots, int capacity) const;

private:
    QList<qint64> m_newestFirst;
};

} // namespace Tandem::Server
