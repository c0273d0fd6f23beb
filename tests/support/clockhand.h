// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testclient.h"

#include <memory>

class TandemdProcess;

//! Moves the clock of a tandemd started with `--manual-clock`: an admin connection that
//! sends `clock.advance`. Its reply comes after every timer that came due has run and the
//! storage work those timers queued at once was committed and sent. Work they set off in
//! steps (a read, then a write from its answer) may still be under way: another advance
//! is a barrier behind each further step.
class ClockHand
{
public:
    //! A moment far from the real time, for `--manual-clock`.
    static constexpr qint64 Start = 1'800'000'000'000;
    static QStringList startArguments(qint64 startMs = Start);

    //! Adds an admin account to `server` (once per data directory) and signs it in.
    explicit ClockHand(TandemdProcess &server);
    ~ClockHand();
    bool isReady() const;
    //! Moves time forward; false (with a warning) if the server did not answer ok.
    bool advance(qint64 ms);
    //! How many timers the last advance ran.
    int timersRun() const { return m_timersRun; }

private:
    std::unique_ptr<TestClient> m_admin;
    int m_timersRun = 0;
};
