// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulation.h"

#include "agentlink.h"
#include "crowd.h"
#include "platform/shutdownsignals.h"
#include "simulatedagent.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

namespace Tandem::Sim {
namespace {
constexpr int StatusIntervalMs = 5000;
//! Longer than tandemd's handshake time, so a slow but working server is not given up on.
constexpr int FirstContactMs = 15000;
//! Lets the close frames reach the server before the process goes.
constexpr int GoodbyeMs = 500;

enum ExitStatus { Done = 0, NoConnection = 1, SendRefused = 3 };
} // namespace

Simulation::Simulation(const SimOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_report(m_stats, options.customers, options.server.toString())
    , m_crowd(new Crowd({{options.endpoint(QStringLiteral("/ws/customer")), /* index: */ 0,
                          options.thinkMs, options.messages, options.liveSharePercent,
                          options.patienceSeconds * 1000, options.inboxes},
                         options.customers,
                         options.rate,
                         options.connectsPerSecond},
                        m_stats, this))
{
    if (!options.agentEmail.isEmpty()) {
        m_agent =
            new SimulatedAgent({options.endpoint(QStringLiteral("/ws/agent")), options.agentEmail,
                                options.agentPassword, options.effectiveAgentConnections(),
                                options.agentRequestsPerMinute},
                               m_stats, this);
        connect(m_agent, &SimulatedAgent::ready, this, &Simulation::startCrowd);
        connect(m_agent, &SimulatedAgent::failed, this, [this](const QString &why) {
            QTextStream(stderr) << "tandem-sim: the sim agent cannot sign in: " << why << "\n";
            finish(NoConnection);
        });
    }
    connect(new ShutdownSignals(this), &ShutdownSignals::requested, this, [this] { finish(-1); });
    m_statusTimer.setInterval(StatusIntervalMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &Simulation::printStatus);
    m_durationTimer.setSingleShot(true);
    m_durationTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_durationTimer, &QTimer::timeout, this, [this] { finish(-1); });
    m_firstContactTimer.setSingleShot(true);
    connect(&m_firstContactTimer, &QTimer::timeout, this, &Simulation::checkFirstContact);
}

void Simulation::start()
{
    m_runClock.start();
    m_statusTimer.start();
    m_firstContactTimer.start(FirstContactMs);
    if (m_options.durationSeconds > 0)
        m_durationTimer.start(qRound64(m_options.durationSeconds * 1000));
    if (m_agent) {
        const double capacity = m_options.effectiveAgentConnections()
                                * AgentLink::sendsPerSecond(m_options.agentRequestsPerMinute);
        const double needed = m_options.rate * m_options.messages;
        if (needed > capacity) {
            QTextStream(stderr)
                << "tandem-sim: the sim agent can answer about " << qRound(capacity)
                << " messages/s over " << m_options.effectiveAgentConnections()
                << " connections, but --rate asks for up to " << qRound(needed)
                << "; start tandemd with a higher --max-requests-per-minute and pass the "
                   "same value as --agent-rpm, or raise --agent-connections\n";
        }
        // Customers wait until the agent is in, so none of their messages goes unseen.
        m_agent->start();
    } else {
        startCrowd();
    }
}

void Simulation::startCrowd()
{
    if (m_finished)
        return;
    if (m_agent) {
        QTextStream(stderr) << "tandem-sim: the sim agent is in after " << m_runClock.elapsed()
                            << " ms; customers are coming\n";
    }
    m_crowd->start();
}

void Simulation::checkFirstContact()
{
    if (m_stats.customersEverConnected > 0 || m_finished)
        return;
    QTextStream(stderr) << "tandem-sim: nothing could connect to " << m_options.server.toString()
                        << " within " << FirstContactMs / 1000
                        << " s (errors: " << m_report.errorList() << ")\n";
    finish(NoConnection);
}

void Simulation::printStatus()
{
    // With --json, stdout carries only the summary object.
    QTextStream out(m_options.json ? stderr : stdout);
    out << m_report.statusLine(double(m_runClock.elapsed()) / 1000.0) << "\n";
    m_stats.clearRecent();
}

void Simulation::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_statusTimer.stop();
    m_durationTimer.stop();
    m_firstContactTimer.stop();
    const double elapsed = double(m_runClock.elapsed()) / 1000.0;
    if (exitCode < 0) {
        exitCode = m_stats.customersEverConnected == 0 ? NoConnection
                   : m_stats.sendFailures > 0          ? SendRefused
                                                       : Done;
    }
    // Counted before shutting down, so the summary shows who was still connected.
    const QString text = m_report.summaryText(elapsed, exitCode);
    const QJsonObject json = m_report.summaryJson(elapsed, exitCode);
    m_crowd->shutDown();
    if (m_agent)
        m_agent->shutDown();
    QTextStream out(stdout);
    if (m_options.json)
        out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << "\n";
    else
        out << text;
    out.flush();
    QTimer::singleShot(GoodbyeMs, this, [exitCode] { QCoreApplication::exit(exitCode); });
}

} // namespace Tandem::Sim
