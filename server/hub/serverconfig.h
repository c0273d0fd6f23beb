// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/limits.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>
#include <algorithm>

namespace Tandem::Server {

//! Everything an operator can tune, with the defaults docs/protocol.md promises.
struct ServerConfig {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8640;
    QString dataDir;
    //! `--store`: which back end keeps the data (store/storefactory.h); empty: SQLite in
    //! dataDir.
    QString store;
    qint64 maxMessageBytes = Protocol::DefaultMaxMessageBytes;
    QStringList allowedOrigins;
    int handshakeTimeoutMs = 10000;
    int idleTimeoutSeconds = 90;
    //! The server pings often enough that a live client is never idle for the timeout.
    int pingIntervalMs() const { return std::clamp(idleTimeoutSeconds * 1000 / 3, 500, 30000); }
    //! Bytes waiting to go out to one connection (a client that stopped reading) before it
    //! is closed with CloseTooSlow.
    qint64 maxQueuedBytes = 8LL * 1024 * 1024;
    //! Largest HTTP request body; above it the answer is 413, before the body is read.
    qint64 maxBodyBytes = 64 * 1024;
    //! Largest HTTP request line plus headers; above it the answer is 431.
    qint64 maxHeaderBytes = 16 * 1024;
    //! A bucket for an hourly rate: `burst` at once (a minute's worth, if that is more), but
    //! never more than the hour's.
    static int hourlyBurst(int perHour, int burst)
    {
        return std::max(1, std::min(perHour, std::max(burst, perHour / 60)));
    }
    //! New customers and new conversations per client address: a burst, then per hour.
    int newCustomersPerHour = 60;
    int newCustomerBurst() const { return hourlyBurst(newCustomersPerHour, 20); }
    int newConversationsPerHour = 120;
    int newConversationBurst() const { return hourlyBurst(newConversationsPerHour, 30); }
    //! Failed staff sign-ins per client address, whatever the email: a burst, then per hour.
    int signInsPerHour = 300;
    int signInBurst() const { return hourlyBurst(signInsPerHour, 30); }
    //! WebSocket connections open at once from one client address, and per customer.
    int maxConnectionsPerAddress = 200;
    static constexpr int MaxConnectionsPerCustomer = 10;
    //! Open conversations in a snapshot (newest activity first); older ones are paged.
    int snapshotLimit = 200;
    //! Reverse proxies whose X-Forwarded-For names the client (`--trusted-proxy`).
    QList<QPair<QHostAddress, int>> trustedProxies;
    //! Origins this server's own pages are served from (`--public-url`); empty: derived from
    //! the listening address once it is known.
    QStringList publicOrigins;
    int maxRequestsPerMinute = 600;
    //! Frames arrive in bursts after any stall, so the bucket grows with the rate.
    int requestBurst() const { return std::max(60, maxRequestsPerMinute / 10); }
    int replayLimit = 10000;
    qint64 sessionTtlSeconds = 30LL * 24 * 3600;
    //! How often live connections' sessions are checked for revocation from elsewhere
    //! (another node, or `tandemd user disable`).
    int sessionCheckSeconds = 2;
    //! How long a live chat is offered to one agent before it goes to the next.
    int offerTimeoutMs = 20000;
    //! How long a disconnected agent keeps their chats before unanswered ones are re-queued.
    int gracePeriodMs = 60000;
    //! How long an agent who declined a live chat is not offered it again.
    int declineHoldMs = 120000;
    //! When set, time starts here and stands still until an admin moves it with
    //! `clock.advance` (tests only).
    qint64 manualClockStartMs = 0;
};

} // namespace Tandem::Server
