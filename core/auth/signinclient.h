// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "protocol/result.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <functional>

namespace Tandem {

//! A granted staff session.
struct SignedIn {
    QString token;
    QDateTime expiresAt;
    Agent agent;
};

//! Signs in and out over tandemd's HTTP API (POST/DELETE /api/v1/session).
class SignInClient : public QObject
{
    Q_OBJECT
public:
    explicit SignInClient(QObject *parent = nullptr);

    //! `done` gets the session, or a Failure whose code is the server's (bad_credentials,
    //! account_disabled, rate_limited, …) or Internal with a readable message when the
    //! server could not be reached.
    void signIn(const QUrl &server, const QString &email, const QString &password, QObject *context,
                std::function<void(Result<SignedIn>)> done);
    //! Ends the session on the server; `done` may be empty.
    void signOut(const QUrl &server, const QString &token, QObject *context,
                 std::function<void(Result<Done>)> done);

    //! The HTTP base URL for a server the user typed (adds http://, drops ws paths).
    static QUrl normalizedServer(const QString &typed);

private:
    QNetworkAccessManager m_network;
};

} // namespace Tandem
