// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedcustomer.h"

#include "phrasebook.h"
#include "simconnection.h"
#include "simstats.h"

#include "domain/event.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>
#include <QRandomGenerator>

namespace Tandem::Sim {
namespace {
//! How long a request may go unanswered before the connection is presumed dead.
constexpr int AnswerTimeoutMs = 10000;

int withJitter(int ms, int spreadMs)
{
    return ms + int(QRandomGenerator::global()->bounded(std::max(spreadMs, 0) + 1));
}
} // namespace

SimulatedCustomer::SimulatedCustomer(const Settings &settings, SimStats &stats, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_stats(stats)
    , m_connection(new SimConnection(settings.url, this))
{
    m_deadline.setSingleShot(true);
    m_think.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &SimulatedCustomer::onDeadline);
    connect(&m_think, &QTimer::timeout, this, [this] { queueMessage(Phrasebook::followUpLine()); });
    m_patience.setSingleShot(true);
    connect(&m_patience, &QTimer::timeout, this, [this] {
        if (!m_waitingForAgent || !m_inConversation)
            return;
        // Tired of waiting: a live chat is left as a message for later; the conversation
        // stays with the team, unanswered, and this customer is free for another.
        ++m_stats.conversationsAbandoned;
        if (m_startsLive && m_conversationId > 0 && m_link == Link::Live)
            m_connection->request(Requests::followup(m_conversationId));
        endConversation(false);
    });
    connect(m_connection, &SimConnection::opened, this, &SimulatedCustomer::onOpened);
    connect(m_connection, &SimConnection::dropped, this,
            [this](int closeCode, const QString &) { onDropped(closeCode); });
    connect(m_connection, &SimConnection::replied, this, &SimulatedCustomer::onReplied);
    connect(m_connection, &SimConnection::refused, this, &SimulatedCustomer::onRefused);
    connect(m_connection, &SimConnection::eventReceived, this, &SimulatedCustomer::onEvent);
    connect(m_connection, &SimConnection::snapshotReceived, this,
            [this](qint64, const QJsonObject &data) { onSnapshot(data); });
    connect(m_connection, &SimConnection::synced, this, &SimulatedCustomer::onSynced);
    connect(m_connection, &SimConnection::malformed, this,
            [this](const QString &why) { violation(why); });
}

void SimulatedCustomer::violation(const QString &what)
{
    m_stats.protocolViolation(who() + QStringLiteral(": ") + what);
}

QString SimulatedCustomer::who() const
{
    return QStringLiteral("customer #%1 (id %2)").arg(m_settings.index + 1).arg(m_customerId);
}

void SimulatedCustomer::connectToServer()
{
    if (m_link != Link::Offline)
        return;
    m_link = Link::Connecting;
    arm(Deadline::ServerAnswer, AnswerTimeoutMs);
    m_connection->open();
}

bool SimulatedCustomer::isIdle() const
{
    return m_link == Link::Live && !m_inConversation;
}

bool SimulatedCustomer::startConversation()
{
    if (!isIdle())
        return false;
    m_inConversation = true;
    m_startsLive = int(QRandomGenerator::global()->bounded(100)) < m_settings.liveSharePercent;
    ++m_stats.conversationsStarted;
    queueMessage(Phrasebook::openingLine());
    return true;
}

void SimulatedCustomer::shutDown()
{
    stop(Link::Stopped);
}

void SimulatedCustomer::stop(Link why)
{
    if (m_link == Link::Live)
        --m_stats.customersConnected;
    if (why == Link::GaveUp)
        ++m_stats.customersGivenUp;
    m_link = why;
    disarm();
    m_think.stop();
    m_connection->close();
}

void SimulatedCustomer::arm(Deadline purpose, int ms)
{
    m_deadlinePurpose = purpose;
    m_deadline.start(ms);
}

void SimulatedCustomer::disarm()
{
    m_deadlinePurpose = Deadline::None;
    m_deadline.stop();
}

void SimulatedCustomer::onDeadline()
{
    const Deadline purpose = std::exchange(m_deadlinePurpose, Deadline::None);
    switch (purpose) {
    case Deadline::ServerAnswer:
        ++m_stats.timeouts;
        m_connection->abort(); // onDropped schedules the reconnect
        break;
    case Deadline::Reconnect:
        connectToServer();
        break;
    case Deadline::RetryHello:
        if (m_link == Link::Handshaking)
            sendHello();
        break;
    case Deadline::RetrySend:
        if (m_link == Link::Live && m_pending)
            transmit();
        break;
    case Deadline::None:
        break;
    }
}

void SimulatedCustomer::onOpened()
{
    m_link = Link::Handshaking;
    sendHello();
}

void SimulatedCustomer::sendHello()
{
    Commands::CustomerHello hello;
    if (m_token.isEmpty()) {
        hello.name = Phrasebook::customerName(m_settings.index);
    } else {
        hello.token = m_token;
        if (m_everLive)
            hello.resumeFrom = m_lastSeq;
    }
    m_helloId = m_connection->request(Requests::customerHello(hello));
    arm(Deadline::ServerAnswer, AnswerTimeoutMs);
}

void SimulatedCustomer::onDropped(int closeCode)
{
    const Link was = m_link;
    if (was == Link::Stopped || was == Link::GaveUp)
        return;
    if (was == Link::Live)
        --m_stats.customersConnected;
    m_link = Link::Offline;
    m_helloId.clear();
    if (m_pending)
        m_pending->requestId.clear(); // re-sent once the connection is back
    if (was == Link::Connecting)
        m_stats.countError(QStringLiteral("connect_failed"));
    else
        ++m_stats.disconnects;
    if (closeCode == Protocol::CloseSessionEnded) {
        m_stats.countError(QStringLiteral("session_ended"));
        stop(Link::GaveUp);
        return;
    }
    if (closeCode != 0 && closeCode != 1001 && closeCode != 1000)
        m_stats.countError(QStringLiteral("closed_%1").arg(closeCode));
    arm(Deadline::Reconnect, int(m_backoff.next().count()));
}

void SimulatedCustomer::onReplied(const QString &id, const QJsonObject &data)
{
    if (!m_helloId.isEmpty() && id == m_helloId)
        helloAccepted(data);
    else if (m_pending && !m_pending->requestId.isEmpty() && id == m_pending->requestId)
        acknowledged(data);
}

void SimulatedCustomer::helloAccepted(const QJsonObject &data)
{
    m_helloId.clear();
    const auto customer = Wire::decodeCustomer(data.value(QStringLiteral("customer")).toObject());
    if (!customer) {
        violation(QStringLiteral("hello reply: ") + customer.failure().message);
        m_connection->abort();
        return;
    }
    if (m_customerId != 0 && customer->id != m_customerId)
        violation(QStringLiteral("resumed as customer %1").arg(customer->id));
    m_customerId = customer->id;
    const QString token = data.value(QStringLiteral("token")).toString();
    if (m_token.isEmpty()) {
        if (token.isEmpty() || token.size() > Protocol::MaxTokenChars) {
            violation(QStringLiteral("new customer got no token"));
            stop(Link::GaveUp);
            return;
        }
        m_token = token;
    }
    const QString resume = data.value(QStringLiteral("resume")).toString();
    if (resume != QLatin1String("replay") && resume != QLatin1String("snapshot"))
        violation(QStringLiteral("hello reply without resume"));
    if (m_everLive)
        ++m_stats.reconnects;
    // The catch-up and synced follow; the same deadline covers them.
}

void SimulatedCustomer::onSynced(qint64 seq)
{
    if (m_link != Link::Handshaking || !m_helloId.isEmpty()) {
        violation(QStringLiteral("synced outside a handshake"));
        return;
    }
    m_lastSeq = std::max(m_lastSeq, seq);
    m_link = Link::Live;
    disarm();
    m_backoff.reset();
    if (!m_everLive)
        ++m_stats.customersEverConnected;
    m_everLive = true;
    m_stats.customersPeak = std::max(m_stats.customersPeak, ++m_stats.customersConnected);

    if (m_pending)
        transmit();
    else if (m_waitingForAgent && m_latestAgentMessageId > m_lastOwnMessageId)
        agentAnswered(); // the answer came in the replay
    else if (!m_inConversation)
        Q_EMIT becameIdle(this);
}

void SimulatedCustomer::onRefused(const QString &id, const QString &code, const QString &message,
                                  qint64 retryAfterMs)
{
    m_stats.countError(code);
    const bool rateLimited = code == QLatin1String("rate_limited");
    // tandemd answers rate_limited with a null id; with one request at a time it is ours.
    const bool anonymousLimit = id.isEmpty() && rateLimited;
    const bool forHello = !m_helloId.isEmpty() && (id == m_helloId || anonymousLimit);
    const bool forSend = m_pending && !m_pending->requestId.isEmpty()
                         && (id == m_pending->requestId || anonymousLimit);
    if (forHello) {
        m_helloId.clear();
        if (rateLimited) {
            arm(Deadline::RetryHello, withJitter(int(retryAfterMs), 100));
        } else if (code == QLatin1String("token_invalid")) {
            stop(Link::GaveUp);
        } else {
            m_connection->abort();
        }
    } else if (forSend) {
        m_pending->requestId.clear();
        if (rateLimited) {
            arm(Deadline::RetrySend, withJitter(int(retryAfterMs), 100));
            return;
        }
        ++m_stats.sendFailures;
        m_stats.warn(who() + QStringLiteral(": send refused: %1 %2").arg(code, message));
        m_pending.reset();
        disarm();
        endConversation(false);
    }
}

void SimulatedCustomer::queueMessage(const QString &text)
{
    m_pending = Pending{QUuid::createUuid(), text, m_conversationId, 0, {}};
    ++m_messagesInConversation;
    if (m_link == Link::Live)
        transmit();
}

void SimulatedCustomer::transmit()
{
    Commands::Send send = Commands::sendOf(m_pending->conversationId > 0
                                               ? std::optional<qint64>(m_pending->conversationId)
                                               : std::nullopt,
                                           m_pending->clientId, m_pending->text);
    send.mode = m_startsLive ? ConversationMode::Live : ConversationMode::Async;
    if (!m_settings.inboxes.isEmpty())
        send.inboxId = m_settings.inboxes.at(m_settings.index % m_settings.inboxes.size());
    m_pending->requestId = m_connection->request(Requests::send(send));
    if (m_pending->firstSentNs == 0) {
        m_pending->firstSentNs = m_stats.nowNs();
        ++m_stats.messagesSent;
    } else {
        ++m_stats.retries;
    }
    arm(Deadline::ServerAnswer, AnswerTimeoutMs);
}

void SimulatedCustomer::acknowledged(const QJsonObject &data)
{
    const qint64 now = m_stats.nowNs();
    disarm();
    const Pending pending = *std::exchange(m_pending, std::nullopt);
    ++m_stats.messagesAcked;
    m_stats.record(SimStats::Latency::SendAck, now - pending.firstSentNs);
    const auto message = Wire::decodeMessage(data.value(QStringLiteral("message")).toObject());
    if (!message || message->clientId != pending.clientId) {
        violation(QStringLiteral("send reply does not hold our message"));
        endConversation(false);
        return;
    }
    m_conversationId = message->conversationId;
    m_lastOwnMessageId = message->id;
    m_waitingForAgent = true;
    m_waitingSinceNs = pending.firstSentNs;
    if (m_settings.patienceMs > 0)
        m_patience.start(withJitter(m_settings.patienceMs, m_settings.patienceMs / 3));
    if (m_latestAgentMessageId > m_lastOwnMessageId)
        agentAnswered();
}

void SimulatedCustomer::agentAnswered()
{
    m_waitingForAgent = false;
    m_patience.stop();
    m_stats.record(SimStats::Latency::AgentRoundTrip, m_stats.nowNs() - m_waitingSinceNs);
    if (m_messagesInConversation < m_settings.messagesPerConversation)
        m_think.start(withJitter(m_settings.thinkMs, m_settings.thinkMs / 2));
    else
        endConversation(true);
}

void SimulatedCustomer::endConversation(bool completed)
{
    if (completed)
        ++m_stats.conversationsCompleted;
    // A live chat that has run its course is ended, freeing the agent for the next in line.
    if (completed && m_startsLive && m_conversationId > 0 && m_link == Link::Live)
        m_connection->request(Requests::end(m_conversationId));
    m_inConversation = false;
    m_conversationId = 0;
    m_messagesInConversation = 0;
    m_waitingForAgent = false;
    m_lastOwnMessageId = 0;
    m_latestAgentMessageId = 0;
    m_think.stop();
    m_patience.stop();
    if (m_link == Link::Live)
        Q_EMIT becameIdle(this);
}

void SimulatedCustomer::onEvent(qint64 seq, const QString &kind, const QJsonObject &data)
{
    if (seq <= m_lastSeq) {
        violation(QStringLiteral("event seq %1 not above %2").arg(seq).arg(m_lastSeq));
        return;
    }
    m_lastSeq = seq;
    if (kind == EventKind::ConversationCreated) {
        const auto conversation =
            Wire::decodeConversation(data.value(QStringLiteral("conversation")).toObject());
        if (!conversation)
            violation(conversation.failure().message);
        else if (conversation->customer.id != m_customerId)
            violation(QStringLiteral("saw another customer's conversation"));
        return;
    }
    if (kind != EventKind::MessageCreated)
        return;
    const auto message = Wire::decodeMessage(data.value(QStringLiteral("message")).toObject());
    if (!message) {
        violation(message.failure().message);
        return;
    }
    if (message->author.kind == Party::Kind::Customer) {
        if (message->author.id != m_customerId)
            violation(QStringLiteral("saw another customer's message"));
        // The event can beat the reply (or be all we get before a drop).
        if (m_pending && message->clientId == m_pending->clientId && m_conversationId == 0)
            m_conversationId = message->conversationId;
        return;
    }
    ++m_stats.agentRepliesReceived;
    if (!m_inConversation || message->conversationId != m_conversationId)
        return;
    m_latestAgentMessageId = std::max(m_latestAgentMessageId, message->id);
    if (m_waitingForAgent && message->id > m_lastOwnMessageId)
        agentAnswered();
}

void SimulatedCustomer::onSnapshot(const QJsonObject &data)
{
    const QJsonArray conversations = data.value(QStringLiteral("conversations")).toArray();
    for (const QJsonValue &value : conversations) {
        const QJsonObject json = value.toObject();
        const auto conversation = Wire::decodeConversation(json);
        if (!conversation) {
            violation(QStringLiteral("snapshot: ") + conversation.failure().message);
            continue;
        }
        if (conversation->customer.id != m_customerId)
            violation(QStringLiteral("snapshot holds another customer's conversation"));
        if (conversation->id != m_conversationId || !json.contains(QStringLiteral("lastMessage")))
            continue;
        const auto last = Wire::decodeMessage(json.value(QStringLiteral("lastMessage")).toObject());
        if (last && last->author.kind == Party::Kind::Agent)
            m_latestAgentMessageId = std::max(m_latestAgentMessageId, last->id);
    }
}

} // namespace Tandem::Sim
