// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

//! The real tandemd binary on an ephemeral port with its own temporary data directory,
//! for tests that need the server as users get it.
class TandemdProcess
{
public:
    explicit TandemdProcess(QStringList extraArguments = {});
    ~TandemdProcess();

    //! Starts tandemd and waits until it listens; false (with a QWARN) if it did not.
    bool start();
    //! Stops it with SIGTERM and waits.
    void stop();
    //! Kills it with SIGKILL, as a crash or power cut would.
    void kill();
    //! Starts it again on the same data directory (a new port).
    bool restart();
    //! Starts it again on the port it had before it was stopped or killed, as a server
    //! coming back at the same address would.
    bool startOnSamePort();
    //! The process id while running (to pause it with SIGSTOP, as a silent network would).
    qint64 pid() const { return m_process.processId(); }

    //! Waits until tandemd's log (standard error) contains `text`.
    bool waitForLog(const QString &text, int ms = 10000);
    //! The most memory tandemd has held so far (VmHWM, Linux), in KiB; -1 if unknown.
    qint64 peakMemoryKb() const;

    quint16 port() const { return m_port; }
    QUrl httpUrl(const QString &path) const;
    QUrl wsUrl(const QString &path) const;
    QString dataDir() const { return m_data.path(); }
    //! The options it starts with, for a restart with others.
    QStringList &extraArguments() { return m_extra; }

    //! Runs `tandemd user …` on this data directory; returns its exit code.
    int userCommand(const QStringList &arguments, const QByteArray &stdinText = {},
                    QByteArray *output = nullptr) const;
    bool addAgent(const QString &email, const QString &name, const QString &password,
                  const QString &role = QStringLiteral("agent")) const;

private:
    bool launch(const QStringList &arguments);

    QTemporaryDir m_data;
    QStringList m_extra;
    QProcess m_process;
    quint16 m_port = 0;
    quint16 m_lastPort = 0;
    QByteArray m_log;
};
