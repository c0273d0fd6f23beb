// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentialresult.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace Tandem {

//! Session tokens in the OS keychain (QtKeychain), one per server and account; never on disk
//! in clear text, and no plaintext fallback when there is no keychain.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(CredentialResult)>;

    //! `service` names the keychain entries' owner; tests pass their own so they never touch
    //! the real app's entries.
    explicit CredentialStore(QObject *parent = nullptr);
    explicit CredentialStore(const QString &service, QObject *parent = nullptr);
    ~CredentialStore() override;

    static QString defaultService() { return QStringLiteral("Tandem"); }
    QString service() const { return m_service; }

    //! The keychain key for a server and account: the server reduced to scheme, host and a
    //! non-default port (no path, no trailing slash, no user info), then the account
    //! lower-cased. Empty when the server has no host or the account is empty.
    static QString keyFor(const QUrl &server, const QString &account);

    // All three are asynchronous and call `done` exactly once, later, in `context`'s thread —
    // unless `context` was destroyed by then, in which case nothing is called (the keychain
    // operation itself still completes). Destroying the store does not cancel them. A null
    // `context` means the store. Call them from one thread (the GUI thread): QtKeychain runs
    // all jobs of a process one after another, in the order they were started.

    void readToken(const QUrl &server, const QString &account, QObject *context, Callback done);
    void writeToken(const QUrl &server, const QString &account, const QString &token,
                    QObject *context, Callback done);
    //! Removing a token that is not there is Ok: signing out twice is not an error.
    void removeToken(const QUrl &server, const QString &account, QObject *context, Callback done);

private:
    QString m_service;
};

} // namespace Tandem
