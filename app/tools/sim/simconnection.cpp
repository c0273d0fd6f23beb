// SPDX-License-Identifier: GPL-3.0-or-later
#include "simconnection.h"

#include "protocol/fieldreader.h"
#include "protocol/limits.h"

#include <QJsonDocument>
#include <QWebSocket>

namespace Tandem::Sim {

SimConnection::SimConnection(const QUrl &url, QObject *parent)
    : QObject(parent)
    , m_url(url)
{
}

SimConnection::~SimConnection()
{
    if (m_socket) {
        // Our slots must not run for a socket we are tearing down.
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

void SimConnection::open()
{
    if (m_socket)
        return;
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    m_open = false;
    connect(socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        Q_EMIT opened();
    });
    connect(socket, &QWebSocket::disconnected, this, &SimConnection::onSocketGone);
    connect(socket, &QWebSocket::textMessageReceived, this, &SimConnection::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this] { Q_EMIT malformed(QStringLiteral("binary frame from the server")); });
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    const auto errorSignal = QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error);
#else
    const auto errorSignal = &QWebSocket::errorOccurred;
#endif
    connect(socket, errorSignal, this, [this, socket](QAbstractSocket::SocketError) {
        m_lastError = socket->errorString();
        // A failed connect never emits disconnected, so this is the only news of it.
        if (socket->state() == QAbstractSocket::UnconnectedState)
            onSocketGone();
    });
    socket->open(m_url);
}

void SimConnection::abort()
{
    if (m_socket) {
        m_socket->abort();
        onSocketGone();
    }
}

void SimConnection::close()
{
    if (m_socket && m_open)
        m_socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Simulation over"));
    else
        abort();
}

bool SimConnection::isOpen() const
{
    return m_socket && m_open;
}

void SimConnection::onSocketGone()
{
    QWebSocket *socket = m_socket;
    if (!socket)
        return;
    m_socket = nullptr;
    m_open = false;
    disconnect(socket, nullptr, this, nullptr);
    const int code = socket->closeCode() == QWebSocketProtocol::CloseCodeNormal
                             && socket->closeReason().isEmpty()
                         ? 0
                         : int(socket->closeCode());
    const QString reason = socket->closeReason().isEmpty() ? m_lastError : socket->closeReason();
    socket->deleteLater();
    Q_EMIT dropped(code, reason);
}

QString SimConnection::request(const Requests::Request &request)
{
    const QString id = QString::number(m_nextId++);
    QJsonObject fields = request.fields;
    fields.insert(QStringLiteral("type"), request.type);
    fields.insert(QStringLiteral("id"), id);
    if (m_socket && m_open)
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    return id;
}

void SimConnection::onText(const QString &text)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        Q_EMIT malformed(QStringLiteral("frame is not a JSON object"));
        return;
    }
    const QJsonObject frame = doc.object();
    FieldReader r(frame);
    const QString type = r.string("type", 1, 32);
    if (!r.ok()) {
        Q_EMIT malformed(r.failure().message);
        return;
    }
    if (type == QLatin1String("ok")) {
        const QString id = r.string("id", 1, Protocol::MaxRequestIdChars);
        const QJsonObject data = r.object("data");
        if (r.ok())
            Q_EMIT replied(id, data);
    } else if (type == QLatin1String("error")) {
        const QString id =
            r.optionalString("id", 1, Protocol::MaxRequestIdChars).value_or(QString());
        const QString code = r.string("code", 1, 64);
        const QString message = r.optionalString("message", 0, 10000).value_or(QString());
        const qint64 retryAfter =
            r.optionalInteger("retryAfterMs", 0, 24LL * 3600 * 1000).value_or(0);
        if (r.ok())
            Q_EMIT refused(id, code, message, retryAfter);
    } else if (type == QLatin1String("event")) {
        const qint64 seq = r.id("seq");
        const QString kind = r.string("event", 1, 64);
        const QJsonObject data = r.object("data");
        if (r.ok())
            Q_EMIT eventReceived(seq, kind, data);
    } else if (type == QLatin1String("snapshot")) {
        const qint64 seq = r.integer("seq", 0, Protocol::MaxId);
        const QJsonObject data = r.object("data");
        if (r.ok())
            Q_EMIT snapshotReceived(seq, data);
    } else if (type == QLatin1String("synced")) {
        const qint64 seq = r.integer("seq", 0, Protocol::MaxId);
        if (r.ok())
            Q_EMIT synced(seq);
    } else if (type == QLatin1String("queue") || type == QLatin1String("offer")
               || type == QLatin1String("offer.ended") || type == QLatin1String("queue.stats")) {
        // Live-chat routing news: not logged, nothing the sim acts on.
        if (type == QLatin1String("queue") || type == QLatin1String("offer.ended"))
            (void)r.id("conversation");
    } else if (type != QLatin1String("typing")) {
        r.fail("type", QStringLiteral("unknown frame type %1").arg(type));
    }
    if (!r.ok())
        Q_EMIT malformed(r.failure().message);
}

} // namespace Tandem::Sim
