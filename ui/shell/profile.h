// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QSettings>
#include <QString>
#include <QUrl>
#include <memory>

namespace Tandem {

//! One separate world of Tandem on this computer (--profile): its own preferences, cache
//! files and sign-in, and at most one running app at a time. Nothing secret is kept here.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)
public:
    explicit Profile(const QString &name);
    ~Profile();

    QString name() const { return m_name; }
    //! Where the profile keeps files that are not cache: its lock.
    QString dataDirectory() const;

    //! Claims the profile for this process. False when another running app holds it;
    //! lockError() then says so in words for the user.
    bool lock();
    QString lockError() const { return m_lockError; }

    //! The cache file for one server and account, remembered so that reset() finds it.
    QString cachePath(const QUrl &server, const QString &account);
    //! Forgets the cache files and settings (the keychain entry is the caller's: it is async).
    void reset();

    // Preferences. The token itself is never here, only whether the keychain holds one.
    QUrl lastServer() const;
    QString lastEmail() const;
    void setLastSignIn(const QUrl &server, const QString &email);
    //! The "keep me signed in" choice, offered again next time.
    bool rememberSignIn() const;
    void setRememberSignIn(bool remember);
    //! Whether the keychain holds a token for lastServer()/lastEmail(): then the next start
    //! opens the main window at once.
    bool tokenStored() const;
    void setTokenStored(bool stored);

    QSettings &settings() { return *m_settings; }

private:
    QString m_name;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QLockFile> m_lock;
    QString m_lockError;
};

} // namespace Tandem
