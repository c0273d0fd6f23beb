// SPDX-License-Identifier: GPL-3.0-or-later
// Figures for the desktop app (./run bench), each beside a reference measured in the same
// run: events applied to the cache (raw sqlite3 inserting the same rows), a cache of 10,000
// conversations and 1,000,000 messages filled as a long catch-up would, the list's frame
// time scrolling those conversations (a plain list), launch to the first painted list (an
// empty Qt window, and a plain list window) and search as you type (raw sqlite3 finding one word).
// Prints figures; asserts nothing.
//
// Usage: bench_desktop TANDEM EMPTY_WINDOW [MESSAGES]   (default 1,000,000)
// With TANDEM_BENCH_HOME set, the caches and settings stay in a folder there.
#include "auth/signinclient.h"
#include "cache/localcache.h"
#include "cachefigures.h"
#include "framefigures.h"
#include "launchfigures.h"
#include "searchfigures.h"

#include <QApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Tandem;

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("DISPLAY") && !qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The app's identity, so the cache lands where the app looks for it.
    QCoreApplication::setOrganizationName(QStringLiteral("Tandem"));
    QCoreApplication::setApplicationName(QStringLiteral("tandem"));
    const QStringList args = app.arguments();
    const QString desktop = args.value(1);
    const QString emptyWindow = args.value(2);
    const qint64 messages = args.value(3, QStringLiteral("1000000")).toLongLong();
    // TANDEM_BENCH_HOME keeps what the run made there, to look into a figure afterwards.
    const QString base = qEnvironmentVariable("TANDEM_BENCH_HOME", QDir::tempPath());
    QDir().mkpath(base);
    QTemporaryDir home(base + QStringLiteral("/tandem-bench-XXXXXX"));
    if (!home.isValid()) {
        QTextStream(stderr) << "bench_desktop: cannot make a folder in " << base << "\n";
        return 1;
    }
    home.setAutoRemove(!qEnvironmentVariableIsSet("TANDEM_BENCH_HOME"));
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    QTextStream out(stdout);

    // As after a long absence: 100,000 events in 1,000 conversations.
    Bench::printApplyFigures(out, home.path(), 1000, 100000);

    // The cache an agent of a busy team builds up, where the app will look for it.
    const QUrl server = SignInClient::normalizedServer(QStringLiteral("http://127.0.0.1:9"));
    const QString email = QStringLiteral("bench@example.com");
    const QString path = LocalCache::pathFor(QStringLiteral("bench"), server, email);
    Bench::fillCache(out, path, 10000, messages);

    Bench::printFrameFigures(out, path);
    if (!desktop.isEmpty() && !emptyWindow.isEmpty())
        Bench::printLaunchFigures(out, desktop, emptyWindow, server, email);
    Bench::printSearchFigures(out, path);
    return 0;
}
