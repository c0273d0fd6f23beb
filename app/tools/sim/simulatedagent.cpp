// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedagent.h"

#include "phrasebook.h"
#include "simstats.h"

#include "domain/event.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>

namespace Tandem::Sim {

SimulatedAgent::SimulatedAgent(const Settings &settings, SimStats &stats, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_stats(stats)
    , m_credentials{settings.email, settings.password, {}}
{
    m_stats.agentEnabled = true;
    m_stats.agentConnections = std::max(1, settings.connections);
    // Paced links free up a slot every few milliseconds; polling at that grain is cheaper
    // than a timer per link.
    m_pumpTimer.setInterval(10);
    connect(&m_pumpTimer, &QTimer::timeout, this, &SimulatedAgent::pump);
    for (int i = 0; i < m_stats.agentConnections; ++i) {
        auto *link =
            new AgentLink(settings.url, i, settings.requestsPerMinute, m_credentials, stats, this);
        m_links.push_back(link);
        connect(link, &AgentLink::fatal, this, [this](const QString &why) {
            if (!m_stopped)
                Q_EMIT failed(why);
        });
        connect(link, &AgentLink::becameLive, this, &SimulatedAgent::pump);
        connect(link, &AgentLink::returned, this, &SimulatedAgent::requeue);
        connect(link, &AgentLink::acknowledged, this, [this](const AgentReply &) {
            ++m_stats.agentRepliesSent;
            --m_stats.agentBacklog;
        });
        connect(link, &AgentLink::refusedForGood, this,
                [this](const AgentReply &, const QString &) {
                    ++m_stats.sendFailures;
                    --m_stats.agentBacklog;
                });
    }
    AgentLink *primary = m_links.front();
    connect(primary, &AgentLink::becameLive, this, &SimulatedAgent::onPrimaryLive);
    connect(primary, &AgentLink::eventReceived, this, &SimulatedAgent::onEvent);
    connect(primary, &AgentLink::missedEvents, this, &SimulatedAgent::onMissedEvents);
}

void SimulatedAgent::start()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    // The others wait for its token: one password check instead of one per link.
    m_links.front()->start();
}

void SimulatedAgent::shutDown()
{
    m_stopped = true;
    m_pumpTimer.stop();
    for (AgentLink *link : m_links)
        link->shutDown();
}

void SimulatedAgent::onPrimaryLive()
{
    if (m_ready)
        return;
    m_ready = true;
    for (size_t i = 1; i < m_links.size(); ++i) {
        m_links[i]->resumeFrom(m_links.front()->lastSeq());
        m_links[i]->start();
    }
    Q_EMIT ready();
}

void SimulatedAgent::onEvent(qint64, const QString &kind, const QJsonObject &data)
{
    if (kind != EventKind::MessageCreated)
        return;
    const auto message = Wire::decodeMessage(data.value(QStringLiteral("message")).toObject());
    if (!message) {
        m_stats.protocolViolation(QStringLiteral("agent: ") + message.failure().message);
        return;
    }
    if (message->author.kind == Party::Kind::Customer)
        answer(message->conversationId, message->id);
}

void SimulatedAgent::onMissedEvents(const QJsonObject &snapshot)
{
    // Too far behind for a replay: answer what is still waiting from this run.
    const QJsonArray conversations = snapshot.value(QStringLiteral("conversations")).toArray();
    for (const QJsonValue &value : conversations) {
        const QJsonObject json = value.toObject();
        if (!json.contains(QStringLiteral("lastMessage")))
            continue;
        const auto last = Wire::decodeMessage(json.value(QStringLiteral("lastMessage")).toObject());
        if (last && last->author.kind == Party::Kind::Customer && last->createdAt >= m_startedAt)
            answer(last->conversationId, last->id);
    }
}

void SimulatedAgent::answer(qint64 conversationId, qint64 customerMessageId)
{
    if (m_stopped || m_answered.contains(customerMessageId))
        return;
    m_answered.insert(customerMessageId);
    ++m_stats.agentRepliesQueued;
    ++m_stats.agentBacklog;
    m_queue.push_back({conversationId, QUuid::createUuid(), Phrasebook::agentLine(), 0});
    pump();
}

void SimulatedAgent::requeue(const QList<AgentReply> &replies)
{
    if (m_stopped)
        return;
    for (auto it = replies.crbegin(); it != replies.crend(); ++it)
        m_queue.push_front(*it);
    pump();
}

void SimulatedAgent::pump()
{
    // Round robin, so the load (and the server's per-connection limits) is shared evenly.
    size_t idleRounds = 0;
    while (!m_queue.empty() && idleRounds < m_links.size()) {
        AgentLink *link = m_links[m_nextLink];
        m_nextLink = (m_nextLink + 1) % m_links.size();
        if (!link->canSend()) {
            ++idleRounds;
            continue;
        }
        idleRounds = 0;
        link->send(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    if (m_queue.empty())
        m_pumpTimer.stop();
    else if (!m_pumpTimer.isActive() && !m_stopped)
        m_pumpTimer.start();
}

} // namespace Tandem::Sim
