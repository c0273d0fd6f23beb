// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simulatedcustomer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <vector>

namespace Tandem::Sim {

class SimStats;

//! All simulated customers: brings them in at a steady pace rather than all in one
//! millisecond, then hands new conversations to idle ones at the requested rate.
class Crowd : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        //! What every customer is given (each gets its own index).
        SimulatedCustomer::Settings customer;
        int customers = 5;
        double conversationsPerSecond = 0.2;
        int connectsPerSecond = 200;
    };

    Crowd(const Settings &settings, SimStats &stats, QObject *parent);

    void start();
    void shutDown();

private:
    void ramp();
    void startConversations();
    void onIdle(SimulatedCustomer *customer);

    Settings m_settings;
    SimStats &m_stats;
    std::vector<SimulatedCustomer *> m_customers;
    //! Longest idle first, so each customer's last exchange has time to finish.
    std::deque<SimulatedCustomer *> m_idle;
    QSet<SimulatedCustomer *> m_queued;
    QTimer m_rampTimer;
    QElapsedTimer m_rampClock;
    QTimer m_startTimer;
    QElapsedTimer m_startClock;
    double m_credit = 1.0; // the first conversation starts as soon as someone is there
};

} // namespace Tandem::Sim
