// SPDX-License-Identifier: GPL-3.0-or-later
#include "tandemdprocess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {
QString binary()
{
    // TANDEM_TANDEMD runs the suites against another build (an older one, to see a test fail).
    const QString other = qEnvironmentVariable("TANDEM_TANDEMD");
    return other.isEmpty() ? QStringLiteral(TANDEMD_PATH) : other;
}

//! Every test client connects from 127.0.0.1, where a real server would see many addresses:
//! the limits on what one address may create or hold are lifted unless a test sets its
//! own. (TANDEM_TANDEMD_PLAIN=1 leaves them out, for a build that predates the options.)
QStringList oneAddressForAll()
{
    if (qEnvironmentVariableIntValue("TANDEM_TANDEMD_PLAIN") == 1)
        return {};
    return {QStringLiteral("--new-customers-per-hour"),      QStringLiteral("1000000"),
            QStringLiteral("--new-conversations-per-hour"),  QStringLiteral("1000000"),
            QStringLiteral("--max-connections-per-address"), QStringLiteral("1000000")};
}
} // namespace

TandemdProcess::TandemdProcess(QStringList extraArguments)
    : m_extra(std::move(extraArguments))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

TandemdProcess::~TandemdProcess()
{
    stop();
}

bool TandemdProcess::startOnSamePort()
{
    if (m_lastPort == 0)
        return start();
    m_port = 0;
    return launch(QStringList{QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:%1").arg(m_lastPort),
                              QStringLiteral("--data"), m_data.path()}
                  + oneAddressForAll() + m_extra);
}

bool TandemdProcess::start()
{
    return launch(QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--data"), m_data.path()}
                  + oneAddressForAll() + m_extra);
}

bool TandemdProcess::waitForLog(const QString &text, int ms)
{
    return QTest::qWaitFor(
        [&] {
            m_log += m_process.readAllStandardError();
            return m_log.contains(text.toUtf8());
        },
        ms);
}

qint64 TandemdProcess::peakMemoryKb() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

bool TandemdProcess::launch(const QStringList &args)
{
    m_log.clear();
    m_process.start(binary(), args);
    if (!m_process.waitForStarted(10000)) {
        qWarning("tandemd did not start: %s", qPrintable(m_process.errorString()));
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    QByteArray seen;
    const bool ok = QTest::qWaitFor(
        [&] {
            seen += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(seen));
            if (match.hasMatch())
                m_port = m_lastPort = quint16(match.captured(1).toUInt());
            return m_port != 0 || m_process.state() == QProcess::NotRunning;
        },
        15000);
    if (!ok || m_port == 0) {
        qWarning("tandemd did not start listening: %s %s", seen.constData(),
                 m_process.readAllStandardError().constData());
        return false;
    }
    return true;
}

void TandemdProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        kill();
}

void TandemdProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
    m_port = 0;
}

bool TandemdProcess::restart()
{
    stop();
    m_port = 0;
    return start();
}

QUrl TandemdProcess::httpUrl(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

QUrl TandemdProcess::wsUrl(const QString &path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
}

int TandemdProcess::userCommand(const QStringList &arguments, const QByteArray &stdinText,
                                QByteArray *output) const
{
    QProcess p;
    p.start(binary(), QStringList{QStringLiteral("user")} + arguments
                          + QStringList{QStringLiteral("--data"), m_data.path()});
    p.write(stdinText);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    if (output)
        *output = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool TandemdProcess::addAgent(const QString &email, const QString &name, const QString &password,
                              const QString &role) const
{
    return userCommand({QStringLiteral("add"), QStringLiteral("--email"), email,
                        QStringLiteral("--name"), name, QStringLiteral("--role"), role},
                       password.toUtf8() + '\n')
           == 0;
}
