// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon.h"

#include "accounts/passwordhasher.h"
#include "accounts/secretbox.h"
#include "admin/mailboxcommand.h"
#include "admin/usercommand.h"
#include "channels/email/emailchannel.h"
#include "channels/outboundqueue.h"
#include "channels/web/webchannel.h"
#include "http/clientaddress.h"
#include "http/httpfrontend.h"
#include "hub/hub.h"
#include "hub/serverconfig.h"
#include "logging/logging.h"
#include "platform/clock.h"
#include "platform/openfilelimit.h"
#include "platform/shutdownsignals.h"
#include "protocol/limits.h"
#include "scheduling/leases.h"
#include "scheduling/scheduler.h"
#include "store/storage.h"
#include "store/storefactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimeZone>
#include <QUrl>

#include <limits>

namespace Tandem::Server {
namespace {

struct Options {
    ServerConfig config;
    QStringList userArguments;    // set for `tandemd user …`
    QStringList mailboxArguments; // set for `tandemd mailbox …`
};

bool positiveInt(const QCommandLineParser &p, const QString &name, int &out, QString *error)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const int v = p.value(name).toInt(&ok);
    if (!ok || v <= 0) {
        *error = QStringLiteral("--%1 must be a positive whole number").arg(name);
        return false;
    }
    out = v;
    return true;
}

bool parse(const QStringList &arguments, Options &options, QString *error)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Tandem helpdesk server.\n\n"
        "  tandemd [options]                 serve agents and customers\n"
        "  tandemd user add|list|passwd|disable|enable [--email E] [--name N] [--role R]\n"
        "                                    manage staff accounts (password from stdin)"));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("listen"),
         QStringLiteral("Address and port to serve on (port 0: any free port)."),
         QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8640")},
        {QStringLiteral("data"), QStringLiteral("Directory for the server's data."),
         QStringLiteral("dir")},
        {QStringLiteral("store"),
         QStringLiteral("Where conversations are kept: sqlite (a file in --data, the default) or "
                        "sqlite:PATH."),
         QStringLiteral("spec")},
        {QStringLiteral("max-message-bytes"), QStringLiteral("Largest WebSocket message accepted."),
         QStringLiteral("bytes")},
        {QStringLiteral("allowed-origin"),
         QStringLiteral("A browser origin allowed to connect (repeatable; * allows any)."),
         QStringLiteral("origin")},
        {QStringLiteral("max-requests-per-minute"), QStringLiteral("Request rate per connection."),
         QStringLiteral("n")},
        {QStringLiteral("max-queued-bytes"),
         QStringLiteral("Bytes waiting to be sent to one connection before it is closed (4002)."),
         QStringLiteral("bytes")},
        {QStringLiteral("max-body-bytes"),
         QStringLiteral("Largest HTTP request body; larger ones are answered 413 unread."),
         QStringLiteral("bytes")},
        {QStringLiteral("max-header-bytes"),
         QStringLiteral("Largest HTTP request head (request line and headers); larger: 431."),
         QStringLiteral("bytes")},
        {QStringLiteral("public-url"),
         QStringLiteral("The URL customers reach this server at, e.g. https://help.example.com "
                        "(repeatable); its origin is the widget's own."),
         QStringLiteral("url")},
        {QStringLiteral("new-customers-per-hour"),
         QStringLiteral("New customers one client address may create per hour (burst: up to 20)."),
         QStringLiteral("n")},
        {QStringLiteral("new-conversations-per-hour"),
         QStringLiteral("Conversations one client address may start per hour (burst: up to 30)."),
         QStringLiteral("n")},
        {QStringLiteral("failed-signins-per-hour"),
         QStringLiteral(
             "Failed staff sign-ins one client address may make per hour (burst: up to 30)."),
         QStringLiteral("n")},
        {QStringLiteral("max-connections-per-address"),
         QStringLiteral("WebSocket connections open at once from one client address."),
         QStringLiteral("n")},
        {QStringLiteral("trusted-proxy"),
         QStringLiteral("A reverse proxy (address or subnet, repeatable) whose X-Forwarded-For "
                        "header names the client."),
         QStringLiteral("address")},
        {QStringLiteral("snapshot-limit"),
         QStringLiteral("Most open conversations in a snapshot; older ones are paged."),
         QStringLiteral("n")},
        {QStringLiteral("replay-limit"),
         QStringLiteral("Most events replayed on resume before a snapshot is sent instead."),
         QStringLiteral("n")},
        {QStringLiteral("session-ttl"), QStringLiteral("Lifetime of a staff session in seconds."),
         QStringLiteral("seconds")},
        {QStringLiteral("handshake-timeout"),
         QStringLiteral("Milliseconds a new connection has to authenticate."),
         QStringLiteral("ms")},
        {QStringLiteral("idle-timeout"),
         QStringLiteral("Seconds of silence before a connection is closed."),
         QStringLiteral("seconds")},
        {QStringLiteral("session-check"),
         QStringLiteral("Seconds between checks that live sessions were not revoked elsewhere."),
         QStringLiteral("seconds")},
        {QStringLiteral("offer-timeout"),
         QStringLiteral("Milliseconds a live chat is offered to one agent before the next."),
         QStringLiteral("ms")},
        {QStringLiteral("grace-period"),
         QStringLiteral("Milliseconds a disconnected agent keeps their chats before unanswered "
                        "ones go back to the queue."),
         QStringLiteral("ms")},
        {QStringLiteral("decline-hold"),
         QStringLiteral("Milliseconds an agent who declined a live chat is not offered it again "
                        "(colleagues are)."),
         QStringLiteral("ms")},
        {QStringLiteral("manual-clock"),
         QStringLiteral("For tests: time starts at this moment (milliseconds since 1970, UTC) "
                        "and stands still until an admin moves it with clock.advance."),
         QStringLiteral("ms")},
    });
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional: user"));
    // Admin subcommands take their own options; parse only what precedes them here.
    qsizetype userAt = arguments.indexOf(QStringLiteral("user"));
    const qsizetype mailboxAt = arguments.indexOf(QStringLiteral("mailbox"));
    const bool mailbox = mailboxAt > 0 && (userAt <= 0 || mailboxAt < userAt);
    if (mailbox)
        userAt = mailboxAt;
    const QStringList own = userAt > 0 ? arguments.mid(0, userAt) : arguments;
    QStringList rest = userAt > 0 ? arguments.mid(userAt + 1) : QStringList();
    // --data may also follow the subcommand: `tandemd user list --data DIR`.
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest.at(i) == QLatin1String("--data") && i + 1 < rest.size()) {
            options.config.dataDir = rest.at(i + 1);
            rest.remove(i, 2);
            break;
        }
    }
    if (!p.parse(own)) {
        *error = p.errorText();
        return false;
    }
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();
    if (userAt > 0)
        (mailbox ? options.mailboxArguments : options.userArguments) =
            rest.isEmpty() ? QStringList{QString()} : rest;

    ServerConfig &c = options.config;
    const QString listen = p.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = listen.mid(colon + 1).toInt(&portOk);
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    if (colon <= 0 || !portOk || port < 0 || port > 65535 || !c.address.setAddress(host)) {
        *error = QStringLiteral("--listen must be HOST:PORT, e.g. 127.0.0.1:8640");
        return false;
    }
    c.port = quint16(port);
    if (p.isSet(QStringLiteral("data")))
        c.dataDir = p.value(QStringLiteral("data"));
    if (c.dataDir.isEmpty())
        c.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    c.store = p.value(QStringLiteral("store"));
    if (const auto chosen = StoreFactory::choose(c.store, c.dataDir); !chosen) {
        *error = chosen.failure().message;
        return false;
    }
    c.allowedOrigins = p.values(QStringLiteral("allowed-origin"));
    for (const QString &url : p.values(QStringLiteral("public-url"))) {
        const QUrl u(url, QUrl::StrictMode);
        if (!u.isValid() || u.host().isEmpty()
            || (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https"))) {
            *error = QStringLiteral("--public-url must be an http or https URL, e.g. "
                                    "https://help.example.com");
            return false;
        }
        c.publicOrigins.append(url);
    }
    for (const QString &proxy : p.values(QStringLiteral("trusted-proxy"))) {
        ClientAddress::Subnet subnet;
        if (!ClientAddress::parseSubnet(proxy, subnet)) {
            *error = QStringLiteral("--trusted-proxy must be an address or a subnet, e.g. "
                                    "127.0.0.1 or 10.0.0.0/8");
            return false;
        }
        c.trustedProxies.append(subnet);
    }
    int maxBytes = int(c.maxMessageBytes);
    int ttl = int(c.sessionTtlSeconds);
    int queued = int(std::min<qint64>(c.maxQueuedBytes, std::numeric_limits<int>::max()));
    int body = int(c.maxBodyBytes);
    int head = int(c.maxHeaderBytes);
    const bool ok =
        positiveInt(p, QStringLiteral("max-message-bytes"), maxBytes, error)
        && positiveInt(p, QStringLiteral("max-requests-per-minute"), c.maxRequestsPerMinute, error)
        && positiveInt(p, QStringLiteral("replay-limit"), c.replayLimit, error)
        && positiveInt(p, QStringLiteral("session-ttl"), ttl, error)
        && positiveInt(p, QStringLiteral("handshake-timeout"), c.handshakeTimeoutMs, error)
        && positiveInt(p, QStringLiteral("idle-timeout"), c.idleTimeoutSeconds, error)
        && positiveInt(p, QStringLiteral("session-check"), c.sessionCheckSeconds, error)
        && positiveInt(p, QStringLiteral("offer-timeout"), c.offerTimeoutMs, error)
        && positiveInt(p, QStringLiteral("grace-period"), c.gracePeriodMs, error)
        && positiveInt(p, QStringLiteral("decline-hold"), c.declineHoldMs, error)
        && positiveInt(p, QStringLiteral("max-queued-bytes"), queued, error)
        && positiveInt(p, QStringLiteral("max-body-bytes"), body, error)
        && positiveInt(p, QStringLiteral("max-header-bytes"), head, error)
        && positiveInt(p, QStringLiteral("new-customers-per-hour"), c.newCustomersPerHour, error)
        && positiveInt(p, QStringLiteral("new-conversations-per-hour"), c.newConversationsPerHour,
                       error)
        && positiveInt(p, QStringLiteral("failed-signins-per-hour"), c.signInsPerHour, error)
        && positiveInt(p, QStringLiteral("max-connections-per-address"), c.maxConnectionsPerAddress,
                       error)
        && positiveInt(p, QStringLiteral("snapshot-limit"), c.snapshotLimit, error);
    if (ok && c.snapshotLimit > Protocol::MaxSnapshotLimit) {
        *error =
            QStringLiteral("--snapshot-limit may be at most %1").arg(Protocol::MaxSnapshotLimit);
        return false;
    }
    if (p.isSet(QStringLiteral("manual-clock"))) {
        bool msOk = false;
        c.manualClockStartMs = p.value(QStringLiteral("manual-clock")).toLongLong(&msOk);
        if (!msOk || c.manualClockStartMs <= 0) {
            *error = QStringLiteral("--manual-clock must be milliseconds since 1970, e.g. "
                                    "1800000000000");
            return false;
        }
    }
    c.maxMessageBytes = maxBytes;
    c.sessionTtlSeconds = ttl;
    c.maxQueuedBytes = queued;
    c.maxBodyBytes = body;
    c.maxHeaderBytes = head;
    return ok;
}

//! The store the options chose (parse() checked that they name one).
StoreFactory::Choice storeChoice(const ServerConfig &config)
{
    return StoreFactory::choose(config.store, config.dataDir).value();
}

int runUserCommand(const Options &options)
{
    QTextStream in(stdin);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const StoreFactory::Choice chosen = storeChoice(options.config);
    const std::unique_ptr<Store> store = StoreFactory::create(chosen);
    const auto opened = store->open();
    if (!opened) {
        err << "tandemd: cannot open " << chosen.location << ": " << opened.failure().message
            << "\n";
        return 1;
    }
    if (!options.mailboxArguments.isEmpty()) {
        auto secrets = SecretBox::open(options.config.dataDir);
        if (!secrets) {
            err << "tandemd: " << secrets.failure().message << "\n";
            return 1;
        }
        return MailboxCommand(*store, secrets.value(), in, out, err).run(options.mailboxArguments);
    }
    return UserCommand(*store, in, out, err).run(options.userArguments);
}

int serve(const Options &options)
{
    const ServerConfig &config = options.config;
    // Each connection is a file descriptor; SQLite needs a few more of its own.
    const qint64 openFiles = OpenFileLimit::raiseTo(1 << 20);
    if (openFiles >= 0)
        qCInfo(lcHub) << "open-file limit" << openFiles;
    std::unique_ptr<ManualClock> manualClock;
    if (config.manualClockStartMs > 0) {
        manualClock = std::make_unique<ManualClock>(config.manualClockStartMs);
        qCWarning(lcHub) << "the clock stands at" << manualClock->now()
                         << "until clock.advance moves it";
    }
    const Clock &clock = manualClock ? *manualClock : Clock::system();
    const StoreFactory::Choice chosen = storeChoice(config);
    std::unique_ptr<Store> store = StoreFactory::create(chosen);
    store->setClock(clock);
    // Reads (history, pages, catch-up, /healthz) go to their own connection.
    std::unique_ptr<Store> reader = StoreFactory::createReader(chosen);
    if (reader)
        reader->setClock(clock);
    Storage storage(std::move(store), std::move(reader));
    const auto opened = storage.open();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!opened) {
        err << "tandemd: cannot open " << chosen.location << ": " << opened.failure().message
            << "\n";
        return 1;
    }
    Scheduler scheduler(storage, clock);
    Hub hub(storage, scheduler, config);
    hub.setManualClock(manualClock.get());
    // Work done once per deployment runs under its lease; this SQLite node holds them all.
    // Routing reads its state after the durable timers are in, so it knows which grace
    // periods are already running.
    // Replies go out from here, each through its conversation's channel: the widget's now,
    // email, WhatsApp and Telegram as they are set up.
    OutboundQueue outbound(storage, scheduler);
    WebChannel web([&hub](qint64 customerId) { return hub.customerConnections(customerId) > 0; });
    outbound.addChannel(&web);
    QObject::connect(&hub, &Hub::customerArrived, &web, &WebChannel::customerArrived);
    QObject::connect(&web, &WebChannel::wakeRequested, &outbound,
                     [&outbound](const QString &channel, qint64 customerId) {
                         outbound.wake(channel, customerId);
                     });
    // Secrets the server reads back (mailbox passwords) are sealed with a key beside the data.
    auto secrets = SecretBox::open(config.dataDir);
    if (!secrets) {
        err << "tandemd: " << secrets.failure().message << "\n";
        return 1;
    }
    EmailChannel email(storage, secrets.value(),
                       [&hub] { return hub.autoReplyContext(QTimeZone(), QLocale::c()); });
    outbound.addChannel(&email);
    hub.setMailboxKeeper([&email](const QByteArray &plain) { return email.seal(plain); },
                         [&email] { email.reload(); });
    SingleNodeLeases leases;
    leases.whileHeld(Leases::Timers, [&scheduler, &leases, &hub, &outbound, &email] {
        scheduler.start([&leases, &hub, &outbound, &email] {
            leases.whileHeld(Leases::Routing, [&hub] { hub.startRouting(); });
            leases.whileHeld(Leases::Outbound, [&outbound] { outbound.start(); });
            leases.whileHeld(
                Leases::Mail, [&email] { email.start(); }, [&email] { email.stop(); });
        });
    });
    HttpFrontend http(hub, config);
    QString error;
    if (!http.listen(&error)) {
        err << "tandemd: cannot listen on " << config.address.toString() << ":" << config.port
            << ": " << error << "\n";
        return 1;
    }
    ShutdownSignals shutdown;
    QObject::connect(&shutdown, &ShutdownSignals::requested, qApp, [&hub] {
        qCInfo(lcHub) << "shutting down";
        hub.closeAll();
        QCoreApplication::quit();
    });
    // Scripts and tests read this line to learn the port when it was chosen by the system.
    out << "tandemd listening on http://"
        << (config.address.protocol() == QAbstractSocket::IPv6Protocol
                ? QLatin1Char('[') + config.address.toString() + QLatin1Char(']')
                : config.address.toString())
        << ":" << http.port() << " (data: " << QDir(config.dataDir).absolutePath() << ")\n";
    out.flush();
    const int code = QCoreApplication::exec();
    const Storage::Stats stats = storage.stats();
    qCInfo(lcStore) << "served" << stats.operations << "storage requests in" << stats.transactions
                    << "transactions";
    return code;
}

} // namespace

int runDaemon(int argc, char **argv)
{
    // One line per record, with the time and the part of the server it came from.
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-category}%{category} %{endif}%{type}: %{message}"));
    // Qt's plain UNIX event dispatcher, not GLib's: with thousands of sockets GLib's
    // bookkeeping of socket notifiers took 45 % of the CPU and most of the delivery delay.
    // Set before the application object exists; an operator's own setting wins.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tandemd"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tandem"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));
    if (!PasswordHasher::initialize()) {
        QTextStream(stderr) << "tandemd: libsodium could not be initialised\n";
        return 1;
    }
    Options options;
    QString error;
    if (!parse(QCoreApplication::arguments(), options, &error)) {
        QTextStream(stderr) << "tandemd: " << error << "\n";
        return 2;
    }
    if (!options.userArguments.isEmpty() || !options.mailboxArguments.isEmpty())
        return runUserCommand(options);
    return serve(options);
}

} // namespace Tandem::Server
