// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <atomic>

namespace Tandem {

//! Where the time of day comes from. Everything that stamps a record or decides when
//! something is due asks a Clock, so tests can move time instead of waiting for it.
//! Safe to read from any thread.
class Clock
{
public:
    virtual ~Clock() = default;
    //! Milliseconds since the epoch, UTC.
    virtual qint64 nowMs() const = 0;
    //! Whether time passes by itself; a clock that does not moves only when told to.
    virtual bool runsByItself() const = 0;
    QDateTime now() const { return fromMs(nowMs()); }
    //! A UTC time from milliseconds since the epoch.
    static QDateTime fromMs(qint64 ms);

    //! The system's clock, shared by everyone who is not given another.
    static const Clock &system();
};

//! Time that stands still until moved: starts at a given moment and moves only forward.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs)
        : m_ms(startMs)
    {
    }
    qint64 nowMs() const override { return m_ms.load(); }
    bool runsByItself() const override { return false; }
    //! Moves time forward by `ms` (negative amounts are ignored); returns the new time.
    qint64 advance(qint64 ms);

private:
    std::atomic<qint64> m_ms;
};

} // namespace Tandem
