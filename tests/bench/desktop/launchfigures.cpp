// SPDX-License-Identifier: GPL-3.0-or-later
#include "launchfigures.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QTextStream>
#include <algorithm>

namespace Tandem::Bench {
namespace {

constexpr int Runs = 5;
//! As many rows as the app's first page.
constexpr int ListRows = 300;

struct Launch {
    double ms = -1; // process start to the report line
    QString report; // what the process said
};

//! Starts `program` and waits for a stderr line containing `marker`.
Launch launch(const QString &program, const QStringList &arguments, const QString &marker)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TANDEM_SESSION_TOKEN"), QStringLiteral("bench-token"));
    env.insert(QStringLiteral("TANDEM_STARTUP_REPORT"), QStringLiteral("quit"));
    if (!env.contains(QStringLiteral("DISPLAY"))
        && !env.contains(QStringLiteral("WAYLAND_DISPLAY")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.setReadChannel(QProcess::StandardError);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    Launch result;
    QByteArray seen;
    while (process.waitForReadyRead(30000)) {
        seen += process.readAllStandardError();
        const qsizetype at = seen.indexOf(marker.toUtf8());
        if (at >= 0 && seen.indexOf('\n', at) >= 0) {
            result.ms = clock.nsecsElapsed() / 1e6;
            result.report = QString::fromUtf8(seen.mid(at, seen.indexOf('\n', at) - at));
            break;
        }
    }
    if (!process.waitForFinished(10000))
        process.kill();
    return result;
}

Launch median(QList<Launch> runs)
{
    std::sort(runs.begin(), runs.end(),
              [](const Launch &a, const Launch &b) { return a.ms < b.ms; });
    return runs.at(runs.size() / 2);
}

} // namespace

void printLaunchFigures(QTextStream &out, const QString &desktop, const QString &emptyWindow,
                        const QUrl &server, const QString &email)
{
    // The window opens on the tab it was left on; the list measured is the inbox's.
    QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Tandem"),
              QStringLiteral("tandem-bench"))
        .setValue(QStringLiteral("window/tab"), 1);
    QList<Launch> app, empty, list;
    for (int run = 0; run < Runs; ++run) {
        empty.append(launch(emptyWindow, {}, QStringLiteral("empty window: first paint")));
        list.append(launch(emptyWindow, {QStringLiteral("--list"), QString::number(ListRows)},
                           QStringLiteral("list window: first paint")));
        app.append(launch(desktop,
                          {QStringLiteral("--profile"), QStringLiteral("bench"),
                           QStringLiteral("--server"), server.toString(), QStringLiteral("--email"),
                           email},
                          QStringLiteral("first conversation list paint")));
    }
    const Launch a = median(app), e = median(empty), l = median(list);
    if (a.ms < 0 || e.ms < 0 || l.ms < 0) {
        out << "launch: no report (tandem: " << a.ms << " ms, empty window: " << e.ms
            << " ms, list window: " << l.ms << " ms)\n";
        return;
    }
    const auto ratio = [](double x, double y) { return QString::number(x / y, 'f', 2); };
    out << "launch to first painted list: " << qRound(a.ms)
        << " ms; an empty Qt window: " << qRound(e.ms) << " ms; " << ratio(a.ms, e.ms)
        << "x; a plain QListView of " << ListRows << " strings: " << qRound(l.ms) << " ms ("
        << ratio(l.ms, e.ms) << "x the empty window); tandem " << ratio(a.ms, l.ms)
        << "x the plain list (median of " << Runs << "; the app says: " << a.report << ")\n";
    out.flush();
}

} // namespace Tandem::Bench
