// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simoptions.h"
#include "simstats.h"
#include "statsreport.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Tandem::Sim {

class Crowd;
class SimulatedAgent;

//! One run of tandem-sim: starts the agent (if any) and the crowd, prints a status line
//! every few seconds, and ends the run on time or on a signal with the summary and the
//! exit status.
class Simulation : public QObject
{
    Q_OBJECT
public:
    explicit Simulation(const SimOptions &options, QObject *parent = nullptr);

    void start();

private:
    void startCrowd();
    void printStatus();
    void checkFirstContact();
    //! exitCode < 0: decide from what happened.
    void finish(int exitCode);

    SimOptions m_options;
    SimStats m_stats;
    StatsReport m_report;
    Crowd *m_crowd;
    SimulatedAgent *m_agent = nullptr;
    QTimer m_statusTimer;
    QTimer m_durationTimer;
    QTimer m_firstContactTimer;
    QElapsedTimer m_runClock;
    bool m_finished = false;
};

} // namespace Tandem::Sim
