// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deskoperations.h"

#include <QObject>
#include <functional>

namespace Tandem::Server {

class Storage;
struct ServerConfig;

//! Signs staff in with email and password, for the WebSocket and HTTP front ends alike.
//! The deliberately slow Argon2id check runs on a worker thread, never the event loop.
class Authenticator : public QObject
{
    Q_OBJECT
public:
    Authenticator(Storage &storage, const ServerConfig &config, QObject *parent = nullptr);

    using SignedIn = std::function<void(Result<DeskOperations::StaffSession>)>;
    //! Calls `done` on `context`'s thread, unless `context` is gone by then.
    void signIn(const QString &email, const QString &password, QObject *context, SignedIn done);

private:
    Storage &m_storage;
    const ServerConfig &m_config;
};

} // namespace Tandem::Server
