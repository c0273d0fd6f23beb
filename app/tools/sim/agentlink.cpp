// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentlink.h"

#include "simconnection.h"
#include "simstats.h"

#include "protocol/limits.h"
#include "protocol/wirecodec.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Tandem::Sim {
namespace {
constexpr qint64 AnswerTimeoutNs = 10'000'000'000;
//! tandemd refills 60 requests at its per-minute rate; staying under both leaves room for
//! the handshake and for clock differences.
constexpr double PacingShare = 0.9;
constexpr double BucketSize = 30;
constexpr int UnansweredAfterRefusalMs = 1000;
} // namespace

AgentLink::AgentLink(const QUrl &url, int index, int requestsPerMinute,
                     AgentCredentials &credentials, SimStats &stats, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_index(index)
    , m_tokensPerMs(sendsPerSecond(requestsPerMinute) / 1000.0)
    , m_bucketSize(BucketSize)
    , m_tokens(BucketSize)
    , m_credentials(credentials)
    , m_stats(stats)
    , m_connection(new SimConnection(url, this))
{
    m_bucketClock.start();
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &AgentLink::start);
    connect(&m_sweep, &QTimer::timeout, this, &AgentLink::checkDeadlines);
    connect(m_connection, &SimConnection::opened, this, &AgentLink::onOpened);
    connect(m_connection, &SimConnection::dropped, this,
            [this](int code, const QString &) { onDropped(code); });
    connect(m_connection, &SimConnection::replied, this, &AgentLink::onReplied);
    connect(m_connection, &SimConnection::refused, this, &AgentLink::onRefused);
    connect(m_connection, &SimConnection::eventReceived, this, &AgentLink::onEvent);
    connect(m_connection, &SimConnection::synced, this, &AgentLink::onSynced);
    connect(m_connection, &SimConnection::snapshotReceived, this,
            [this](qint64, const QJsonObject &data) {
                if (m_everLive)
                    Q_EMIT missedEvents(data);
            });
    connect(m_connection, &SimConnection::malformed, this, [this](const QString &why) {
        m_stats.protocolViolation(who() + QStringLiteral(": ") + why);
    });
}

double AgentLink::sendsPerSecond(int requestsPerMinute)
{
    return PacingShare * std::max(1, requestsPerMinute) / 60.0;
}

QString AgentLink::who() const
{
    return QStringLiteral("agent link %1").arg(m_index + 1);
}

void AgentLink::start()
{
    if (m_state != State::Offline)
        return;
    m_state = State::Connecting;
    m_handshakeSentNs = m_stats.nowNs(); // the connect shares the handshake's deadline
    m_sweep.start(1000);
    m_connection->open();
}

void AgentLink::resumeFrom(qint64 seq)
{
    if (m_seqKnown)
        return;
    m_lastSeq = seq;
    m_seqKnown = true;
}

void AgentLink::shutDown()
{
    m_state = State::Stopped;
    m_reconnect.stop();
    m_sweep.stop();
    m_connection->close();
}

void AgentLink::refill()
{
    const qint64 elapsed = m_bucketClock.restart();
    m_tokens = std::min(m_bucketSize, m_tokens + double(elapsed) * m_tokensPerMs);
}

bool AgentLink::canSend()
{
    if (m_state != State::Live)
        return false;
    refill();
    return m_tokens >= 1.0;
}

void AgentLink::send(AgentReply reply)
{
    refill();
    m_tokens -= 1.0;
    const qint64 now = m_stats.nowNs();
    if (reply.firstSentNs == 0)
        reply.firstSentNs = now;
    else
        ++m_stats.retries;
    const QString id = m_connection->request(
        Requests::send(Commands::sendOf(reply.conversationId, reply.clientId, reply.text)));
    m_inFlight.insert(id, {std::move(reply), now});
}

void AgentLink::onOpened()
{
    m_state = State::Handshaking;
    handshake();
}

void AgentLink::handshake()
{
    refill();
    m_tokens -= 1.0;
    m_handshakeSentNs = m_stats.nowNs();
    m_handshakeToken = m_credentials.token;
    if (m_handshakeToken.isEmpty()) {
        m_handshakeId = m_connection->request(
            Requests::signIn({m_credentials.email, m_credentials.password, std::nullopt}));
        return;
    }
    m_handshakeId = m_connection->request(Requests::agentHello(
        {m_handshakeToken, m_seqKnown ? std::optional<qint64>(m_lastSeq) : std::nullopt}));
}

void AgentLink::checkDeadlines()
{
    const qint64 now = m_stats.nowNs();
    bool late = (m_state == State::Connecting || m_state == State::Handshaking)
                && now - m_handshakeSentNs > AnswerTimeoutNs;
    for (auto it = m_inFlight.cbegin(); !late && it != m_inFlight.cend(); ++it)
        late = now - it->sentNs > AnswerTimeoutNs;
    if (late) {
        ++m_stats.timeouts;
        m_connection->abort();
    }
}

void AgentLink::onDropped(int closeCode)
{
    const State was = m_state;
    if (was == State::Stopped)
        return;
    m_state = State::Offline;
    m_handshakeId.clear();
    if (was == State::Connecting)
        m_stats.countError(QStringLiteral("connect_failed"));
    else
        ++m_stats.disconnects;
    if (closeCode == Protocol::CloseSessionEnded && m_credentials.token == m_handshakeToken)
        m_credentials.token.clear();
    if (closeCode != 0 && closeCode != 1000 && closeCode != 1001)
        m_stats.countError(QStringLiteral("closed_%1").arg(closeCode));
    QList<AgentReply> unanswered;
    for (const InFlight &f : std::as_const(m_inFlight))
        unanswered.append(f.reply);
    m_inFlight.clear();
    if (!unanswered.isEmpty())
        Q_EMIT returned(unanswered);
    m_sweep.stop();
    m_reconnect.start(m_backoff.next());
}

void AgentLink::onReplied(const QString &id, const QJsonObject &data)
{
    if (!m_handshakeId.isEmpty() && id == m_handshakeId) {
        m_handshakeId.clear();
        const auto agent = Wire::decodeAgent(data.value(QStringLiteral("agent")).toObject());
        if (!agent)
            m_stats.protocolViolation(who() + QStringLiteral(": ") + agent.failure().message);
        const QString token = data.value(QStringLiteral("token")).toString();
        if (m_handshakeToken.isEmpty()) {
            if (token.isEmpty())
                m_stats.protocolViolation(who() + QStringLiteral(": signin reply has no token"));
            m_credentials.token = token;
        }
        return;
    }
    const auto it = m_inFlight.constFind(id);
    if (it == m_inFlight.cend())
        return;
    const InFlight done = *it;
    m_inFlight.erase(it);
    const auto message = Wire::decodeMessage(data.value(QStringLiteral("message")).toObject());
    if (!message || message->clientId != done.reply.clientId)
        m_stats.protocolViolation(who() + QStringLiteral(": send reply does not hold our message"));
    m_stats.record(SimStats::Latency::AgentSendAck, m_stats.nowNs() - done.sentNs);
    Q_EMIT acknowledged(done.reply);
}

void AgentLink::onRefused(const QString &id, const QString &code, const QString &message,
                          qint64 retryAfterMs)
{
    m_stats.countError(code);
    const bool rateLimited = code == QLatin1String("rate_limited");
    if (rateLimited) {
        // The pacing was not enough: tandemd runs a lower limit than we were told, or it
        // stalled and then read a pile of our requests at once.
        refill();
        m_tokens = std::min(m_tokens, -double(retryAfterMs) * m_tokensPerMs);
    }
    if (!m_handshakeId.isEmpty() && (id == m_handshakeId || (id.isEmpty() && rateLimited))) {
        m_handshakeId.clear();
        if (code == QLatin1String("token_invalid") || code == QLatin1String("token_expired")) {
            if (m_credentials.token == m_handshakeToken)
                m_credentials.token.clear();
            handshake(); // a failed handshake may be retried on the same connection
        } else if (rateLimited) {
            QTimer::singleShot(int(retryAfterMs) + 50, this, [this] {
                if (m_state == State::Handshaking && m_handshakeId.isEmpty())
                    handshake();
            });
        } else {
            Q_EMIT fatal(QStringLiteral("%1: %2").arg(code, message));
        }
        return;
    }
    if (rateLimited && id.isEmpty()) {
        // tandemd does not say which request it refused. A refusal is answered at once and
        // an accepted send once stored, so what is still unanswered a moment later was
        // most likely refused; sending it again is harmless thanks to its clientId.
        const qint64 refusedAt = m_stats.nowNs();
        QTimer::singleShot(int(retryAfterMs) + UnansweredAfterRefusalMs, this,
                           [this, refusedAt] { returnUnansweredSince(refusedAt); });
        return;
    }
    const auto it = m_inFlight.constFind(id);
    if (it == m_inFlight.cend())
        return;
    const AgentReply reply = it->reply;
    m_inFlight.erase(it);
    if (rateLimited) {
        Q_EMIT returned({reply});
        return;
    }
    m_stats.warn(who() + QStringLiteral(": send refused: %1 %2").arg(code, message));
    Q_EMIT refusedForGood(reply, code);
}

void AgentLink::returnUnansweredSince(qint64 refusedAtNs)
{
    if (m_state != State::Live)
        return; // a drop has returned them all already
    QList<AgentReply> unanswered;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (it->sentNs <= refusedAtNs) {
            unanswered.append(it->reply);
            it = m_inFlight.erase(it);
        } else {
            ++it;
        }
    }
    if (!unanswered.isEmpty())
        Q_EMIT returned(unanswered);
}

void AgentLink::onEvent(qint64 seq, const QString &kind, const QJsonObject &data)
{
    if (seq <= m_lastSeq && m_seqKnown) {
        m_stats.protocolViolation(
            who() + QStringLiteral(": event seq %1 not above %2").arg(seq).arg(m_lastSeq));
        return;
    }
    // Agents may see every event, so their stream must not skip any.
    if (m_seqKnown && m_state == State::Live && seq != m_lastSeq + 1) {
        ++m_stats.agentSeqGaps;
        m_stats.warn(
            who()
            + QStringLiteral(": events %1 to %2 never arrived").arg(m_lastSeq + 1).arg(seq - 1));
    }
    m_lastSeq = seq;
    m_seqKnown = true;
    Q_EMIT eventReceived(seq, kind, data);
}

void AgentLink::onSynced(qint64 seq)
{
    if (m_state != State::Handshaking)
        return;
    m_lastSeq = std::max(m_lastSeq, seq);
    m_seqKnown = true;
    m_state = State::Live;
    m_backoff.reset();
    if (m_everLive)
        ++m_stats.reconnects;
    m_everLive = true;
    Q_EMIT becameLive();
}

} // namespace Tandem::Sim
