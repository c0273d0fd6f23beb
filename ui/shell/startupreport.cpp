// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupreport.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QTextStream>
#include <QTimer>

namespace Tandem {
namespace {

QElapsedTimer &launchClock()
{
    static QElapsedTimer clock;
    return clock;
}

//! The steps noted so far, "name at ms".
QStringList &steps()
{
    static QStringList noted;
    return noted;
}

//! VmRSS from /proc (Linux); -1 elsewhere.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

void StartupReport::markLaunch()
{
    launchClock().start();
}

void StartupReport::step(const char *name)
{
    if (launchClock().isValid() && qEnvironmentVariableIsSet("TANDEM_STARTUP_REPORT"))
        steps().append(
            QStringLiteral("%1 %2").arg(QLatin1String(name)).arg(launchClock().elapsed()));
}

void StartupReport::watch(QAbstractItemView *list)
{
    if (qEnvironmentVariableIsSet("TANDEM_STARTUP_REPORT") && launchClock().isValid())
        list->viewport()->installEventFilter(new StartupReport(list));
}

StartupReport::StartupReport(QAbstractItemView *list)
    : QObject(list)
    , m_list(list)
{
}

bool StartupReport::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && m_list->model() && m_list->model()->rowCount() > 0) {
        const qint64 ms = launchClock().elapsed();
        const int rows = m_list->model()->rowCount();
        // After this paint has been done, not before.
        QTimer::singleShot(0, qApp, [ms, rows] {
            QTextStream(stderr) << "tandem: first conversation list paint " << ms
                                << " ms after launch (painted by " << launchClock().elapsed()
                                << "; steps: " << steps().join(QLatin1String(", ")) << "), " << rows
                                << " conversations, resident memory " << residentKiB() / 1024
                                << " MiB\n";
            if (qEnvironmentVariable("TANDEM_STARTUP_REPORT") == QLatin1String("quit"))
                QCoreApplication::quit();
        });
        watched->removeEventFilter(this);
        deleteLater();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Tandem
