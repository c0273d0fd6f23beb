// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <vector>

namespace Tandem::Sim {

class SimStats;
class SimulatedCustomer;

//! All simulated customers: brings them in at a steady pace rather than all in one
//! millisecond, then hands new conversations to idle ones at the requested rate.
class Crowd : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        QUrl url;
        int customers = 5;
        double conversationsPerSecond = 0.2;
        int thinkMs = 3000;
        int messagesPerConversation = 4;
        int connectsPerSecond = 200;
        int liveSharePercent = 0;
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
