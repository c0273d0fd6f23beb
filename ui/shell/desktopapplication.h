// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/credentialstore.h"
#include "auth/signinclient.h"
#include "desktopoptions.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <thread>

namespace Tandem {

class AgentSession;
class MainWindow;
class Profile;
class SignInDialog;

//! The desktop app's life: reads the command line, claims the profile, and goes either to
//! the sign-in dialog or — when a sign-in is remembered — straight to the main window from
//! the cache while it reconnects in the background. Keeps the session token in the keychain
//! (or, for automation, takes it from TANDEM_SESSION_TOKEN and stores nothing), and brings
//! the user back to the sign-in dialog when they sign out or the server ends the session.
//! Nothing here waits on the network or the keychain.
class DesktopApplication : public QObject
{
    Q_OBJECT
public:
    explicit DesktopApplication(QObject *parent = nullptr);
    ~DesktopApplication() override;

    //! Organization and application names: they decide where settings, cache and data live.
    static void setApplicationIdentity();

    //! Starts the app for `arguments` (argv). False when it is to exit at once with
    //! exitCode() (help shown, bad arguments, profile already in use); a message was printed.
    bool start(const QStringList &arguments);
    int exitCode() const { return m_exitCode; }
    //! Why start() refused, in words for the user.
    QString startError() const { return m_startError; }

    SignInDialog *signInDialog() const { return m_dialog.get(); }
    MainWindow *mainWindow() const { return m_window.get(); }
    AgentSession *session() const { return m_session.get(); }
    Profile *profile() const { return m_profile.get(); }

    //! Ends the session here and on the server, forgets the stored token, and goes back to
    //! the sign-in dialog.
    void signOut();

Q_SIGNALS:
    //! The user chose to quit from the sign-in dialog.
    void quitRequested();

private:
    bool refuse(int code, const QString &message);
    void resetProfile();
    void resumeRememberedSession();
    void showSignIn(const QString &message, bool isError = false);
    void onSignedIn(const QUrl &server, const QString &email, const QString &token, bool remember);
    bool openSession(const QUrl &server, const QString &email, QString *error);
    void onSessionEnded(const QString &reason);
    void closeSession();
    void forgetToken(const QUrl &server, const QString &email);

    DesktopOptions m_options;
    //! Reads the font database and loads the TLS backend (OpenSSL and the system's
    //! certificates: tens of ms) while the cache opens and the window is built.
    std::thread m_warmup;
    std::unique_ptr<Profile> m_profile;
    CredentialStore m_credentials;
    SignInClient m_signIn;
    //! Declared before the window, so the window (which uses it) goes first.
    std::unique_ptr<AgentSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SignInDialog> m_dialog;
    //! A closed session's window and objects until their deferred deletion: the window
    //! refers to the profile's settings, so it must not outlive this object.
    QPointer<MainWindow> m_closingWindow;
    QPointer<AgentSession> m_closingSession;
    //! The token came from TANDEM_SESSION_TOKEN: no keychain, nothing stored.
    bool m_tokenFromEnvironment = false;
    int m_exitCode = 0;
    QString m_startError;
};

} // namespace Tandem
