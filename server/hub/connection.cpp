// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include "accounts/tokens.h"
#include "authenticator.h"
#include "commandtable.h"
#include "deskoperations.h"
#include "hub.h"
#include "logging/logging.h"
#include "platform/clock.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"
#include "scheduling/scheduler.h"
#include "serverconfig.h"
#include "store/storage.h"
#include "visibility.h"

#include <QJsonArray>
#include <QWebSocket>

namespace Tandem::Server {

Connection::Connection(std::unique_ptr<QWebSocket> socket, Kind kind, const Hub::Peer &peer,
                       Hub &hub)
    : QObject(&hub)
    , m_socket(std::move(socket))
    , m_kind(kind)
    , m_hub(hub)
    , m_peer(peer)
    , m_limiter(hub.config().maxRequestsPerMinute, hub.config().requestBurst())
    , m_refusals(hub.config().maxRequestsPerMinute, hub.config().requestBurst())
{
    const ServerConfig &config = hub.config();
    // Qt's defaults would accept messages of up to 2 GiB.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(config.maxMessageBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(config.maxMessageBytes));
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &Connection::onBinary);
    // A pong is a sign of life; the TCP connection counts it already when there is one
    // (every signal connection is memory, across thousands of idle connections).
    if (!m_peer.msSinceHeard)
        connect(m_socket.get(), &QWebSocket::pong, this, [this] { m_lastActivity.restart(); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, &Connection::onDisconnected);

    // No timer of its own: the hub's sweep calls tick() (a timer per connection made
    // every connect and close cost time in proportion to the connections open).
    m_lastActivity.start();
    m_opened.start();
    m_lastPing.start();
}

Connection::~Connection()
{
    // Destroying the socket must not call back into a hub that may be going away too.
    m_socket->disconnect(this);
}

void Connection::tick()
{
    if (m_state == State::Closed)
        return;
    const ServerConfig &config = m_hub.config();
    if (m_state != State::Live && m_opened.elapsed() >= config.handshakeTimeoutMs) {
        close(1008, QStringLiteral("No sign-in within the handshake time"));
        return;
    }
    const qint64 limit = qint64(config.idleTimeoutSeconds) * 1000;
    const qint64 silent = msSinceHeard();
    if (silent >= limit) {
        qCInfo(lcHub) << "closing a connection idle for" << silent << "ms";
        close(1008, QStringLiteral("Idle for too long"));
        return;
    }
    if (m_lastPing.elapsed() >= config.pingIntervalMs()) {
        m_lastPing.restart();
        m_socket->ping();
    }
    if (m_peer.trimBuffers && m_peer.trimBuffers())
        m_hub.buffersTrimmed();
}

qint64 Connection::msSinceHeard() const
{
    const qint64 sinceFrame = m_lastActivity.elapsed();
    return m_peer.msSinceHeard ? std::min(sinceFrame, m_peer.msSinceHeard()) : sinceFrame;
}

void Connection::sendFrame(const QString &frame)
{
    if (m_state == State::Closed)
        return;
    // A client that stopped reading must not make the server hold its frames forever.
    const qint64 queued = m_socket->bytesToWrite();
    if (queued > m_hub.config().maxQueuedBytes) {
        qCWarning(lcHub) << "closing a connection that stopped reading:" << queued
                         << "bytes waiting for it, from" << m_socket->peerAddress().toString();
        close(Protocol::CloseTooSlow, QStringLiteral("Too far behind; reconnect and resume"));
        return;
    }
    m_socket->sendTextMessage(frame);
}

void Connection::close(int code, const QString &reason)
{
    if (m_state == State::Closed)
        return;
    stop();
    // The socket stays until the peer answers the close (or fails to), so the last frames
    // and the close reason reach it.
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    QTimer::singleShot(std::chrono::seconds(5), this, [this] {
        m_socket->abort();
        onDisconnected();
    });
}

void Connection::stop()
{
    m_state = State::Closed;
    m_heldBack.clear();
    m_hub.stopHoldingEvents(this);
}

void Connection::onDisconnected()
{
    stop();
    if (std::exchange(m_finished, true))
        return;
    m_hub.forget(this);
}

void Connection::reply(const QJsonValue &id, const QJsonObject &data)
{
    sendFrame(Frames::ok(id, data));
}

void Connection::replyJson(const QJsonValue &id, const QByteArray &dataJson)
{
    sendFrame(Frames::ok(id, dataJson));
}

void Connection::fail(const QJsonValue &id, const Failure &failure)
{
    sendFrame(Frames::error(id, failure));
}

void Connection::onBinary()
{
    m_lastActivity.restart();
    if (m_state == State::Closed || !admitFrame(QJsonValue::Null))
        return;
    fail(QJsonValue::Null, {ErrorCode::BadFrame, QStringLiteral("Frames must be text")});
}

bool Connection::admitFrame(const QJsonValue &id)
{
    RateLimiter &limiter = m_customerLimiter ? *m_customerLimiter : m_limiter;
    if (limiter.take())
        return true;
    // A client that keeps sending while refused is not going to listen. Refusals have an
    // allowance of their own, as large as the bucket and refilled as fast; an obedient
    // client never uses it up, and another tab's flood does not count against this one.
    if (!m_refusals.take()) {
        qCInfo(lcHub) << "closing a connection that ignored rate_limited, from"
                      << m_socket->peerAddress().toString();
        close(1008, QStringLiteral("Too many requests"));
        return false;
    }
    fail(id, {ErrorCode::RateLimited, QStringLiteral("Too many requests"), limiter.retryAfterMs()});
    return false;
}

void Connection::onText(const QString &text)
{
    m_lastActivity.restart();
    if (m_state == State::Closed)
        return;
    // Read first so even a refusal names the request it refuses; every frame counts.
    Frames::Request request;
    Failure failure;
    const bool decoded = Frames::decodeRequest(text, request, failure);
    if (!admitFrame(request.id))
        return;
    if (!decoded) {
        fail(request.id, failure);
        return;
    }
    if (m_state == State::Live)
        handleCommand(request);
    else
        handleHandshake(request);
}

void Connection::handleHandshake(const Frames::Request &request)
{
    const bool isHandshake = request.type == QLatin1String("hello")
                             || (m_kind == Kind::Staff && request.type == QLatin1String("signin"));
    if (!isHandshake || m_state == State::Handshaking) {
        fail(request.id,
             {ErrorCode::Unauthenticated, m_state == State::Handshaking
                                              ? QStringLiteral("A handshake is already in progress")
                                              : QStringLiteral("Send hello (or signin) first")});
        return;
    }
    m_state = State::Handshaking;
    if (m_kind == Kind::Customer)
        customerHello(request);
    else if (request.type == QLatin1String("signin"))
        staffSignIn(request);
    else
        staffHello(request);
}

void Connection::abortHandshake(const QJsonValue &id, const Failure &failure)
{
    if (m_state == State::Closed)
        return;
    m_state = State::AwaitingHello;
    m_hub.stopHoldingEvents(this);
    m_heldBack.clear();
    fail(id, failure);
}

void Connection::staffHello(const Frames::Request &request)
{
    const auto command = Commands::decodeAgentHello(request.fields);
    if (!command) {
        abortHandshake(request.id, command.failure());
        return;
    }
    const QByteArray tokenHash = Tokens::hash(command->token);
    const auto resumeFrom = command->resumeFrom;
    m_hub.storage().read(
        this,
        [tokenHash](Store &store) { return DeskOperations::authenticateStaff(store, tokenHash); },
        [this, id = request.id, tokenHash, resumeFrom](Result<DeskOperations::Staff> staff) {
            if (!staff) {
                abortHandshake(id, staff.failure());
                return;
            }
            const Agent &agent = staff->agent;
            m_viewer = Viewer::ofStaff(agent, tokenHash, staff->inboxes);
            m_agent = agent;
            startCatchUp(
                id, {{QStringLiteral("agent"), Wire::encode(agent, Wire::AgentDetail::WithEmail)}},
                resumeFrom);
        });
}

void Connection::staffSignIn(const Frames::Request &request)
{
    const auto command = Commands::decodeSignIn(request.fields);
    if (!command) {
        abortHandshake(request.id, command.failure());
        return;
    }
    m_hub.authenticator().signIn(
        command->email, command->password, m_peer.address, this,
        [this, id = request.id,
         resumeFrom = command->resumeFrom](Result<DeskOperations::StaffSession> session) {
            if (!session) {
                abortHandshake(id, session.failure());
                return;
            }
            const Agent &agent = session->agent;
            m_viewer = Viewer::ofStaff(agent, Tokens::hash(session->token), session->inboxes);
            m_agent = agent;
            startCatchUp(
                id,
                {{QStringLiteral("token"), session->token},
                 {QStringLiteral("expiresAt"), Wire::timeToString(session->expiresAt)},
                 {QStringLiteral("agent"), Wire::encode(agent, Wire::AgentDetail::WithEmail)}},
                resumeFrom);
        });
}

void Connection::customerHello(const Frames::Request &request)
{
    const auto command = Commands::decodeCustomerHello(request.fields);
    if (!command) {
        abortHandshake(request.id, command.failure());
        return;
    }
    const auto hello = command.value();
    // Anyone may create a customer, so how many one address may create is limited.
    if (!hello.token && !m_hub.newCustomers().take(m_peer.address)) {
        qCInfo(lcHub) << "refused a new customer from" << m_peer.address.toString();
        abortHandshake(request.id, {ErrorCode::RateLimited,
                                    QStringLiteral("Too many new customers from this address"),
                                    m_hub.newCustomers().retryAfterMs(m_peer.address)});
        return;
    }
    m_hub.storage().run(
        this,
        [hello](Store &store) -> Result<DeskOperations::CustomerGrant> {
            if (!hello.token)
                return DeskOperations::createCustomer(store, hello.name, hello.email);
            auto customer = DeskOperations::authenticateCustomer(store, Tokens::hash(*hello.token));
            if (!customer)
                return customer.failure();
            return DeskOperations::CustomerGrant{customer.value(), {}};
        },
        [this, id = request.id, resumeFrom = hello.resumeFrom, timezone = hello.timezone,
         language = hello.language](Result<DeskOperations::CustomerGrant> grant) {
            if (!grant) {
                abortHandshake(id, grant.failure());
                return;
            }
            const Customer &customer = grant->customer;
            if (!m_hub.takeCustomerSlot(customer.id)) {
                abortHandshake(id,
                               {ErrorCode::RateLimited,
                                QStringLiteral("Too many connections for this customer"), 1000});
                close(Protocol::CloseTooManyConnections,
                      QStringLiteral("Too many connections for this customer"));
                return;
            }
            m_viewer =
                Viewer{{Party::Kind::Customer, customer.id, customer.name}, Role::Agent, {}, {}};
            // A zone or language this server does not know is no reason to refuse a
            // customer: their replies then give the team's times, in English.
            m_customerZone = QTimeZone(timezone.toUtf8());
            if (!language.isEmpty())
                m_customerLocale = QLocale(language);
            m_customerLimiter = m_hub.customerLimiter(customer.id);
            QJsonObject okData{{QStringLiteral("customer"), Wire::encode(customer)},
                               {QStringLiteral("live"), m_hub.liveAvailability()}};
            if (!grant->token.isEmpty())
                okData.insert(QStringLiteral("token"), grant->token);
            startCatchUp(id, okData, resumeFrom);
        });
}

void Connection::startCatchUp(const QJsonValue &id, QJsonObject okData,
                              std::optional<qint64> resumeFrom)
{
    if (m_state == State::Closed) // the client left while its credentials were checked
        return;
    // From here until the catch-up is sent, committed events are held back: those the
    // catch-up read already includes are dropped by seq, the rest follow it in order.
    m_hub.holdEventsFor(this);
    const Viewer viewer = *m_viewer;
    const int replayLimit = m_hub.config().replayLimit;
    const int snapshotLimit = m_hub.config().snapshotLimit;
    m_hub.storage().read(
        this,
        [viewer, resumeFrom, replayLimit, snapshotLimit](Store &store) {
            return DeskOperations::catchUp(store, viewer, resumeFrom, replayLimit, snapshotLimit);
        },
        [this, id, okData](Result<DeskOperations::Catchup> catchup) {
            if (!catchup) {
                m_viewer.reset();
                abortHandshake(id, catchup.failure());
                return;
            }
            finishHandshake(id, okData, catchup.value());
        });
}

void Connection::finishHandshake(const QJsonValue &id, const QJsonObject &okData,
                                 const DeskOperations::Catchup &catchup)
{
    if (m_state == State::Closed)
        return;
    QJsonObject data = okData;
    data.insert(QStringLiteral("head"), catchup.head);
    data.insert(QStringLiteral("resume"),
                catchup.isSnapshot ? QStringLiteral("snapshot") : QStringLiteral("replay"));
    reply(id, data);
    if (catchup.isSnapshot) {
        sendFrame(Frames::snapshot(catchup.head, catchup.snapshot));
    } else {
        for (const Event &event : catchup.events)
            sendFrame(Frames::event(event));
    }
    sendFrame(Frames::synced(catchup.head));
    m_lastSentSeq = catchup.head;
    m_state = State::Live;
    m_hub.goLive(this);
    releaseHeldBack();
    qCDebug(lcHub) << "connection live:" << partyKindName(m_viewer->party.kind)
                   << m_viewer->party.id << (catchup.isSnapshot ? "snapshot" : "replay")
                   << catchup.events.size() << "events, head" << catchup.head;
}

void Connection::releaseHeldBack()
{
    const auto heldBack = std::exchange(m_heldBack, {});
    for (const auto &[event, frame] : heldBack)
        deliver(event, frame);
    if (std::exchange(m_resyncDue, false))
        resync();
}

void Connection::changeAccess(const QSet<qint64> &inboxes)
{
    if (!m_viewer || !m_viewer->isStaff())
        return;
    m_viewer->inboxes = inboxes;
    if (m_state == State::Live && !m_resyncing)
        resync();
    else if (m_state == State::Handshaking || m_resyncing)
        m_resyncDue = true; // what is on its way was read for what it saw before
}

void Connection::resync()
{
    m_resyncing = true;
    const Viewer viewer = *m_viewer;
    const int replayLimit = m_hub.config().replayLimit;
    const int snapshotLimit = m_hub.config().snapshotLimit;
    m_hub.storage().read(
        this,
        [viewer, replayLimit, snapshotLimit](Store &store) {
            return DeskOperations::catchUp(store, viewer, std::nullopt, replayLimit, snapshotLimit);
        },
        [this](Result<DeskOperations::Catchup> catchup) {
            if (m_state != State::Live)
                return;
            if (!catchup) {
                // Nothing is lost: the client resumes, and its handshake reads it all again.
                close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("Reconnect"));
                return;
            }
            sendFrame(Frames::snapshot(catchup->head, catchup->snapshot));
            sendFrame(Frames::synced(catchup->head));
            m_lastSentSeq = std::max(m_lastSentSeq, catchup->head);
            m_resyncing = false;
            releaseHeldBack();
        });
}

void Connection::deliver(const Event &event, const QString &frame)
{
    if (m_state == State::Handshaking || m_resyncing) {
        m_heldBack.append({event, frame});
        return;
    }
    if (m_state != State::Live || event.seq <= m_lastSentSeq
        || !Visibility::maySee(*m_viewer, event))
        return;
    m_lastSentSeq = event.seq;
    sendFrame(frame);
}

void Connection::handleCommand(const Frames::Request &request)
{
    CommandTable::standard().dispatch(*this, m_hub, request);
}

Storage &Connection::storage()
{
    return m_hub.storage();
}

} // namespace Tandem::Server
