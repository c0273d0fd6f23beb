// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopoptions.h"

#include "auth/signinclient.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace Tandem {

bool DesktopOptions::isValidProfileName(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return allowed.match(name).hasMatch();
}

DesktopOptions::Outcome DesktopOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Tandem: answer your customers' conversations."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        tr("The Tandem server to sign in to, e.g. https://help.example.com."), tr("url"));
    const QCommandLineOption emailOption(QStringLiteral("email"),
                                         tr("The email address to sign in with."), tr("email"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        tr("Use a separate profile: its own settings, cache and sign-in (default: %1).")
            .arg(defaultProfile()),
        tr("name"));
    const QCommandLineOption resetOption(
        QStringLiteral("reset"),
        tr("Forget the profile's cache, settings and stored sign-in, then start afresh."));
    parser.addOptions({serverOption, emailOption, profileOption, resetOption});

    if (!parser.parse(arguments)) {
        m_text = parser.errorText();
        return Outcome::Error;
    }
    if (parser.isSet(helpOption)) {
        m_text = parser.helpText()
                 + tr("\nEnvironment:\n  %1  Use this session token instead of the keychain "
                      "(needs --server and --email); nothing is stored.\n")
                       .arg(sessionTokenVariable());
        return Outcome::ShowHelp;
    }
    if (parser.isSet(versionOption)) {
        m_text = QCoreApplication::applicationName() + QLatin1Char(' ')
                 + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return Outcome::ShowVersion;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_text = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return Outcome::Error;
    }
    if (parser.isSet(profileOption)) {
        profile = parser.value(profileOption);
        if (!isValidProfileName(profile)) {
            m_text = tr("The profile name “%1” is not allowed: use up to 64 letters, digits, "
                        "dots, dashes and underscores.")
                         .arg(profile);
            return Outcome::Error;
        }
    }
    if (parser.isSet(serverOption)) {
        server = SignInClient::normalizedServer(parser.value(serverOption));
        if (server.isEmpty()) {
            m_text = tr("“%1” is not a server address.").arg(parser.value(serverOption));
            return Outcome::Error;
        }
    }
    email = parser.value(emailOption).trimmed();
    reset = parser.isSet(resetOption);
    sessionToken = qEnvironmentVariable(qPrintable(sessionTokenVariable()));
    if (!sessionToken.isEmpty() && (server.isEmpty() || email.isEmpty())) {
        m_text =
            tr("%1 is set, so --server and --email are needed too.").arg(sessionTokenVariable());
        return Outcome::Error;
    }
    return Outcome::Run;
}

} // namespace Tandem
