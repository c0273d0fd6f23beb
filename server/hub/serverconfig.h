// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/limits.h"

#include <QHostAddress>
#include <QStringList>
#include <algorithm>

namespace Tandem::Server {

//! Everything an operator can tune, with the defaults docs/protocol.md promises.
struct ServerConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8640;
    QString dataDir;
    qint64 maxMessageBytes = Protocol::DefaultMaxMessageBytes;
    QStringList allowedOrigins;
    int handshakeTimeoutMs = 10000;
    int idleTimeoutSeconds = 90;
    int pingIntervalSeconds = 30;
    int maxRequestsPerMinute = 600;
    //! Frames arrive in bursts after any stall, so the bucket grows with the rate.
    int requestBurst() const { return std::max(60, maxRequestsPerMinute / 10); }
    int replayLimit = 10000;
    qint64 sessionTtlSeconds = 30LL * 24 * 3600;
    //! How often live connections' sessions are checked for revocation from elsewhere
    //! (another node, or `tandemd user disable`).
    int sessionCheckSeconds = 30;
    //! How long a live chat is offered to one agent before it goes to the next.
    int offerTimeoutMs = 20000;
    //! How long a disconnected agent keeps their chats before unanswered ones are re-queued.
    int gracePeriodMs = 60000;
};

} // namespace Tandem::Server
