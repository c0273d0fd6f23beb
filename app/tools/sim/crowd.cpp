// SPDX-License-Identifier: GPL-3.0-or-later
#include "crowd.h"

#include "simstats.h"

#include <algorithm>
#include <cmath>

namespace Tandem::Sim {
namespace {
constexpr int TickMs = 20;
} // namespace

Crowd::Crowd(const Settings &settings, SimStats &stats, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_stats(stats)
{
    m_customers.reserve(size_t(std::max(0, settings.customers)));
    m_rampTimer.setInterval(TickMs);
    m_startTimer.setInterval(TickMs);
    connect(&m_rampTimer, &QTimer::timeout, this, &Crowd::ramp);
    connect(&m_startTimer, &QTimer::timeout, this, &Crowd::startConversations);
}

void Crowd::start()
{
    m_rampClock.start();
    m_startClock.start();
    m_rampTimer.start();
    m_startTimer.start();
    ramp();
}

void Crowd::shutDown()
{
    m_rampTimer.stop();
    m_startTimer.stop();
    for (SimulatedCustomer *customer : m_customers)
        customer->shutDown();
}

void Crowd::ramp()
{
    const qint64 due =
        std::min<qint64>(m_settings.customers,
                         1 + m_rampClock.elapsed() * qint64(m_settings.connectsPerSecond) / 1000);
    while (qint64(m_customers.size()) < due) {
        SimulatedCustomer::Settings s = m_settings.customer;
        s.index = int(m_customers.size());
        auto *customer = new SimulatedCustomer(s, m_stats, this);
        connect(customer, &SimulatedCustomer::becameIdle, this, &Crowd::onIdle);
        m_customers.push_back(customer);
        ++m_stats.customersCreated;
        customer->connectToServer();
    }
    if (qint64(m_customers.size()) >= m_settings.customers)
        m_rampTimer.stop();
}

void Crowd::onIdle(SimulatedCustomer *customer)
{
    if (!m_queued.contains(customer)) {
        m_queued.insert(customer);
        m_idle.push_back(customer);
    }
}

void Crowd::startConversations()
{
    const double seconds = double(m_startClock.restart()) / 1000.0;
    m_credit += m_settings.conversationsPerSecond * seconds;
    while (m_credit >= 1.0 && !m_idle.empty()) {
        SimulatedCustomer *customer = m_idle.front();
        m_idle.pop_front();
        m_queued.remove(customer);
        // It may have dropped or been given up on since it queued.
        if (customer->startConversation())
            m_credit -= 1.0;
    }
    // Up to a second's worth may wait for a customer to come free; beyond that the
    // conversations are counted as missed, so the figures show the crowd was too small.
    const double cap = std::max(1.0, m_settings.conversationsPerSecond);
    if (m_credit > cap + 1.0) {
        const double missed = std::floor(m_credit - cap);
        m_stats.startsMissed += qint64(missed);
        m_credit -= missed;
    }
}

} // namespace Tandem::Sim
