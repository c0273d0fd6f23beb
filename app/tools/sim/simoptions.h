// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Tandem::Sim {

//! What the command line asked for, checked.
struct SimOptions {
    QUrl server; // base, e.g. ws://127.0.0.1:8640
    int customers = 5;
    double rate = 0.2;          // new conversations per second, all customers together
    double durationSeconds = 0; // 0: until SIGINT/SIGTERM
    int thinkMs = 3000;
    int messages = 4;
    int liveSharePercent = 0; // conversations started as live chats (routed to agents)
    int patienceSeconds = 0;  // 0: customers wait for an answer for ever
    QList<qint64> inboxes;    // web inboxes customers write to, in turn; empty: the first
    int connectsPerSecond = 200;
    QString agentEmail;       // empty: no sim agent
    QString agentPassword;    // from TANDEM_SIM_AGENT_PASSWORD
    int agentConnections = 0; // 0: enough for the expected reply rate
    int agentRequestsPerMinute = 600;
    bool json = false;
    //! A working week on a --manual-clock server's clock (WeekSimulation); --customers is
    //! then the conversations over the week, and --agent-email an admin who moves the clock.
    bool week = false;

    QUrl endpoint(const QString &path) const;
    //! Links the sim agent will use (resolving 0 to the automatic choice).
    int effectiveAgentConnections() const;
};

//! Fills `options` from the arguments; when false, `message` says what was wrong. --help
//! and --version print and exit here.
bool parseSimOptions(const QStringList &arguments, SimOptions &options, QString &message);

} // namespace Tandem::Sim
