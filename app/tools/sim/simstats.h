// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "latencyhistogram.h"

#include <QElapsedTimer>
#include <QMap>
#include <QString>

namespace Tandem::Sim {

//! Everything the simulation counts, shared by the customers, the agent and the reports.
//! Latencies are kept twice: since the start, and since the last status line.
class SimStats
{
public:
    enum class Latency {
        SendAck,        //!< customer's send until the server's ok
        AgentRoundTrip, //!< customer's send until the agent's answer reaches the customer
        AgentSendAck,   //!< the sim agent's send until its ok
    };
    static constexpr int LatencyKinds = 3;

    SimStats();

    //! Nanoseconds since the simulation's clock started; the one time base for latencies.
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }

    void record(Latency kind, qint64 nanoseconds);
    const LatencyHistogram &total(Latency kind) const { return m_total[int(kind)]; }
    const LatencyHistogram &recent(Latency kind) const { return m_recent[int(kind)]; }
    void clearRecent();

    //! A server error code, or one of ours ("timeout", "connect_failed", ...).
    void countError(const QString &code);
    const QMap<QString, qint64> &errors() const { return m_errors; }
    //! The server broke a promise of docs/protocol.md. Counted, and printed like warn().
    void protocolViolation(const QString &what);
    //! Something worth a line on stderr; only the first few are printed.
    void warn(const QString &what);

    // Customers
    qint64 customersCreated = 0;
    qint64 customersConnected = 0; //!< currently through the handshake
    qint64 customersPeak = 0;
    qint64 customersEverConnected = 0;
    qint64 customersGivenUp = 0; //!< token refused or session ended: cannot come back
    qint64 conversationsStarted = 0;
    qint64 conversationsCompleted = 0;
    qint64 conversationsAbandoned = 0; //!< the customer ran out of patience and left it
    qint64 startsMissed = 0;           //!< a start was due but every customer was busy
    qint64 messagesSent = 0;           //!< distinct messages (retries not counted)
    qint64 messagesAcked = 0;
    qint64 retries = 0;
    qint64 agentRepliesReceived = 0;
    qint64 reconnects = 0;
    qint64 disconnects = 0;
    qint64 timeouts = 0;
    qint64 sendFailures = 0; //!< sends answered with an error other than rate_limited

    // Sim agent
    bool agentEnabled = false;
    int agentConnections = 0;
    qint64 agentRepliesQueued = 0;
    qint64 agentRepliesSent = 0; //!< acknowledged by the server
    qint64 agentBacklog = 0;     //!< answers queued or in flight
    qint64 agentSeqGaps = 0;

    qint64 violations = 0;
    qint64 warnings = 0;

private:
    QElapsedTimer m_clock;
    LatencyHistogram m_total[LatencyKinds];
    LatencyHistogram m_recent[LatencyKinds];
    QMap<QString, qint64> m_errors;
};

} // namespace Tandem::Sim
