// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient.h"

#include "cache/localcache.h"
#include "protocol/fieldreader.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <utility>

Q_LOGGING_CATEGORY(lcSync, "tandem.sync", QtInfoMsg)

namespace Tandem {
namespace {

QJsonObject errorFrame(const QString &code, const QString &message)
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

bool endsSession(const QString &code)
{
    return code == QLatin1String("token_invalid") || code == QLatin1String("token_expired")
           || code == QLatin1String("account_disabled")
           || code == QLatin1String("unsupported_version");
}

} // namespace

SyncClient::SyncClient(LocalCache &cache, QObject *parent)
    : SyncClient(cache, Timing{}, parent)
{
}

SyncClient::SyncClient(LocalCache &cache, Timing timing, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_timing(timing)
    , m_backoff(timing.firstRetry, timing.maxRetry)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncClient::connectNow);
    connect(&m_heartbeat, &QTimer::timeout, this, &SyncClient::heartbeat);
    m_eventFlush.setSingleShot(true);
    connect(&m_eventFlush, &QTimer::timeout, this, &SyncClient::flushEvents);
    // Events the cache could not store come again with a resume from its last seq.
    connect(&m_cache, &LocalCache::resyncNeeded, this, &SyncClient::abortSocket);
}

SyncClient::~SyncClient()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QWebSocket &SyncClient::socket()
{
    if (m_socket)
        return *m_socket;
    m_socket = std::make_unique<QWebSocket>();
    // A snapshot of a busy team's open conversations can be large; refusing it would leave
    // a new cache unable to ever sync.
    m_socket->setMaxAllowedIncomingMessageSize(512 * 1024 * 1024);
    connect(m_socket.get(), &QWebSocket::connected, this, &SyncClient::onConnected);
    connect(m_socket.get(), &QWebSocket::stateChanged, this,
            [this](QAbstractSocket::SocketState s) {
                if (s == QAbstractSocket::UnconnectedState)
                    onDisconnected();
            });
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &SyncClient::onText);
    connect(m_socket.get(), &QWebSocket::pong, this, [this] { m_lastHeard.restart(); });
    return *m_socket;
}

void SyncClient::abortSocket()
{
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
}

void SyncClient::start(const QUrl &server, const QString &token)
{
    m_server = server;
    m_token = token;
    m_wanted = true;
    m_backoff.reset();
    connectNow();
}

void SyncClient::stop()
{
    m_wanted = false;
    m_retry.stop();
    m_heartbeat.stop();
    if (m_socket)
        m_socket->close();
    flushEvents();
    failPending(QStringLiteral("offline"), tr("Not connected"));
    setState(State::Offline);
}

void SyncClient::retryNow()
{
    if (m_state == State::Reconnecting) {
        m_retry.stop();
        connectNow();
    }
}

int SyncClient::secondsToRetry() const
{
    return m_retry.isActive() ? (m_retry.remainingTime() + 999) / 1000 : 0;
}

void SyncClient::setState(State state)
{
    if (m_state == state && state != State::Reconnecting)
        return;
    m_state = state;
    if (state != State::Online && !m_viewers.isEmpty()) {
        // Nobody is known to be anywhere until the server says so again.
        const QList<qint64> ids = m_viewers.keys();
        m_viewers.clear();
        for (qint64 id : ids)
            Q_EMIT viewersChanged(id);
    }
    Q_EMIT stateChanged(state);
    if (state == State::Online && m_viewing != 0)
        setViewing(std::exchange(m_viewing, 0));
}

void SyncClient::setViewing(qint64 conversationId)
{
    if (conversationId == m_viewing && m_state == State::Online)
        return;
    m_viewing = conversationId;
    if (m_state != State::Online)
        return;
    request(Requests::viewing(conversationId), this,
            [this, conversationId](bool ok, const QJsonObject &data) {
                if (ok && conversationId != 0)
                    setViewers(conversationId, data.value(QLatin1String("viewers")).toArray());
            });
}

void SyncClient::setViewers(qint64 conversationId, const QJsonArray &viewers)
{
    QStringList names;
    for (const QJsonValue &v : viewers) {
        const QJsonObject party = v.toObject();
        if (qint64(party.value(QLatin1String("id")).toDouble()) != m_agent.id)
            names << party.value(QLatin1String("name")).toString();
    }
    if (m_viewers.value(conversationId) == names)
        return;
    if (names.isEmpty())
        m_viewers.remove(conversationId);
    else
        m_viewers.insert(conversationId, names);
    Q_EMIT viewersChanged(conversationId);
}

QUrl SyncClient::socketUrl() const
{
    QUrl url = m_server;
    if (url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/ws/agent"));
    return url;
}

void SyncClient::connectNow()
{
    if (!m_wanted)
        return;
    setState(State::Connecting);
    m_lastHeard.start();
    m_heartbeat.start(std::min(m_timing.heartbeat, m_timing.requestTimeout));
    socket().open(socketUrl());
}

void SyncClient::onConnected()
{
    m_lastHeard.restart();
    m_cache.beginResume();
    const qint64 seq = m_cache.lastSeq();
    const Requests::Request request =
        Requests::agentHello({m_token, seq > 0 ? std::optional<qint64>(seq) : std::nullopt});
    QJsonObject hello = request.fields;
    m_helloId = QString::number(m_nextId++);
    hello.insert(QStringLiteral("type"), request.type);
    hello.insert(QStringLiteral("id"), m_helloId);
    socket().sendTextMessage(
        QString::fromUtf8(QJsonDocument(hello).toJson(QJsonDocument::Compact)));
}

void SyncClient::onDisconnected()
{
    m_heartbeat.stop();
    flushEvents();
    failPending(QStringLiteral("offline"), tr("The connection was lost"));
    Q_EMIT offersLapsed();
    const int closeCode = int(socket().closeCode());
    if (closeCode == Protocol::CloseSessionEnded) {
        endSession(socket().closeReason().isEmpty() ? tr("Signed out") : socket().closeReason());
        return;
    }
    if (m_state == State::SignedOut || !m_wanted) {
        if (m_state != State::SignedOut)
            setState(State::Offline);
        return;
    }
    scheduleReconnect();
}

void SyncClient::scheduleReconnect()
{
    const auto delay = m_backoff.next();
    qCInfo(lcSync) << "reconnecting in" << delay.count() << "ms";
    m_retry.start(delay);
    setState(State::Reconnecting);
}

void SyncClient::endSession(const QString &reason)
{
    m_wanted = false;
    m_retry.stop();
    m_heartbeat.stop();
    setState(State::SignedOut);
    abortSocket();
    Q_EMIT sessionEnded(reason);
}

void SyncClient::failPending(const QString &code, const QString &message)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        if (p.context)
            p.done(false, errorFrame(code, message));
    }
}

bool SyncClient::request(const Requests::Request &request, QObject *context, ReplyHandler done)
{
    if (m_state != State::Online && m_state != State::Syncing)
        return false;
    const QString id = QString::number(m_nextId++);
    QJsonObject fields = request.fields;
    fields.insert(QStringLiteral("type"), request.type);
    fields.insert(QStringLiteral("id"), id);
    Pending pending{context, std::move(done), {}};
    pending.sent.start();
    m_pending.insert(id, std::move(pending));
    socket().sendTextMessage(
        QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    return true;
}

void SyncClient::heartbeat()
{
    const qint64 silent = m_lastHeard.elapsed();
    const bool connecting = m_state == State::Connecting;
    if ((connecting && silent > m_timing.requestTimeout.count())
        || (!connecting && silent > m_timing.deadAfter.count())) {
        // A silent network sends no FIN: only the missing answers tell.
        qCInfo(lcSync) << "no answer for" << silent << "ms; reconnecting";
        abortSocket();
        return;
    }
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->sent.elapsed() > m_timing.requestTimeout.count()) {
            const Pending timedOut = *it;
            it = m_pending.erase(it);
            if (timedOut.context)
                timedOut.done(
                    false, errorFrame(QStringLiteral("timeout"), tr("No answer from the server")));
        } else {
            ++it;
        }
    }
    if (m_state == State::Online || m_state == State::Syncing)
        request(Requests::ping(), this, [](bool, const QJsonObject &) {});
}

void SyncClient::onText(const QString &text)
{
    m_lastHeard.restart();
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QLatin1String("type")).toString();
    if (type == QLatin1String("event")) {
        onEvent(frame);
    } else if (type == QLatin1String("ok") || type == QLatin1String("error")) {
        onReply(frame);
    } else if (type == QLatin1String("snapshot")) {
        FieldReader r(frame);
        const qint64 seq = r.integer("seq", 0, Protocol::MaxId);
        const QJsonObject data = r.object("data");
        if (!r.ok()) {
            qCWarning(lcSync) << "ignoring a malformed snapshot:" << r.failure().message;
            return;
        }
        flushEvents();
        m_cache.applySnapshot(seq, data);
        m_pagingFrom.reset();
        continueAfter(data.value(QLatin1String("conversations")).toArray(),
                      data.value(QLatin1String("more")).toBool());
    } else if (type == QLatin1String("synced")) {
        flushEvents();
        m_backoff.reset();
        setState(State::Online);
        Q_EMIT online();
        // A replay after a dropped connection: finish the paging the last one began.
        if (m_pagingFrom && !m_pageAsked)
            fetchOlderConversations(m_pagingFrom->first, m_pagingFrom->second);
    } else if (type == QLatin1String("offer") || type == QLatin1String("offer.ended")
               || type == QLatin1String("queue.stats")) {
        onRoutingFrame(type, frame);
    } else if (type == QLatin1String("viewers")) {
        const qint64 conversation = qint64(frame.value(QLatin1String("conversation")).toDouble());
        if (conversation > 0)
            setViewers(conversation, frame.value(QLatin1String("viewers")).toArray());
    } else if (type == QLatin1String("typing")) {
        FieldReader r(frame);
        const qint64 conversation = r.id("conversation");
        const bool on = r.boolean("on");
        const QString who = FieldReader(r.object("author"))
                                .optionalString("name", 0, Protocol::MaxNameChars)
                                .value_or(QString());
        if (r.ok())
            Q_EMIT typing(conversation, who, on);
    }
}

void SyncClient::continueAfter(const QJsonArray &conversations, bool more)
{
    if (!more || conversations.isEmpty())
        return;
    FieldReader last(conversations.last().toObject(), QStringLiteral("conversation"));
    const QDateTime updatedAt = last.time("updatedAt");
    const qint64 id = last.id("id");
    if (!last.ok()) {
        qCWarning(lcSync) << "cannot page on from" << last.failure().message;
        return;
    }
    fetchOlderConversations(updatedAt, id);
}

bool SyncClient::fetchResolved(const std::optional<ListPosition> &after, int limit)
{
    if (m_resolvedAsked)
        return false;
    Commands::ConversationPage page;
    page.after = after;
    page.limit = limit;
    page.resolved = true;
    m_resolvedAsked = request(
        Requests::conversations(page), this, [this, after](bool ok, const QJsonObject &reply) {
            m_resolvedAsked = false;
            if (!ok)
                return;    // asked again the next time the view is opened or scrolled
            flushEvents(); // as for the other pages: events first, then what the page says
            const QJsonArray listed = reply.value(QLatin1String("conversations")).toArray();
            m_resolvedNext.reset();
            if (reply.value(QLatin1String("more")).toBool() && !listed.isEmpty()) {
                const auto last = Wire::decodeConversation(listed.last().toObject());
                if (last)
                    m_resolvedNext = ListPosition{last->updatedAt, last->id};
            }
            if (after)
                m_cache.applyResolvedPage(reply, after->first, after->second);
            else
                m_cache.applyResolvedPage(reply);
        });
    return m_resolvedAsked;
}

void SyncClient::fetchOlderConversations(const QDateTime &afterUpdatedAt, qint64 afterId)
{
    m_pagingFrom = std::make_pair(afterUpdatedAt, afterId);
    if (m_pageAsked)
        return;
    m_pageAsked = request(
        Requests::conversations(
            {std::make_pair(afterUpdatedAt, afterId), Protocol::MaxConversationPage}),
        this, [this, afterUpdatedAt, afterId](bool ok, const QJsonObject &reply) {
            m_pageAsked = false;
            if (!ok) {
                // Asked again after a pause when told to wait; otherwise after the next
                // handshake (m_pagingFrom stays).
                if (reply.value(QLatin1String("code")).toString() == QLatin1String("rate_limited"))
                    QTimer::singleShot(reply.value(QLatin1String("retryAfterMs")).toInt(1000), this,
                                       [this, afterUpdatedAt, afterId] {
                                           if (m_pagingFrom)
                                               fetchOlderConversations(afterUpdatedAt, afterId);
                                       });
                return;
            }
            const QJsonObject &page = reply;
            // Events that came before this page are applied first: a conversation they
            // moved to the top is then no longer where the page would drop it.
            flushEvents();
            m_cache.applyConversationPage(page, afterUpdatedAt, afterId);
            m_pagingFrom.reset();
            continueAfter(page.value(QLatin1String("conversations")).toArray(),
                          page.value(QLatin1String("more")).toBool());
        });
}

void SyncClient::onRoutingFrame(const QString &type, const QJsonObject &frame)
{
    // Ephemeral: not logged, not cached. A frame that does not decode is dropped with a word
    // in the log; the next one (or the next connection) brings the state again.
    if (type == QLatin1String("offer")) {
        const auto offer = RoutingFrames::decodeOffer(frame, QDateTime::currentDateTimeUtc());
        if (!offer) {
            qCWarning(lcSync) << "ignoring an offer:" << offer.failure().message;
            return;
        }
        Q_EMIT offered(offer.value());
    } else if (type == QLatin1String("offer.ended")) {
        const auto ended = RoutingFrames::decodeOfferEnded(frame);
        if (!ended) {
            qCWarning(lcSync) << "ignoring offer.ended:" << ended.failure().message;
            return;
        }
        Q_EMIT offerEnded(ended->conversationId, ended->reason);
    } else {
        const auto stats = RoutingFrames::decodeQueueStats(frame, QDateTime::currentDateTimeUtc());
        if (!stats) {
            qCWarning(lcSync) << "ignoring queue.stats:" << stats.failure().message;
            return;
        }
        m_queueStats = stats.value();
        Q_EMIT queueStatsChanged(m_queueStats);
    }
}

void SyncClient::onReply(const QJsonObject &frame)
{
    const QString id = frame.value(QLatin1String("id")).toString();
    const bool ok = frame.value(QLatin1String("type")).toString() == QLatin1String("ok");
    if (!m_helloId.isEmpty() && id == m_helloId) {
        m_helloId.clear();
        onHandshakeReply(ok, ok ? frame.value(QLatin1String("data")).toObject() : frame);
        return;
    }
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.context)
        pending.done(ok, ok ? frame.value(QLatin1String("data")).toObject() : frame);
}

void SyncClient::onHandshakeReply(bool ok, const QJsonObject &data)
{
    if (!ok) {
        const QString code = data.value(QLatin1String("code")).toString();
        qCInfo(lcSync) << "handshake refused:" << code;
        if (endsSession(code)) {
            endSession(data.value(QLatin1String("message")).toString());
            return;
        }
        abortSocket(); // try again later
        return;
    }
    if (auto agent = Wire::decodeAgent(data.value(QLatin1String("agent")).toObject())) {
        m_agent = agent.value();
        // The cache needs to know whose read markers are "ours" to count unread messages.
        m_cache.setOwnAgent(m_agent.id);
    }
    setState(State::Syncing);
}

void SyncClient::onEvent(const QJsonObject &frame)
{
    FieldReader r(frame);
    Event e;
    e.seq = r.integer("seq", 1, Protocol::MaxId);
    e.kind = r.string("event", 1, 64);
    e.data = r.object("data");
    if (!r.ok()) {
        qCWarning(lcSync) << "ignoring a malformed event:" << r.failure().message;
        return;
    }
    m_incoming.append(e);
    // Everything that arrives in one turn of the event loop goes to the cache together.
    if (!m_eventFlush.isActive())
        m_eventFlush.start(0);
}

void SyncClient::flushEvents()
{
    m_eventFlush.stop();
    if (m_incoming.isEmpty())
        return;
    m_cache.applyEvents(std::exchange(m_incoming, {}));
}

} // namespace Tandem
