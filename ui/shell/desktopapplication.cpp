// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopapplication.h"

#include "agentsession.h"
#include "main/mainwindow.h"
#include "profile.h"
#include "signin/signindialog.h"
#include "startupreport.h"

#include <QApplication>
#include <QFontDatabase>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSslConfiguration>
#include <cstdio>

Q_LOGGING_CATEGORY(lcDesktop, "tandem.desktop", QtInfoMsg)

namespace Tandem {
namespace {
//! Platforms where nobody could click a message box away.
bool canShowDialogs()
{
    const QString platform = QGuiApplication::platformName();
    return qobject_cast<QApplication *>(QCoreApplication::instance())
           && platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

bool sameAccount(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

DesktopApplication::DesktopApplication(QObject *parent)
    : QObject(parent)
{
}

DesktopApplication::~DesktopApplication()
{
    // The window shows the session's objects: it goes first.
    m_dialog.reset();
    m_window.reset();
    m_session.reset();
    delete m_closingWindow.data();
    delete m_closingSession.data();
    if (m_warmup.joinable())
        m_warmup.join();
}

void DesktopApplication::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Tandem"));
    QCoreApplication::setApplicationName(QStringLiteral("tandem"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Tandem"));
    QGuiApplication::setDesktopFileName(QStringLiteral("tandem"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tandem.svg")));
}

bool DesktopApplication::refuse(int code, const QString &message)
{
    m_exitCode = code;
    m_startError = message;
    std::fprintf(stderr, "tandem: %s\n", qUtf8Printable(message));
    if (canShowDialogs())
        QMessageBox::warning(nullptr, tr("Tandem"), message);
    return false;
}

bool DesktopApplication::start(const QStringList &arguments)
{
    switch (m_options.parse(arguments)) {
    case DesktopOptions::Outcome::ShowHelp:
    case DesktopOptions::Outcome::ShowVersion:
        std::fputs(qUtf8Printable(m_options.text()), stdout);
        m_exitCode = 0;
        return false;
    case DesktopOptions::Outcome::Error:
        return refuse(2, m_options.text());
    case DesktopOptions::Outcome::Run:
        break;
    }

    // Off the GUI thread while the window is built: the font database (fontconfig's
    // files, read at the first text otherwise) and the TLS backend (for the connection).
    m_warmup = std::thread([] {
        QFontDatabase::families();
        QSslConfiguration::defaultConfiguration();
    });
    m_profile = std::make_unique<Profile>(m_options.profile);
    if (!m_profile->lock())
        return refuse(1, m_profile->lockError());
    if (m_options.reset)
        resetProfile();

    if (!m_options.sessionToken.isEmpty()) {
        // Automation: this token, this server and account; the keychain stays untouched.
        m_tokenFromEnvironment = true;
        QString error;
        if (!openSession(m_options.server, m_options.email, &error))
            return refuse(1, error);
        m_session->connectWith(m_options.sessionToken);
        return true;
    }

    const QUrl lastServer = m_profile->lastServer();
    const QString lastEmail = m_profile->lastEmail();
    const bool sameServer = m_options.server.isEmpty() || m_options.server == lastServer;
    const bool sameEmail = m_options.email.isEmpty() || sameAccount(m_options.email, lastEmail);
    if (m_profile->tokenStored() && lastServer.isValid() && !lastEmail.isEmpty() && sameServer
        && sameEmail) {
        resumeRememberedSession();
    } else {
        showSignIn(QString());
    }
    return true;
}

void DesktopApplication::resetProfile()
{
    const QUrl server = m_profile->lastServer();
    const QString email = m_profile->lastEmail();
    if (m_profile->tokenStored() && server.isValid() && !email.isEmpty()) {
        m_credentials.removeToken(server, email, this, [](const CredentialResult &r) {
            if (!r.ok())
                qCWarning(lcDesktop) << "the stored sign-in could not be removed:" << r.message;
        });
    }
    m_profile->reset();
    std::fprintf(stderr, "tandem: %s\n",
                 qUtf8Printable(tr("The profile “%1” was reset.").arg(m_profile->name())));
}

void DesktopApplication::resumeRememberedSession()
{
    const QUrl server = m_profile->lastServer();
    const QString email = m_profile->lastEmail();
    QString error;
    // The window opens from the cache now; the keychain answers when it answers.
    if (!openSession(server, email, &error)) {
        showSignIn(error, true);
        return;
    }
    const QPointer<AgentSession> session = m_session.get();
    m_credentials.readToken(server, email, this, [this, session](const CredentialResult &r) {
        if (!session || session != m_session.get())
            return; // the user moved on meanwhile
        if (r.ok() && !r.token.isEmpty()) {
            m_session->connectWith(r.token);
            return;
        }
        qCInfo(lcDesktop) << "no stored sign-in:" << r.message;
        if (r.status == CredentialResult::Status::NotFound)
            m_profile->setTokenStored(false);
        const bool notFound = r.status == CredentialResult::Status::NotFound;
        showSignIn(notFound ? tr("Please sign in again.") : r.message, !notFound);
        closeSession();
    });
}

void DesktopApplication::showSignIn(const QString &message, bool isError)
{
    if (!m_dialog) {
        m_dialog = std::make_unique<SignInDialog>(m_signIn);
        connect(m_dialog.get(), &SignInDialog::signedIn, this,
                [this](const QUrl &server, const QString &email, const SignedIn &granted,
                       bool remember) { onSignedIn(server, email, granted.token, remember); });
        connect(m_dialog.get(), &QDialog::rejected, this, [this] {
            if (m_window)
                return;
            Q_EMIT quitRequested();
            QCoreApplication::quit();
        });
    }
    const QUrl server = m_options.server.isEmpty() ? m_profile->lastServer() : m_options.server;
    m_dialog->setServer(server);
    m_dialog->setEmail(m_options.email.isEmpty() ? m_profile->lastEmail() : m_options.email);
    m_dialog->setRememberSignIn(m_profile->rememberSignIn());
    m_dialog->setMessage(message, isError);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void DesktopApplication::onSignedIn(const QUrl &server, const QString &email, const QString &token,
                                    bool remember)
{
    m_tokenFromEnvironment = false;
    const QUrl oldServer = m_profile->lastServer();
    const QString oldEmail = m_profile->lastEmail();
    // A token kept for another account, or one the user no longer wants kept, goes.
    if (oldServer != server || !sameAccount(oldEmail, email) || !remember)
        forgetToken(oldServer, oldEmail);
    m_profile->setLastSignIn(server, email);
    m_profile->setRememberSignIn(remember);

    // The dialog is inside its own signal: let it go later.
    if (m_dialog)
        m_dialog.release()->deleteLater();
    if (m_session && (m_session->server() != server || !sameAccount(m_session->email(), email)))
        closeSession();
    if (!m_session) {
        QString error;
        if (!openSession(server, email, &error)) {
            showSignIn(error, true);
            return;
        }
    }
    m_session->connectWith(token);

    if (!remember)
        return;
    m_credentials.writeToken(
        server, email, token, this, [this, server, email](const CredentialResult &r) {
            if (r.ok()) {
                if (m_profile->lastServer() == server && sameAccount(m_profile->lastEmail(), email))
                    m_profile->setTokenStored(true);
                return;
            }
            // Never a plaintext fallback: say so, and sign in each time instead.
            qCInfo(lcDesktop) << "sign-in not remembered:" << r.message;
            m_profile->setRememberSignIn(false);
            if (!m_window)
                return;
            auto *box = new QMessageBox(QMessageBox::Information, tr("Sign-in not remembered"),
                                        r.message, QMessageBox::Ok, m_window.get());
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
}

bool DesktopApplication::openSession(const QUrl &server, const QString &email, QString *error)
{
    auto session = std::make_unique<AgentSession>(server, email);
    const Result<Done> opened = session->open(m_profile->cachePath(server, email));
    if (!opened) {
        *error = tr("The local copy of your conversations could not be opened: %1")
                     .arg(opened.failure().message);
        return false;
    }
    m_session = std::move(session);
    StartupReport::step("cache");
    const QPointer<AgentSession> current = m_session.get();
    // Queued: the session is torn down in answer, which must not happen inside its own signal.
    connect(
        &m_session->sync(), &SyncClient::sessionEnded, this,
        [this, current](const QString &reason) {
            if (current && current == m_session.get())
                onSessionEnded(reason);
        },
        Qt::QueuedConnection);
    m_window = std::make_unique<MainWindow>(*m_session, m_profile->settings(), m_profile->name());
    StartupReport::step("window");
    connect(m_window.get(), &MainWindow::signOutRequested, this, &DesktopApplication::signOut,
            Qt::QueuedConnection);
    m_window->show();
    StartupReport::step("shown");
    return true;
}

void DesktopApplication::closeSession()
{
    // Callers show the sign-in dialog first: hiding the last window may end the app.
    if (m_session)
        m_session->sync().stop();
    // Deferred: this may run from inside one of the window's own actions.
    AgentSession *session = m_session.release();
    // A session closed before is certainly gone by now, or goes with this one.
    delete m_closingWindow.data();
    delete m_closingSession.data();
    m_closingWindow = m_window.get();
    m_closingSession = session;
    if (MainWindow *window = m_window.release()) {
        window->hide();
        if (session)
            connect(window, &QObject::destroyed, session, &QObject::deleteLater);
        window->deleteLater();
    } else if (session) {
        session->deleteLater();
    }
}

void DesktopApplication::signOut()
{
    if (!m_session)
        return;
    const QUrl server = m_session->server();
    const QString email = m_session->email();
    const QString token = m_session->token();
    // Closed first, so that the server closing the connection is not taken for a session
    // that ended by itself.
    m_session->sync().stop();
    if (!token.isEmpty()) {
        m_signIn.signOut(server, token, this, [this](const Result<Done> &r) {
            const bool gone = r || r.failure().code == ErrorCode::TokenInvalid
                              || r.failure().code == ErrorCode::TokenExpired;
            if (gone)
                return;
            qCInfo(lcDesktop) << "the server could not end the session:" << r.failure().message;
            if (m_dialog)
                m_dialog->setMessage(tr("You are signed out on this computer, but the server "
                                        "could not be told: %1")
                                         .arg(r.failure().message),
                                     true);
        });
    }
    if (!m_tokenFromEnvironment)
        forgetToken(server, email);
    m_tokenFromEnvironment = false;
    showSignIn(tr("You have signed out."));
    closeSession();
}

void DesktopApplication::onSessionEnded(const QString &reason)
{
    qCInfo(lcDesktop) << "session ended:" << reason;
    if (!m_tokenFromEnvironment && m_session)
        forgetToken(m_session->server(), m_session->email());
    showSignIn(tr("Your session has ended: %1. Please sign in again.").arg(reason), true);
    closeSession();
}

void DesktopApplication::forgetToken(const QUrl &server, const QString &email)
{
    // Only a token this profile stored: a keychain never used is never asked.
    if (!m_profile->tokenStored() || !server.isValid() || email.isEmpty())
        return;
    m_profile->setTokenStored(false);
    m_credentials.removeToken(server, email, this, [this](const CredentialResult &r) {
        if (r.ok() || r.status == CredentialResult::Status::Unavailable)
            return;
        qCWarning(lcDesktop) << "the stored sign-in could not be removed:" << r.message;
        if (m_dialog)
            m_dialog->setMessage(r.message, true);
    });
}

} // namespace Tandem
