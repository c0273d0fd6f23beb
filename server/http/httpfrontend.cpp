// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpfrontend.h"

#include "clientaddress.h"
#include "gatedtcpserver.h"
#include "lingeringsocket.h"
#include "widgetassets.h"

#include "accounts/tokens.h"
#include "hub/authenticator.h"
#include "hub/deskoperations.h"
#include "hub/fileaccess.h"
#include "hub/hub.h"
#include "hub/serverconfig.h"
#include "hub/uploads.h"
#include "logging/logging.h"
#include "protocol/commands.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"
#include "store/storage.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
#include <QHttpServerWebSocketUpgradeResponse>
#endif

namespace Tandem::Server {
namespace {

const QString AgentPath = QStringLiteral("/ws/agent");
const QString CustomerPath = QStringLiteral("/ws/customer");

using Status = QHttpServerResponder::StatusCode;

Status statusFor(ErrorCode code)
{
    Status status = Status::BadRequest;
    switch (code) {
    case ErrorCode::BadCredentials:
    case ErrorCode::TokenInvalid:
    case ErrorCode::TokenExpired:
    case ErrorCode::Unauthenticated:
        status = Status::Unauthorized;
        break;
    case ErrorCode::AccountDisabled:
    case ErrorCode::Forbidden:
        status = Status::Forbidden;
        break;
    case ErrorCode::NotFound:
        status = Status::NotFound;
        break;
    case ErrorCode::Conflict:
        status = Status::Conflict;
        break;
    case ErrorCode::Unavailable:
        status = Status::ServiceUnavailable;
        break;
    case ErrorCode::RateLimited:
        status = Status::TooManyRequests;
        break;
    case ErrorCode::Internal:
        status = Status::InternalServerError;
        break;
    default:
        break;
    }
    return status;
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
using ResponderArg = QHttpServerResponder &;
#else
using ResponderArg = QHttpServerResponder &&;
#endif

//! An answer that comes later, from another callback. Qt 6.4's QFuture-returning routes
//! crash with move-only responses, so the responder itself is kept.
class DeferredReply
{
public:
    explicit DeferredReply(QHttpServerResponder &&responder)
        : m_responder(std::make_shared<QHttpServerResponder>(std::move(responder)))
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
        , m_socket(m_responder->socket())
#endif
    {
    }

    // Every answer says the connection closes after it (RequestGate closes it), so a
    // client does not send its next request on a connection that is going away.
    void send(const QJsonObject &body, Status status = Status::Ok) const
    {
        if (clientGone())
            return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        QHttpHeaders headers;
        headers.append(QHttpHeaders::WellKnownHeader::Connection, "close");
        m_responder->write(QJsonDocument(body), headers, status);
#else
        m_responder->write(QJsonDocument(body),
                           {{QByteArrayLiteral("Connection"), QByteArrayLiteral("close")}}, status);
#endif
    }
    void send(const Failure &failure) const
    {
        QJsonObject body{{QStringLiteral("code"), errorCodeName(failure.code)},
                         {QStringLiteral("message"), failure.message}};
        if (!failure.retryAfterMs) {
            send(body, statusFor(failure.code));
            return;
        }
        body.insert(QStringLiteral("retryAfterMs"), *failure.retryAfterMs);
        if (clientGone())
            return;
        // Retry-After counts whole seconds, rounded up so a client that obeys it is let in.
        const QByteArray seconds = QByteArray::number((*failure.retryAfterMs + 999) / 1000);
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        QHttpHeaders headers;
        headers.append(QHttpHeaders::WellKnownHeader::RetryAfter, seconds);
        headers.append(QHttpHeaders::WellKnownHeader::Connection, "close");
        m_responder->write(QJsonDocument(body), headers, statusFor(failure.code));
#else
        m_responder->write(QJsonDocument(body),
                           {{QByteArrayLiteral("Retry-After"), seconds},
                            {QByteArrayLiteral("Connection"), QByteArrayLiteral("close")}},
                           statusFor(failure.code));
#endif
    }
    //! A file for download: never rendered by a browser as a page of this origin, never
    //! sniffed into another type, kept privately.
    void sendFile(const QByteArray &data, const QByteArray &contentType,
                  const QByteArray &fileName) const
    {
        if (clientGone())
            return;
        const QByteArray disposition =
            "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(QString::fromUtf8(fileName));
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        QHttpHeaders headers;
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, contentType);
        headers.append(QHttpHeaders::WellKnownHeader::ContentDisposition, disposition);
        headers.append(QHttpHeaders::WellKnownHeader::XContentTypeOptions, "nosniff");
        headers.append(QHttpHeaders::WellKnownHeader::ContentSecurityPolicy, "sandbox");
        headers.append(QHttpHeaders::WellKnownHeader::CacheControl, "private, max-age=86400");
        headers.append(QHttpHeaders::WellKnownHeader::Connection, "close");
        m_responder->write(data, headers, Status::Ok);
#else
        m_responder->write(
            data,
            {{QByteArrayLiteral("Content-Type"), contentType},
             {QByteArrayLiteral("Content-Disposition"), disposition},
             {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
             {QByteArrayLiteral("Content-Security-Policy"), QByteArrayLiteral("sandbox")},
             {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("private, max-age=86400")},
             {QByteArrayLiteral("Connection"), QByteArrayLiteral("close")}},
            Status::Ok);
#endif
    }
    void sendEmpty(Status status) const
    {
        if (clientGone())
            return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
        QHttpHeaders headers;
        headers.append(QHttpHeaders::WellKnownHeader::Connection, "close");
        m_responder->write(headers, status);
#else
        m_responder->write({{QByteArrayLiteral("Connection"), QByteArrayLiteral("close")}}, status);
#endif
    }

private:
    bool clientGone() const
    {
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
        // The socket is deleted when the client hangs up while we were busy.
        return m_socket.isNull();
#else
        return false;
#endif
    }

    std::shared_ptr<QHttpServerResponder> m_responder;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    QPointer<QTcpSocket> m_socket;
#endif
};

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    return request.headers().value(name).toByteArray();
#else
    return request.value(name);
#endif
}

//! A response with extra headers; QHttpServerResponse's header API changed in Qt 6.8.
//! Each also says that the connection closes after it (see DeferredReply).
QHttpServerResponse withHeaders(QHttpServerResponse response,
                                QList<QPair<QByteArray, QByteArray>> headers)
{
    headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    QHttpHeaders all = response.headers();
    for (const auto &h : headers)
        all.replaceOrAppend(QAnyStringView(h.first), QAnyStringView(h.second));
    response.setHeaders(std::move(all));
#else
    for (const auto &h : headers)
        response.setHeader(h.first, h.second);
#endif
    return response;
}

QHttpServerResponse refusal(Status status, const QByteArray &text)
{
    return withHeaders(
        QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"), text, status),
        {{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
         {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")}});
}

QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, QByteArrayLiteral("authorization"));
    const QByteArray prefix = QByteArrayLiteral("Bearer ");
    if (!value.startsWith(prefix))
        return {};
    return QString::fromLatin1(value.mid(prefix.size()).trimmed());
}

//! A widget file, to the sites that may embed the widget.
QHttpServerResponse widgetFile(const WidgetAssets::Asset &asset, const OriginPolicy &origins,
                               const QHttpServerRequest &request)
{
    // Route patterns are regular expressions: answer only the exact path.
    if (request.url().path() != asset.path)
        return refusal(Status::NotFound, QByteArrayLiteral("Not found"));
    const QByteArray origin = header(request, QByteArrayLiteral("origin"));
    const QByteArray referer = header(request, QByteArrayLiteral("referer"));
    if (!origins.allowsPage(origin, referer)) {
        qCInfo(lcHttp) << "refused" << asset.path << "to origin" << origin << referer;
        return refusal(Status::Forbidden,
                       QByteArrayLiteral("This site may not embed the chat widget"));
    }
    return withHeaders(QHttpServerResponse(asset.contentType, asset.body), asset.headers);
}

} // namespace

HttpFrontend::HttpFrontend(Hub &hub, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_config(config)
    , m_origins(config.allowedOrigins)
{
    addRoutes();
    addWidgetRoutes();
    addFileRoutes();
    acceptWebSockets();
}

HttpFrontend::~HttpFrontend() = default;

bool HttpFrontend::listen(QString *error)
{
    // Listening on our own QTcpServer and binding it works on every Qt version.
    RequestGate::Limits limits;
    limits.maxHeaderBytes = m_config.maxHeaderBytes;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    limits.maxUploadBytes = Protocol::MaxUploadBytes;
    // Six whole uploads being read at once at most, two from one address, however many
    // agents send files.
    limits.uploadBudget = std::make_shared<RequestGate::UploadBudget>();
    limits.uploadBudget->left = 6 * Protocol::MaxUploadBytes;
    limits.webSocketBufferBytes = std::max<qint64>(64 * 1024, 2 * m_config.maxMessageBytes + 1024);
    limits.headTimeoutMs = m_config.handshakeTimeoutMs;
    m_tcp = new GatedTcpServer(limits, this);
    if (!m_tcp->listen(m_config.address, m_config.port)) {
        *error = m_tcp->errorString();
        return false;
    }
    m_http.bind(m_tcp);
    m_origins.setOwnOrigins(ownOrigins());
    if (m_origins.ownOrigins().isEmpty())
        qCWarning(lcHttp) << "no --public-url given and no single address to derive it from:"
                             " the widget works only on --allowed-origin sites";
    else
        qCInfo(lcHttp) << "the widget's own origins:" << m_origins.ownOrigins();
    return true;
}

QStringList HttpFrontend::ownOrigins() const
{
    if (!m_config.publicOrigins.isEmpty())
        return m_config.publicOrigins;
    // Without --public-url the widget is served at the address tandemd listens on; an
    // any-address listener has no one name to take.
    const QHostAddress &address = m_config.address;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        || address == QHostAddress::AnyIPv6)
        return {};
    const QString port = QString::number(this->port());
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    QStringList own{QStringLiteral("http://%1:%2").arg(host, port)};
    if (address.isLoopback())
        own.append(QStringLiteral("http://localhost:%1").arg(port));
    return own;
}

quint16 HttpFrontend::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

void HttpFrontend::addRoutes()
{
    m_http.route(
        QStringLiteral("/healthz"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &, ResponderArg responder) {
            DeferredReply reply(std::move(responder));
            // Answered from the storage thread's queue, so a stuck store shows.
            m_hub.storage().run(
                this,
                [](Store &store) { return forClient(store.headSeq(), QStringLiteral("No store")); },
                [reply](Result<qint64> head) {
                    if (!head) {
                        reply.send(head.failure());
                        return;
                    }
                    reply.send({{QStringLiteral("status"), QStringLiteral("ok")},
                                {QStringLiteral("seq"), head.value()}});
                });
        });

    m_http.route(
        QStringLiteral("/api/v1/session"), QHttpServerRequest::Method::Post,
        [this](const QHttpServerRequest &request, ResponderArg responder) {
            DeferredReply reply(std::move(responder));
            QJsonObject body = QJsonDocument::fromJson(request.body()).object();
            // The shared decoder checks the same fields as a WebSocket signin.
            body.insert(QStringLiteral("protocol"), Protocol::Version);
            const auto command = Commands::decodeSignIn(body);
            if (!command) {
                reply.send(command.failure());
                return;
            }
            m_hub.authenticator().signIn(
                command->email, command->password,
                ClientAddress::of(request.remoteAddress(),
                                  header(request, QByteArrayLiteral("x-forwarded-for")),
                                  m_config.trustedProxies),
                this, [reply](Result<DeskOperations::StaffSession> session) {
                    if (!session) {
                        reply.send(session.failure());
                        return;
                    }
                    reply.send(
                        {{QStringLiteral("token"), session->token},
                         {QStringLiteral("expiresAt"), Wire::timeToString(session->expiresAt)},
                         {QStringLiteral("agent"),
                          Wire::encode(session->agent, Wire::AgentDetail::WithEmail)}});
                });
        });

    m_http.route(QStringLiteral("/api/v1/session"), QHttpServerRequest::Method::Delete,
                 [this](const QHttpServerRequest &request, ResponderArg responder) {
                     DeferredReply reply(std::move(responder));
                     const QString token = bearerToken(request);
                     if (token.isEmpty() || token.size() > Protocol::MaxTokenChars) {
                         reply.send(Failure{
                             ErrorCode::TokenInvalid,
                             QStringLiteral("Send the session token as Authorization: Bearer")});
                         return;
                     }
                     const QByteArray hash = Tokens::hash(token);
                     m_hub.storage().run(
                         this,
                         [hash](Store &store) { return DeskOperations::signOut(store, hash); },
                         [this, reply, hash](Result<Done> done) {
                             if (!done) {
                                 reply.send(done.failure());
                                 return;
                             }
                             m_hub.endSession(hash, QStringLiteral("Signed out"));
                             reply.sendEmpty(Status::NoContent);
                         });
                 });
}

void HttpFrontend::addFileRoutes()
{
    // A message's files (an email's attachments, inline images and HTML), for staff who see
    // its conversation.
    m_http.route(
        QStringLiteral("/api/v1/messages/<arg>/files/<arg>"), QHttpServerRequest::Method::Get,
        [this](qint64 messageId, int index, const QHttpServerRequest &request,
               ResponderArg responder) {
            DeferredReply reply(std::move(responder));
            const QString token = bearerToken(request);
            if (token.isEmpty() || token.size() > Protocol::MaxTokenChars) {
                reply.send(
                    Failure{ErrorCode::Unauthenticated,
                            QStringLiteral("Send the session token as Authorization: Bearer")});
                return;
            }
            const QByteArray hash = Tokens::hash(token);
            m_hub.storage().read(
                this,
                [hash, messageId, index](Store &store) {
                    return FileAccess::messageFile(store, hash, messageId, index);
                },
                [reply](Result<AttachmentRecord> file) {
                    if (!file) {
                        reply.send(file.failure());
                        return;
                    }
                    reply.sendFile(file->data, file->contentType.toUtf8(), file->fileName.toUtf8());
                });
        });
    // A file an agent sends ahead of the message that carries it (RequestGate lets bodies
    // up to Protocol::MaxUploadBytes through on this path only).
    m_http.route(
        QStringLiteral("/api/v1/uploads/<arg>"), QHttpServerRequest::Method::Put,
        [this](const QString &id, const QHttpServerRequest &request, ResponderArg responder) {
            DeferredReply reply(std::move(responder));
            const QString token = bearerToken(request);
            if (token.isEmpty() || token.size() > Protocol::MaxTokenChars) {
                reply.send(
                    Failure{ErrorCode::Unauthenticated,
                            QStringLiteral("Send the session token as Authorization: Bearer")});
                return;
            }
            const QUuid uuid(id);
            if (uuid.isNull() || id.size() != 36) {
                reply.send(Failure{ErrorCode::BadRequest,
                                   QStringLiteral("The upload id must be a UUID (36 characters)")});
                return;
            }
            const QByteArray hash = Tokens::hash(token);
            const QString name =
                request.query().queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
            const QString type =
                QString::fromLatin1(header(request, QByteArrayLiteral("content-type")));
            const QByteArray body = request.body();
            // What waits for the store is bounded too: a client that sends and goes leaves
            // its body queued after its connection (and its share of the gate's budget) went.
            if (m_uploadBytesQueued + body.size() > MaxUploadBytesQueued) {
                reply.send(Failure{ErrorCode::Unavailable,
                                   QStringLiteral("Too many uploads at once: try again shortly")});
                return;
            }
            m_uploadBytesQueued += body.size();
            const qint64 size = body.size();
            m_hub.storage().run(
                this,
                [hash, uuid, name, type, body](Store &store) {
                    return Uploads::put(store, hash, uuid, name, type, body);
                },
                [this, reply, size](Result<Uploads::Put> put) {
                    m_uploadBytesQueued -= size;
                    if (!put) {
                        reply.send(put.failure());
                        return;
                    }
                    reply.send(
                        {{QStringLiteral("upload"), put->upload.id.toString(QUuid::WithoutBraces)},
                         {QStringLiteral("name"), put->upload.fileName},
                         {QStringLiteral("type"), put->upload.contentType},
                         {QStringLiteral("size"), put->upload.size}},
                        put->created ? Status::Created : Status::Ok);
                });
        });
}

void HttpFrontend::addWidgetRoutes()
{
    m_http.route(
        QStringLiteral("/api/v1/availability"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest &request) {
            // ?inbox=N: with that inbox's team (the widget of a site's own inbox).
            bool isNumber = false;
            const qint64 inbox =
                request.query().queryItemValue(QStringLiteral("inbox")).toLongLong(&isNumber);
            return withHeaders(
                QHttpServerResponse(m_hub.liveAvailability(
                    isNumber && inbox > 0 ? std::optional<qint64>(inbox) : std::nullopt)),
                {{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")}});
        });
    for (const WidgetAssets::Asset &asset : WidgetAssets::load(m_origins)) {
        m_http.route(asset.path, QHttpServerRequest::Method::Get,
                     [this, asset](const QHttpServerRequest &request) {
                         return widgetFile(asset, m_origins, request);
                     });
    }
}

void HttpFrontend::acceptWebSockets()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    m_http.addWebSocketUpgradeVerifier(this, [](const QHttpServerRequest &request) {
        const QString path = request.url().path();
        return path == AgentPath || path == CustomerPath
                   ? QHttpServerWebSocketUpgradeResponse::accept()
                   : QHttpServerWebSocketUpgradeResponse::passToNext();
    });
    for (const QString &path : {AgentPath, CustomerPath}) {
        m_http.route(path, [] {
            return withHeaders(
                QHttpServerResponse(QByteArrayLiteral("Connect with WebSocket"),
                                    QHttpServerResponse::StatusCode::UpgradeRequired),
                {});
        });
    }
#else
    // Qt 6.4 hands an upgrade request to the WebSocket server when a route for it exists
    // and writes nothing.
    for (const QString &path : {AgentPath, CustomerPath}) {
        m_http.route(path, [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            // Qt upgrades exactly these (and RequestGate agrees); anything else is answered.
            const bool upgrade =
                request.value(QByteArrayLiteral("upgrade"))
                        .compare("websocket", Qt::CaseInsensitive)
                    == 0
                && request.value(QByteArrayLiteral("connection")).toLower().contains("upgrade");
            if (!upgrade)
                responder.write(
                    QByteArrayLiteral("Connect with WebSocket"),
                    {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")},
                     {QByteArrayLiteral("Connection"), QByteArrayLiteral("close")}},
                    QHttpServerResponder::StatusCode::UpgradeRequired);
        });
    }
#endif
    connect(&m_http, &QHttpServer::newWebSocketConnection, this, [this] {
        while (m_http.hasPendingWebSocketConnections())
            admit(m_http.nextPendingWebSocketConnection());
    });
}

void HttpFrontend::refuse(std::unique_ptr<QWebSocket> socket, const QString &reason, int code)
{
    // The socket lives until the close handshake is done, so the client learns why.
    QWebSocket *s = socket.release();
    s->setParent(this);
    connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
    QTimer::singleShot(std::chrono::seconds(5), s, [s] {
        s->abort();
        s->deleteLater();
    });
    s->close(QWebSocketProtocol::CloseCode(code), reason);
}

void HttpFrontend::admit(std::unique_ptr<QWebSocket> socket)
{
    if (!socket)
        return;
    const QString path = socket->requestUrl().path();
    // The QWebSocket does not own the connection it was upgraded from; it goes with it.
    LingeringSocket *tcp = m_tcp->connectionFrom(socket->peerAddress(), socket->peerPort());
    if (tcp) {
        connect(socket.get(), &QObject::destroyed, tcp, &QObject::deleteLater);
        tcp->setUpgraded();
        // Twice the queue a connection may have before it is closed with 4002, then dropped.
        tcp->setMaxBytesToWrite(2 * m_config.maxQueuedBytes + 2 * m_config.maxMessageBytes);
        // The upgrade dropped every connection to the socket's signals: listen again.
        tcp->watchActivity();
        // Qt's WebSocket server listens for the end of every socket it upgraded, to delete
        // it, and finds which one ended with sender(), a walk over all of them: with
        // thousands open, each close cost milliseconds. Ours goes with its QWebSocket.
        QObject::disconnect(tcp, &QAbstractSocket::disconnected, nullptr, nullptr);
    }
    // Browsers always send Origin; other clients (the desktop app, tools) do not.
    if (!m_origins.allows(socket->origin())) {
        qCInfo(lcHttp) << "refused WebSocket from origin" << socket->origin();
        refuse(std::move(socket), QStringLiteral("Origin not allowed"));
        return;
    }
    Hub::Peer peer;
    peer.address = ClientAddress::of(
        socket->peerAddress(), socket->request().rawHeader(QByteArrayLiteral("X-Forwarded-For")),
        m_config.trustedProxies);
    if (tcp) {
        peer.msSinceHeard = [tcp = QPointer<LingeringSocket>(tcp)] {
            return tcp ? tcp->msSinceHeard() : std::numeric_limits<qint64>::max();
        };
        peer.trimBuffers = [tcp = QPointer<LingeringSocket>(tcp)] {
            return tcp && tcp->trimBuffers();
        };
    }
    if (!m_hub.mayConnect(peer.address)) {
        qCInfo(lcHttp) << "refused a WebSocket: too many from" << peer.address.toString();
        refuse(std::move(socket), QStringLiteral("Too many connections from this address"),
               Protocol::CloseTooManyConnections);
        return;
    }
    if (path == AgentPath) {
        m_hub.acceptStaff(std::move(socket), peer);
    } else if (path == CustomerPath) {
        m_hub.acceptCustomer(std::move(socket), peer);
    } else {
        refuse(std::move(socket), QStringLiteral("No such endpoint"));
    }
}

} // namespace Tandem::Server
