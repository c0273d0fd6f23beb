// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "originpolicy.h"

#include <QHttpServer>
#include <QObject>
#include <memory>

class QWebSocket;

namespace Tandem::Server {

class GatedTcpServer;
class Hub;
struct ServerConfig;

//! The one listening port: HTTP routes and the WebSocket endpoints. Every difference
//! between Qt HTTP Server versions is kept in this file pair.
class HttpFrontend : public QObject
{
    Q_OBJECT
public:
    HttpFrontend(Hub &hub, const ServerConfig &config, QObject *parent = nullptr);
    ~HttpFrontend() override;

    //! Starts listening; on failure returns false and says why in `error`.
    bool listen(QString *error);
    quint16 port() const;

private:
    QStringList ownOrigins() const;
    void addRoutes();
    void addWidgetRoutes();
    void addFileRoutes();
    void acceptWebSockets();
    void admit(std::unique_ptr<QWebSocket> socket);
    void refuse(std::unique_ptr<QWebSocket> socket, const QString &reason, int code = 1008);

    Hub &m_hub;
    const ServerConfig &m_config;
    OriginPolicy m_origins;
    //! Bytes of uploads waiting for the store, at most MaxUploadBytesQueued.
    qint64 m_uploadBytesQueued = 0;
    static constexpr qint64 MaxUploadBytesQueued = 64LL * 1024 * 1024;
    QHttpServer m_http;
    GatedTcpServer *m_tcp = nullptr;
};

} // namespace Tandem::Server
