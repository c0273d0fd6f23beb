// SPDX-License-Identifier: GPL-3.0-or-later
#include "statsreport.h"

#include "simstats.h"

#include <QStringList>

namespace Tandem::Sim {
namespace {
using Latency = SimStats::Latency;

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 1 : 0);
}

QString p50p95(const LatencyHistogram &h)
{
    if (h.count() == 0)
        return QStringLiteral("-");
    return ms(h.percentileMs(50)) + QLatin1Char('/') + ms(h.percentileMs(95));
}

QString fullLine(const QString &label, const LatencyHistogram &h)
{
    if (h.count() == 0)
        return QStringLiteral("  %1 no samples\n").arg(label, -18);
    return QStringLiteral("  %1 p50 %2 ms, p95 %3 ms, p99 %4 ms, max %5 ms (%6 samples)\n")
        .arg(label, -18)
        .arg(ms(h.percentileMs(50)), ms(h.percentileMs(95)), ms(h.percentileMs(99)), ms(h.maxMs()))
        .arg(h.count());
}

QJsonObject latencyJson(const LatencyHistogram &h)
{
    const auto round = [](double v) { return qRound64(v * 100) / 100.0; };
    return {{QStringLiteral("count"), h.count()},
            {QStringLiteral("p50"), round(h.percentileMs(50))},
            {QStringLiteral("p95"), round(h.percentileMs(95))},
            {QStringLiteral("p99"), round(h.percentileMs(99))},
            {QStringLiteral("max"), round(h.maxMs())},
            {QStringLiteral("mean"), round(h.meanMs())}};
}

double perSecond(qint64 count, double seconds)
{
    return seconds > 0 ? qRound64(double(count) / seconds * 10) / 10.0 : 0.0;
}
} // namespace

StatsReport::StatsReport(const SimStats &stats, int customersWanted, QString server)
    : m_stats(stats)
    , m_customersWanted(customersWanted)
    , m_server(std::move(server))
{
}

QString StatsReport::errorList() const
{
    QStringList parts;
    for (auto it = m_stats.errors().cbegin(); it != m_stats.errors().cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

QString StatsReport::statusLine(double elapsedSeconds) const
{
    const SimStats &s = m_stats;
    QString line = QStringLiteral("[%1s] customers %2/%3 | conv %4 open | sent %5 acked %6")
                       .arg(qRound(elapsedSeconds), 4)
                       .arg(s.customersConnected)
                       .arg(m_customersWanted)
                       .arg(s.conversationsStarted - s.conversationsCompleted)
                       .arg(s.messagesSent)
                       .arg(s.messagesAcked);
    line += QStringLiteral(" | agent replies %1").arg(s.agentRepliesReceived);
    line += QStringLiteral(" | ack p50/p95 %1 ms").arg(p50p95(s.recent(Latency::SendAck)));
    if (s.agentEnabled) {
        line += QStringLiteral(" | reply rtt p50/p95 %1 ms, backlog %2")
                    .arg(p50p95(s.recent(Latency::AgentRoundTrip)))
                    .arg(s.agentBacklog);
    }
    line += QStringLiteral(" | reconnects %1 | errors %2").arg(s.reconnects).arg(errorList());
    if (s.violations > 0)
        line += QStringLiteral(" | VIOLATIONS %1").arg(s.violations);
    return line;
}

QString StatsReport::summaryText(double elapsedSeconds, int exitCode) const
{
    const SimStats &s = m_stats;
    QString text = QStringLiteral("tandem-sim summary: %1 s against %2, exit status %3\n")
                       .arg(elapsedSeconds, 0, 'f', 1)
                       .arg(m_server)
                       .arg(exitCode);
    text += QStringLiteral("  customers          %1 wanted, %2 connected at the end, peak %3, "
                           "%4 ever connected, %5 given up\n")
                .arg(m_customersWanted)
                .arg(s.customersConnected)
                .arg(s.customersPeak)
                .arg(s.customersEverConnected)
                .arg(s.customersGivenUp);
    text += QStringLiteral("  conversations      %1 started, %2 completed, %3 left unanswered "
                           "(out of patience), %4 missed (no idle customer)\n")
                .arg(s.conversationsStarted)
                .arg(s.conversationsCompleted)
                .arg(s.conversationsAbandoned)
                .arg(s.startsMissed);
    text += QStringLiteral("  messages           %1 sent, %2 acknowledged (%3/s), %4 re-sent\n")
                .arg(s.messagesSent)
                .arg(s.messagesAcked)
                .arg(perSecond(s.messagesAcked, elapsedSeconds))
                .arg(s.retries);
    text += fullLine(QStringLiteral("send to ack"), s.total(Latency::SendAck));
    if (s.agentEnabled) {
        text += QStringLiteral("  sim agent          %1 answers acknowledged (%2/s) over %3 "
                               "connections, %4 still owed\n")
                    .arg(s.agentRepliesSent)
                    .arg(perSecond(s.agentRepliesSent, elapsedSeconds))
                    .arg(s.agentConnections)
                    .arg(s.agentBacklog);
        text += fullLine(QStringLiteral("reply round trip"), s.total(Latency::AgentRoundTrip));
        text += fullLine(QStringLiteral("agent send to ack"), s.total(Latency::AgentSendAck));
    }
    text += QStringLiteral("  agent replies      %1 received by customers\n")
                .arg(s.agentRepliesReceived);
    text += QStringLiteral("  connections        %1 reconnects, %2 disconnects, %3 timeouts\n")
                .arg(s.reconnects)
                .arg(s.disconnects)
                .arg(s.timeouts);
    text += QStringLiteral("  errors             %1\n").arg(errorList());
    text += QStringLiteral("  protocol           %1 violations, %2 agent sequence gaps\n")
                .arg(s.violations)
                .arg(s.agentSeqGaps);
    return text;
}

QJsonObject StatsReport::summaryJson(double elapsedSeconds, int exitCode) const
{
    const SimStats &s = m_stats;
    QJsonObject errors;
    for (auto it = s.errors().cbegin(); it != s.errors().cend(); ++it)
        errors.insert(it.key(), it.value());
    QJsonObject latency{{QStringLiteral("sendAck"), latencyJson(s.total(Latency::SendAck))}};
    QJsonObject agent{{QStringLiteral("enabled"), s.agentEnabled}};
    if (s.agentEnabled) {
        latency.insert(QStringLiteral("agentRoundTrip"),
                       latencyJson(s.total(Latency::AgentRoundTrip)));
        latency.insert(QStringLiteral("agentSendAck"), latencyJson(s.total(Latency::AgentSendAck)));
        agent.insert(QStringLiteral("connections"), s.agentConnections);
        agent.insert(QStringLiteral("repliesQueued"), s.agentRepliesQueued);
        agent.insert(QStringLiteral("repliesAcknowledged"), s.agentRepliesSent);
        agent.insert(QStringLiteral("repliesOwed"), s.agentBacklog);
        agent.insert(QStringLiteral("sequenceGaps"), s.agentSeqGaps);
    }
    return {
        {QStringLiteral("server"), m_server},
        {QStringLiteral("seconds"), qRound64(elapsedSeconds * 10) / 10.0},
        {QStringLiteral("exitCode"), exitCode},
        {QStringLiteral("customers"),
         QJsonObject{{QStringLiteral("wanted"), m_customersWanted},
                     {QStringLiteral("connectedAtEnd"), s.customersConnected},
                     {QStringLiteral("peak"), s.customersPeak},
                     {QStringLiteral("everConnected"), s.customersEverConnected},
                     {QStringLiteral("givenUp"), s.customersGivenUp}}},
        {QStringLiteral("conversations"),
         QJsonObject{{QStringLiteral("started"), s.conversationsStarted},
                     {QStringLiteral("completed"), s.conversationsCompleted},
                     {QStringLiteral("abandoned"), s.conversationsAbandoned},
                     {QStringLiteral("missed"), s.startsMissed}}},
        {QStringLiteral("messages"),
         QJsonObject{
             {QStringLiteral("sent"), s.messagesSent},
             {QStringLiteral("acknowledged"), s.messagesAcked},
             {QStringLiteral("acknowledgedPerSecond"), perSecond(s.messagesAcked, elapsedSeconds)},
             {QStringLiteral("resent"), s.retries},
             {QStringLiteral("sendFailures"), s.sendFailures},
             {QStringLiteral("agentRepliesReceived"), s.agentRepliesReceived}}},
        {QStringLiteral("latencyMs"), latency},
        {QStringLiteral("agent"), agent},
        {QStringLiteral("connections"), QJsonObject{{QStringLiteral("reconnects"), s.reconnects},
                                                    {QStringLiteral("disconnects"), s.disconnects},
                                                    {QStringLiteral("timeouts"), s.timeouts}}},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("protocolViolations"), s.violations},
    };
}

} // namespace Tandem::Sim
