// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deskoperations.h"
#include "ratelimiter.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <functional>

namespace Tandem::Server {

class Storage;
struct ServerConfig;

//! Signs staff in with email and password, for the WebSocket and HTTP front ends alike.
//! The deliberately slow Argon2id check runs on a worker thread, never the event loop.
//! Repeated failures for one email are slowed down, whichever connection they come from.
class Authenticator : public QObject
{
    Q_OBJECT
public:
    Authenticator(Storage &storage, const ServerConfig &config, QObject *parent = nullptr);
    ~Authenticator() override;

    using SignedIn = std::function<void(Result<DeskOperations::StaffSession>)>;
    //! Calls `done` on `context`'s thread, unless `context` is gone by then.
    void signIn(const QString &email, const QString &password, QObject *context, SignedIn done);

private:
    void verify(const std::optional<AgentRecord> &record, const QString &email,
                const QString &password, QObject *context, SignedIn done);
    void finish(const std::optional<AgentRecord> &record, bool matches, const QString &email,
                QObject *context, const SignedIn &done);

    Storage &m_storage;
    const ServerConfig &m_config;
    QHash<QString, RateLimiter> m_failures;
    QThreadPool m_hashing; // last: waits for running checks before the rest goes
};

} // namespace Tandem::Server
