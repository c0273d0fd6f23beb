// SPDX-License-Identifier: GPL-3.0-or-later
#include "simoptions.h"

#include <QCommandLineParser>
#include <QProcessEnvironment>

#include <algorithm>
#include <cmath>

namespace Tandem::Sim {
namespace {
const QString PasswordVariable = QStringLiteral("TANDEM_SIM_AGENT_PASSWORD");
constexpr int AutoAgentLinkCap = 16;

bool number(const QCommandLineParser &p, const QString &name, double min, double max, double &out,
            QString &message)
{
    if (!p.isSet(name))
        return true;
    bool ok = false;
    const double v = p.value(name).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || v > max) {
        message = QStringLiteral("--%1 must be a number from %2 to %3").arg(name).arg(min).arg(max);
        return false;
    }
    out = v;
    return true;
}

bool whole(const QCommandLineParser &p, const QString &name, int min, int max, int &out,
           QString &message)
{
    double v = out;
    if (!number(p, name, min, max, v, message))
        return false;
    if (v != std::floor(v)) {
        message = QStringLiteral("--%1 must be a whole number").arg(name);
        return false;
    }
    out = int(v);
    return true;
}

bool serverUrl(const QString &text, QUrl &out, QString &message)
{
    QUrl url(text, QUrl::StrictMode);
    // tandemd prints an http:// address; accept it as well as the WebSocket form.
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (scheme == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("ws") && url.scheme() != QLatin1String("wss"))) {
        message =
            QStringLiteral("--server must be a ws:// or wss:// URL, e.g. ws://127.0.0.1:8640");
        return false;
    }
    out = url;
    return true;
}
} // namespace

QUrl SimOptions::endpoint(const QString &path) const
{
    QUrl url = server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

int SimOptions::effectiveAgentConnections() const
{
    if (agentConnections > 0)
        return agentConnections;
    // Each customer message gets one answer; leave every link a quarter of its allowance
    // spare for bursts.
    const double repliesPerSecond = rate * messages;
    const double perLink = agentRequestsPerMinute / 60.0 * 0.75;
    return std::clamp(int(std::ceil(repliesPerSecond / perLink)), 1, AutoAgentLinkCap);
}

bool parseSimOptions(const QStringList &arguments, SimOptions &o, QString &message)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Simulated customers for Tandem: demo traffic and load generator.\n"
                       "Exit status: 0 done, 1 could not connect at all, 2 bad options,\n"
                       "3 a send was answered with an error other than rate_limited."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOptions({
        {QStringLiteral("server"), QStringLiteral("tandemd's base URL."), QStringLiteral("url"),
         QStringLiteral("ws://127.0.0.1:8640")},
        {QStringLiteral("customers"), QStringLiteral("Customers connected at once (default 5)."),
         QStringLiteral("n")},
        {QStringLiteral("rate"),
         QStringLiteral("New conversations per second, all customers together (default 0.2)."),
         QStringLiteral("r")},
        {QStringLiteral("duration"),
         QStringLiteral("Stop after this many seconds; 0 runs until interrupted (default 0)."),
         QStringLiteral("s")},
        {QStringLiteral("think"),
         QStringLiteral("Milliseconds a customer thinks before answering (default 3000)."),
         QStringLiteral("ms")},
        {QStringLiteral("messages"),
         QStringLiteral("Messages a customer writes per conversation (default 4)."),
         QStringLiteral("k")},
        {QStringLiteral("connect-rate"),
         QStringLiteral("Customers connecting per second while ramping up (default 200)."),
         QStringLiteral("n")},
        {QStringLiteral("agent-email"),
         QStringLiteral("Also sign in as this agent (password from %1) and answer every "
                        "customer message.")
             .arg(PasswordVariable),
         QStringLiteral("email")},
        {QStringLiteral("agent-connections"),
         QStringLiteral("Connections the sim agent spreads its answers over (default: enough "
                        "for --rate at --agent-rpm, at most %1).")
             .arg(AutoAgentLinkCap),
         QStringLiteral("n")},
        {QStringLiteral("agent-rpm"),
         QStringLiteral("tandemd's --max-requests-per-minute; the sim agent stays under it "
                        "(default 600)."),
         QStringLiteral("n")},
        {QStringLiteral("live-share"),
         QStringLiteral("Percent of conversations started as live chats (default 0)."),
         QStringLiteral("percent")},
        {QStringLiteral("patience"),
         QStringLiteral("Seconds a customer waits for an answer before leaving the conversation "
                        "unanswered (a live chat as a message for later) to start another "
                        "later; 0 waits for ever (default 0)."),
         QStringLiteral("s")},
        {QStringLiteral("inboxes"),
         QStringLiteral("Web inbox ids, comma-separated, that customers write to in turn "
                        "(default: the server's first web inbox)."),
         QStringLiteral("ids")},
        {QStringLiteral("json"), QStringLiteral("Print the final summary as one JSON object.")},
        {QStringLiteral("week"),
         QStringLiteral("Simulate a working week on a tandemd started with --manual-clock, "
                        "moving its clock: --customers conversations over the week (default "
                        "400), answered by two agents on shifts, and --live-share percent of "
                        "those arriving in hours (default 30) as live chats taken by the admin "
                        "at the live desk; reports whether the replies promised were kept, and "
                        "live chats' waits beside the wait the widget showed. Needs "
                        "--agent-email of an admin.")},
    });
    if (!p.parse(arguments)) {
        message = p.errorText();
        return false;
    }
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();
    if (!p.positionalArguments().isEmpty()) {
        message = QStringLiteral("unexpected argument: %1").arg(p.positionalArguments().first());
        return false;
    }
    const bool ok =
        serverUrl(p.value(QStringLiteral("server")), o.server, message)
        && whole(p, QStringLiteral("customers"), 1, 1000000, o.customers, message)
        && number(p, QStringLiteral("rate"), 0, 1e6, o.rate, message)
        && number(p, QStringLiteral("duration"), 0, 1e9, o.durationSeconds, message)
        && whole(p, QStringLiteral("think"), 0, 3600 * 1000, o.thinkMs, message)
        && whole(p, QStringLiteral("live-share"), 0, 100, o.liveSharePercent, message)
        && whole(p, QStringLiteral("patience"), 0, 24 * 3600, o.patienceSeconds, message)
        && whole(p, QStringLiteral("messages"), 1, 100000, o.messages, message)
        && whole(p, QStringLiteral("connect-rate"), 1, 1000000, o.connectsPerSecond, message)
        && whole(p, QStringLiteral("agent-connections"), 1, 1000, o.agentConnections, message)
        && whole(p, QStringLiteral("agent-rpm"), 1, 100000000, o.agentRequestsPerMinute, message);
    if (!ok)
        return false;
    o.json = p.isSet(QStringLiteral("json"));
    o.week = p.isSet(QStringLiteral("week"));
    if (o.week && !p.isSet(QStringLiteral("customers")))
        o.customers = 400;
    if (o.week && !p.isSet(QStringLiteral("live-share")))
        o.liveSharePercent = 30; // of those who arrive in hours

    const QString inboxes = p.value(QStringLiteral("inboxes"));
    for (const QString &part : inboxes.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool isNumber = false;
        const qint64 id = part.trimmed().toLongLong(&isNumber);
        if (!isNumber || id < 1) {
            message = QStringLiteral("--inboxes: %1 is not an inbox id").arg(part);
            return false;
        }
        o.inboxes.append(id);
    }
    o.agentEmail = p.value(QStringLiteral("agent-email"));
    if (!o.agentEmail.isEmpty()) {
        o.agentPassword = QProcessEnvironment::systemEnvironment().value(PasswordVariable);
        if (o.agentPassword.isEmpty()) {
            message =
                QStringLiteral("--agent-email needs the password in %1").arg(PasswordVariable);
            return false;
        }
    }
    if (o.week && o.agentEmail.isEmpty()) {
        message = QStringLiteral("--week needs --agent-email (an admin, who moves the clock)");
        return false;
    }
    return true;
}

} // namespace Tandem::Sim
