// SPDX-License-Identifier: GPL-3.0-or-later
// Figures for the desktop app (./run bench): events per second applied to the cache, and
// the time from launch to the first painted conversation list with 10,000 cached
// conversations, with the resident memory there. Prints figures; asserts nothing.
#include "auth/signinclient.h"
#include "cache/localcache.h"
#include "protocol/events.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Tandem;

namespace {

QTextStream out(stdout);

//! conversation.created + message.created for `conversations` conversations, then
//! `messages` more messages spread over them.
QList<Event> traffic(int conversations, int messages)
{
    QList<Event> events;
    qint64 seq = 0;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    auto push = [&](Event e) {
        e.seq = ++seq;
        events.append(e);
    };
    qint64 messageId = 0;
    auto message = [&](qint64 conversation, int n) {
        Message m;
        m.id = ++messageId;
        m.conversationId = conversation;
        m.clientId = QUuid::createUuid();
        m.author = Party{Party::Kind::Customer, conversation,
                         QStringLiteral("Customer %1").arg(conversation)};
        m.text = QStringLiteral("Message %1: my order number %2 has not arrived, can you check?")
                     .arg(n)
                     .arg(100000 + n);
        m.createdAt = start.addSecs(n);
        Conversation c;
        c.id = conversation;
        c.customer.id = conversation;
        c.inboxId = 1;
        push(Events::messageCreated(m, c));
    };
    for (int i = 1; i <= conversations; ++i) {
        Conversation c;
        c.id = i;
        c.customer = Customer{i, QStringLiteral("Customer %1").arg(i), {}};
        c.inboxId = 1;
        c.createdAt = c.updatedAt = start.addSecs(i);
        push(Events::conversationCreated(c));
        message(i, i);
    }
    for (int n = 0; n < messages; ++n)
        message(1 + n % conversations, conversations + n);
    return events;
}

double applyRate(const QString &path, const QList<Event> &events)
{
    LocalCache cache;
    if (!cache.open(path))
        return 0;
    QElapsedTimer clock;
    clock.start();
    cache.applyEvents(events);
    cache.flush();
    return events.size() * 1000.0 / std::max<qint64>(1, clock.elapsed());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The app's identity, so the cache lands where the app looks for it.
    QCoreApplication::setOrganizationName(QStringLiteral("Tandem"));
    QCoreApplication::setApplicationName(QStringLiteral("tandem"));
    const QString desktop = app.arguments().value(1);
    QTemporaryDir home;
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());

    // 1. Applying events, as after a long absence: 100,000 messages in 1,000 conversations.
    const QList<Event> bulk = traffic(1000, 99000);
    out << "cache: " << bulk.size() << " events applied at "
        << qRound(applyRate(home.filePath(QStringLiteral("bulk.sqlite")), bulk)) << " events/s\n";
    out.flush();

    // 2. A launch with 10,000 cached conversations, the server unreachable.
    const QUrl server = SignInClient::normalizedServer(QStringLiteral("http://127.0.0.1:9"));
    const QString email = QStringLiteral("bench@example.com");
    const QString path = LocalCache::pathFor(QStringLiteral("bench"), server, email);
    out << "cache: 10,000 conversations written at "
        << qRound(applyRate(path, traffic(10000, 10000))) << " events/s\n";
    out.flush();
    if (desktop.isEmpty())
        return 0;
    // The window opens on the tab it was left on; the list measured is the inbox's.
    QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("Tandem"),
              QStringLiteral("tandem-bench"))
        .setValue(QStringLiteral("window/tab"), 1);
    static const QRegularExpression report(QStringLiteral("first conversation list paint.*"));
    for (int run = 1; run <= 3; ++run) {
        QProcess tandem;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TANDEM_SESSION_TOKEN"), QStringLiteral("bench-token"));
        env.insert(QStringLiteral("TANDEM_STARTUP_REPORT"), QStringLiteral("quit"));
        if (!env.contains(QStringLiteral("DISPLAY"))
            && !env.contains(QStringLiteral("WAYLAND_DISPLAY")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        tandem.setProcessEnvironment(env);
        tandem.start(desktop, {QStringLiteral("--profile"), QStringLiteral("bench"),
                               QStringLiteral("--server"), server.toString(),
                               QStringLiteral("--email"), email});
        if (!tandem.waitForFinished(30000)) {
            tandem.kill();
            out << "tandem did not report a painted list\n";
            return 1;
        }
        const auto match = report.match(QString::fromUtf8(tandem.readAllStandardError()));
        out << "launch " << run << ": "
            << (match.hasMatch() ? match.captured(0) : QStringLiteral("no report")) << "\n";
        out.flush();
    }
    return 0;
}
