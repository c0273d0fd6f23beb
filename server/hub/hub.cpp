// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub.h"
#include "autoassigner.h"
#include "hours/closingtime.h"
#include "hours/queuedepth.h"
#include "searchindexer.h"
#include "snoozealarm.h"

#include "authenticator.h"
#include "connection.h"
#include "logging/logging.h"
#include "platform/clock.h"
#include "protocol/frames.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"
#include "ratelimiter.h"
#include "routing/router.h"
#include "scheduling/scheduler.h"
#include "serverconfig.h"
#include "store/storage.h"
#include "store/store.h"
#include "visibility.h"

#include <QWebSocket>
#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Tandem::Server {

Hub::Hub(Storage &storage, Scheduler &scheduler, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_scheduler(scheduler)
    , m_config(config)
    , m_authenticator(std::make_unique<Authenticator>(storage, config))
    , m_router(std::make_unique<Router>(
          storage, scheduler, *this,
          Router::Settings{std::chrono::milliseconds(config.offerTimeoutMs),
                           std::chrono::milliseconds(config.gracePeriodMs),
                           std::chrono::milliseconds(config.declineHoldMs)}))
    , m_snoozes(std::make_unique<SnoozeAlarm>(storage, scheduler))
    , m_assigner(std::make_unique<AutoAssigner>(storage, *m_router))
    , m_indexer(std::make_unique<SearchIndexer>(storage))
    , m_closing(std::make_unique<ClosingTime>(storage, scheduler, m_hours, *m_router))
    , m_queueDepth(std::make_unique<QueueDepth>(storage, m_hours))
    , m_newCustomers(config.newCustomersPerHour, config.newCustomerBurst())
    , m_newConversations(config.newConversationsPerHour, config.newConversationBurst())
{
    connect(&m_storage, &Storage::committed, this, &Hub::publish);
    connect(&m_sessionCheck, &QTimer::timeout, this, &Hub::checkSessions);
    m_sessionCheck.start(std::chrono::seconds(config.sessionCheckSeconds));
    // One timer for every connection's handshake deadline, idle time and pings, fine
    // enough for the shortest of them.
    connect(&m_sweep, &QTimer::timeout, this, &Hub::sweep);
    m_sweep.start(
        std::clamp(std::min(config.handshakeTimeoutMs, config.pingIntervalMs()) / 4, 50, 1000));
}

Hub::~Hub()
{
    closeAll();
}

void Hub::acceptStaff(std::unique_ptr<QWebSocket> socket, const Peer &peer)
{
    accept(std::move(socket), true, peer);
}

void Hub::acceptCustomer(std::unique_ptr<QWebSocket> socket, const Peer &peer)
{
    accept(std::move(socket), false, peer);
}

bool Hub::mayConnect(const QHostAddress &address) const
{
    return m_perAddress.value(AddressLimits::keyOf(address)) < m_config.maxConnectionsPerAddress;
}

void Hub::accept(std::unique_ptr<QWebSocket> socket, bool staff, const Peer &peer)
{
    m_perAddress[AddressLimits::keyOf(peer.address)] += 1;
    auto *connection =
        new Connection(std::move(socket),
                       staff ? Connection::Kind::Staff : Connection::Kind::Customer, peer, *this);
    m_connections.insert(connection);
}

void Hub::startRouting()
{
    m_router->start();
    // Events committed meanwhile are observed too, and win: they come after what was read.
    struct HoursRead {
        QList<Team> teams;
        QList<Inbox> inboxes;
        QList<FirstReply> firstReplies;
    };
    const QDateTime since = now().addSecs(-std::chrono::seconds(ExpectedReply::Window).count());
    m_storage.read(
        this,
        [since](Store &store) -> Result<HoursRead> {
            auto teams = store.teams();
            auto inboxes = store.inboxes();
            auto replies = store.firstRepliesSince(since);
            if (!teams || !inboxes || !replies)
                return Failure{ErrorCode::Internal, !teams     ? teams.failure().detail
                                                    : !inboxes ? inboxes.failure().detail
                                                               : replies.failure().detail};
            return HoursRead{teams.value(), inboxes.value(), replies.value()};
        },
        [this](const Result<HoursRead> &read) {
            if (!read) {
                qCWarning(lcHub) << "business hours could not be read:" << read.failure().message;
                return;
            }
            m_hours.reset(read->teams, read->inboxes);
            m_expectedReply.reset(read->firstReplies, m_hours);
            m_closing->reschedule();
            m_queueDepth->start();
        });
}

QDateTime Hub::now() const
{
    return m_scheduler.clock().now();
}

AutoReply::Context Hub::autoReplyContext(const QTimeZone &zone, const QLocale &locale) const
{
    AutoReply::Context context{m_hours, {}, zone, {}};
    const QDateTime at = now();
    const QHash<qint64, BusinessCalendar> calendars = m_hours.calendars();
    // Only a closed team, or one that tells customers of a long wait, makes a promise: the
    // estimate is not worked out for the others.
    for (auto it = calendars.cbegin(); it != calendars.cend(); ++it)
        if (!it->isOpen(at) || it->busyAfterMinutes())
            context.estimates.insert(it.key(), m_expectedReply.estimate(it.key(), at));
    if (locale != QLocale::c())
        context.locale = locale;
    return context;
}

void Hub::forget(Connection *connection)
{
    m_connections.remove(connection);
    const QByteArray address = AddressLimits::keyOf(connection->peer().address);
    if (--m_perAddress[address] <= 0)
        m_perAddress.remove(address);
    m_holding.remove(connection);
    const bool wasStaff = m_staff.remove(connection);
    // The others hear that it left; it is no longer among those told.
    if (m_viewing.contains(connection))
        setViewing(connection, nullptr);
    if (wasStaff)
        m_router->agentDisconnected(connection->viewer()->party.id);
    if (connection->viewer() && connection->kind() == Connection::Kind::Customer) {
        const qint64 id = connection->viewer()->party.id;
        m_customers.remove(id, connection);
        if (!m_customers.contains(id))
            m_customerLimiters.remove(id);
        if (--m_customerSlots[id] <= 0)
            m_customerSlots.remove(id);
    }
    connection->deleteLater();
}

bool Hub::takeCustomerSlot(qint64 customerId)
{
    int &taken = m_customerSlots[customerId];
    if (taken >= ServerConfig::MaxConnectionsPerCustomer)
        return false;
    ++taken;
    return true;
}

std::shared_ptr<RateLimiter> Hub::customerLimiter(qint64 customerId)
{
    std::shared_ptr<RateLimiter> limiter = m_customerLimiters.value(customerId).lock();
    if (!limiter) {
        limiter =
            std::make_shared<RateLimiter>(m_config.maxRequestsPerMinute, m_config.requestBurst());
        m_customerLimiters.insert(customerId, limiter);
    }
    return limiter;
}

// Sending can end a connection on the spot (a client too far behind, a write that fails),
// and an ended connection leaves the sets below: each loop runs over a copy of its set (an
// implicitly shared one, copied for real only if it changes meanwhile). Connections are
// deleted later, so one that ends mid-loop is still there to be skipped.

void Hub::sendToAgent(qint64 agentId, const QString &frame)
{
    const QSet<Connection *> staff = m_staff;
    for (Connection *c : staff) {
        if (c->viewer()->party.id == agentId)
            c->sendFrame(frame);
    }
}

void Hub::sendToCustomer(qint64 customerId, const QString &frame)
{
    for (Connection *c : m_customers.values(customerId))
        c->sendFrame(frame);
}

void Hub::sendToStaff(const QString &frame)
{
    const QSet<Connection *> staff = m_staff;
    for (Connection *c : staff)
        c->sendFrame(frame);
}

void Hub::holdEventsFor(Connection *connection)
{
    if (m_connections.contains(connection))
        m_holding.insert(connection);
}

void Hub::stopHoldingEvents(Connection *connection)
{
    m_holding.remove(connection);
}

void Hub::goLive(Connection *connection)
{
    m_holding.remove(connection);
    const qint64 id = connection->viewer()->party.id;
    QStringList welcome;
    if (connection->kind() == Connection::Kind::Staff) {
        m_staff.insert(connection);
        m_router->agentConnected(connection->agent(), connection->viewer()->inboxes);
        m_assigner->wake(); // an agent online and now connected may take what waits
        welcome = m_router->welcomeFramesForAgent(id);
    } else {
        const bool first = !m_customers.contains(id);
        m_customers.insert(id, connection);
        welcome = m_router->welcomeFramesForCustomer(id);
        if (first)
            Q_EMIT customerArrived(id);
    }
    for (const QString &frame : std::as_const(welcome))
        connection->sendFrame(frame);
}

void Hub::publish(const QList<Tandem::Event> &events)
{
    for (const Event &event : events) {
        const QString frame = Frames::event(event);
        const QSet<Connection *> holding = m_holding;
        for (Connection *c : holding)
            c->deliver(event, frame);
        const Visibility::Audience audience = Visibility::of(event);
        if (audience.staff) {
            const QSet<Connection *> staff = m_staff;
            for (Connection *c : staff)
                c->deliver(event, frame);
        }
        if (audience.customerId) {
            for (Connection *c : m_customers.values(audience.customerId))
                c->deliver(event, frame);
        }
        if (event.subject && !event.subject->access.isEmpty())
            changeAccess(event.subject->access);
    }
    m_hours.observe(events);
    m_expectedReply.observe(events, m_hours);
    if (std::any_of(events.cbegin(), events.cend(), [](const Event &e) {
            return e.subject && (e.subject->team || e.subject->inbox);
        }))
        m_closing->reschedule();
    // After the fan-out, so clients see a chat assigned before its offer ends.
    m_router->observe(events);
    m_assigner->observe(events);
}

void Hub::changeAccess(const QHash<qint64, QSet<qint64>> &access)
{
    // Connections still catching up are among those held, not yet among the staff.
    const QSet<Connection *> staff = m_staff + m_holding;
    for (Connection *c : staff) {
        if (!c->viewer() || !c->viewer()->isStaff())
            continue;
        const auto it = access.constFind(c->viewer()->party.id);
        if (it != access.cend())
            c->changeAccess(*it);
    }
}

void Hub::broadcastTyping(const Conversation &conversation, const Party &author, bool on,
                          Connection *except)
{
    const QString frame = Frames::typing(conversation.id, author, on);
    const Visibility::Audience audience = Visibility::of(conversation);
    QList<Connection *> to;
    if (audience.staff)
        to = m_staff.values();
    if (audience.customerId)
        to += m_customers.values(audience.customerId);
    for (Connection *c : std::as_const(to)) {
        if (c != except && Visibility::includes(audience, *c->viewer()))
            c->sendFrame(frame);
    }
}

QList<Party> Hub::viewersOf(qint64 conversationId) const
{
    QList<Party> viewers;
    for (auto it = m_viewing.cbegin(); it != m_viewing.cend(); ++it) {
        const Party &p = it.key()->viewer()->party;
        if (it->id == conversationId
            && std::none_of(viewers.cbegin(), viewers.cend(),
                            [&p](const Party &v) { return v.id == p.id; }))
            viewers.append(p);
    }
    return viewers;
}

void Hub::setViewing(Connection *connection, const Conversation *conversation)
{
    const auto was = m_viewing.constFind(connection);
    const std::optional<Conversation> before =
        was != m_viewing.cend() ? std::optional<Conversation>(*was) : std::nullopt;
    if (before && conversation && before->id == conversation->id)
        return;
    if (conversation)
        m_viewing.insert(connection, *conversation);
    else
        m_viewing.remove(connection);
    const auto tell = [this](const Conversation &c) {
        const QString frame = Frames::viewers(c.id, viewersOf(c.id));
        const Visibility::Audience audience = Visibility::of(c);
        for (Connection *staff : std::as_const(m_staff))
            if (audience.staff && Visibility::includes(audience, *staff->viewer()))
                staff->sendFrame(frame);
    };
    if (before)
        tell(*before);
    if (conversation)
        tell(*conversation);
}

void Hub::endSession(const QByteArray &tokenHash, const QString &reason)
{
    // Also those still catching up: they must not go live on an ended session.
    const auto all = m_connections; // closing edits the sets
    for (Connection *c : all) {
        if (c->kind() == Connection::Kind::Staff && c->viewer()
            && c->viewer()->tokenHash == tokenHash)
            c->close(Protocol::CloseSessionEnded, reason);
    }
}

QJsonObject Hub::liveAvailability(std::optional<qint64> inboxId) const
{
    QJsonObject answer = m_router->availability(inboxId);
    const QJsonObject hours = m_hours.describe(inboxId, now());
    for (auto it = hours.begin(); it != hours.end(); ++it)
        answer.insert(it.key(), it.value());
    if (!hours.value(QLatin1String("open")).toBool()) {
        answer.insert(QStringLiteral("available"), false);
        // What a message left now is promised: the next opening plus the usual delay, or
        // behind those waiting (as the automatic reply counts; the count a little stale).
        const QDateTime at = now();
        const qint64 team = m_hours.teamOf(inboxId);
        const std::optional<BusinessCalendar> calendar = m_hours.calendarOf(inboxId);
        const qint64 seconds =
            m_expectedReply.estimate(team, at).secondsFor(m_queueDepth->waiting(team) + 1);
        const QDateTime replyBy =
            calendar ? calendar->addBusinessSeconds(at, seconds) : QDateTime();
        answer.insert(QStringLiteral("expectedReplyAt"),
                      replyBy.isValid() ? QJsonValue(Wire::timeToString(replyBy)) : QJsonValue());
    }
    return answer;
}

void Hub::closeAll()
{
    const auto all = m_connections;
    for (Connection *c : all)
        c->close(1001, QStringLiteral("Server shutting down"));
}

void Hub::sweep()
{
    const QSet<Connection *> all = m_connections; // a tick may close one
    m_trimmed = 0;
    for (Connection *c : all)
        c->tick();
    releaseMemory();
}

void Hub::releaseMemory()
{
#ifdef __GLIBC__
    // With glibc's allocator (where tandemd is not linked with jemalloc, and in tests that
    // run the hub in-process), the freed buffers lie between blocks still in use, and the
    // C library keeps such memory for itself: hand the pages that are wholly free back to
    // the system (under jemalloc this finds nothing to do: its own thread does it). That
    // walks the whole heap (10 to 20 ms with 11,000 connections), so it waits for a sweep
    // that had nothing to trim, when the traffic that freed them has quietened; under
    // steady traffic, which takes the buffers again at once, it runs every 30 s at most.
    if (m_trimmed > 0)
        m_memoryToRelease = true;
    if (!m_memoryToRelease)
        return;
    if (m_trimmed == 0 || !m_lastRelease.isValid() || m_lastRelease.hasExpired(30000)) {
        malloc_trim(0);
        m_memoryToRelease = false;
        m_lastRelease.start();
    }
#endif
}

void Hub::checkSessions()
{
    QList<QByteArray> hashes;
    for (Connection *c : std::as_const(m_staff))
        hashes.append(c->viewer()->tokenHash);
    if (hashes.isEmpty())
        return;
    m_storage.run(
        this,
        [hashes](Store &store) -> Result<QList<QByteArray>> {
            return forClient(store.endedSessions(hashes, store.now()), QString());
        },
        [this](Result<QList<QByteArray>> ended) {
            if (!ended)
                return;
            for (const QByteArray &hash : ended.value())
                endSession(hash, QStringLiteral("Session ended"));
        });
}

} // namespace Tandem::Server
