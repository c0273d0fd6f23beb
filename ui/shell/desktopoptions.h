// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Tandem {

//! What the command line and the environment asked the desktop app to do.
class DesktopOptions
{
    Q_DECLARE_TR_FUNCTIONS(DesktopOptions)
public:
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    //! The environment variable that hands the app a session token for automation; with it the
    //! keychain is never touched and nothing about the sign-in is stored.
    static QString sessionTokenVariable() { return QStringLiteral("TANDEM_SESSION_TOKEN"); }
    static QString defaultProfile() { return QStringLiteral("default"); }
    //! Profile names become file and settings names: keep them to a safe alphabet.
    static bool isValidProfileName(const QString &name);

    //! Reads `arguments` (argv, program name first) and the process environment.
    Outcome parse(const QStringList &arguments);

    //! For ShowHelp, ShowVersion and Error: what to print.
    QString text() const { return m_text; }

    QString profile = defaultProfile();
    QUrl server;          //!< --server, normalized to the HTTP base URL; empty if not given
    QString email;        //!< --email
    bool reset = false;   //!< --reset
    QString sessionToken; //!< from TANDEM_SESSION_TOKEN; empty if not set

private:
    QString m_text;
};

} // namespace Tandem
