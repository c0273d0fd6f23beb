// SPDX-License-Identifier: GPL-3.0-or-later
#include "usercommand.h"

#include "accounts/passwordhasher.h"
#include "protocol/events.h"
#include "protocol/limits.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <algorithm>

namespace Tandem::Server {
namespace {
constexpr int MinPasswordChars = 8;
} // namespace

UserCommand::UserCommand(Store &store, QTextStream &in, QTextStream &out, QTextStream &err)
    : m_store(store)
    , m_in(in)
    , m_out(out)
    , m_err(err)
{
}

int UserCommand::usage()
{
    m_err << "usage: tandemd user add --email EMAIL --name NAME [--role agent|supervisor|admin]\n"
             "                        [--team TEAM]...  (default: the first team)\n"
             "       tandemd user list\n"
             "       tandemd user passwd --email EMAIL\n"
             "       tandemd user disable|enable --email EMAIL\n"
             "Passwords are read from standard input (one line).\n";
    m_err.flush();
    return 2;
}

int UserCommand::run(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usage();
    const QString verb = arguments.first();
    if (verb == QLatin1String("add"))
        return add(arguments);
    if (verb == QLatin1String("list"))
        return list();
    if (verb == QLatin1String("passwd"))
        return passwd(arguments);
    if (verb == QLatin1String("disable"))
        return disable(arguments, true);
    if (verb == QLatin1String("enable"))
        return disable(arguments, false);
    return usage();
}

QString UserCommand::readPassword()
{
    QString password = m_in.readLine();
    if (password.size() < MinPasswordChars || password.size() > Protocol::MaxPasswordChars) {
        m_err << "The password must be " << MinPasswordChars << " to " << Protocol::MaxPasswordChars
              << " characters long (read from standard input).\n";
        m_err.flush();
        return {};
    }
    return password;
}

int UserCommand::add(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("email"), QString(), QStringLiteral("email")},
         {QStringLiteral("name"), QString(), QStringLiteral("name")},
         {QStringLiteral("role"), QString(), QStringLiteral("role"), QStringLiteral("agent")},
         {QStringLiteral("team"), QString(), QStringLiteral("team")}});
    if (!parser.parse(arguments) || !parser.isSet(QStringLiteral("email"))
        || !parser.isSet(QStringLiteral("name")))
        return usage();
    Agent agent;
    agent.email = parser.value(QStringLiteral("email")).trimmed();
    agent.name = parser.value(QStringLiteral("name")).trimmed();
    const auto role = roleFromName(parser.value(QStringLiteral("role")));
    if (!role || !agent.email.contains(QLatin1Char('@')) || agent.name.isEmpty()
        || agent.name.size() > Protocol::MaxNameChars
        || agent.email.size() > Protocol::MaxEmailChars)
        return usage();
    agent.role = *role;
    const QString password = readPassword();
    if (password.isEmpty())
        return 1;
    const QString hash = PasswordHasher::hash(password);
    if (hash.isEmpty() || !m_store.begin()) {
        m_err << "Could not store the account.\n";
        return 1;
    }
    const auto created = m_store.createAgent(agent, hash);
    const QString teamFailure =
        created ? joinTeams(created->id, parser.values(QStringLiteral("team"))) : QString();
    if (!created || !teamFailure.isEmpty() || !m_store.commit()) {
        m_store.rollback();
        m_err << (!teamFailure.isEmpty() ? teamFailure
                  : !created && created.error() == StoreError::Conflict
                      ? QStringLiteral("An account with that email already exists.")
                      : QStringLiteral("Could not store the account."))
              << "\n";
        return 1;
    }
    m_out << "Added " << roleName(agent.role) << " " << agent.email << " (id " << created->id
          << ")\n";
    return 0;
}

QString UserCommand::joinTeams(qint64 agentId, const QStringList &names)
{
    const auto teams = m_store.teams();
    if (!teams)
        return QStringLiteral("Could not read the teams.");
    if (teams->isEmpty())
        return names.isEmpty() ? QString() : QStringLiteral("There are no teams yet.");
    QList<Team> joined;
    if (names.isEmpty())
        joined.append(teams->first());
    for (const QString &name : names) {
        const auto team = std::find_if(teams->cbegin(), teams->cend(), [&name](const Team &t) {
            return t.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0;
        });
        if (team == teams->cend())
            return QStringLiteral("There is no team named \"%1\".").arg(name);
        joined.append(*team);
    }
    for (Team team : std::as_const(joined)) {
        if (team.members.contains(agentId))
            continue;
        team.members.append(agentId);
        const auto saved = m_store.saveTeam(team);
        if (!saved)
            return QStringLiteral("Could not store the account.");
        // Agents' apps learn of the new member when they next catch up.
        Event e = Events::teamSaved(saved.value(), {});
        if (!m_store.appendEvent(e))
            return QStringLiteral("Could not store the account.");
    }
    return {};
}

int UserCommand::list()
{
    const Stored<QList<Agent>> agents = m_store.agents(true);
    if (!agents) {
        m_err << "Could not read the accounts.\n";
        return 1;
    }
    for (const Agent &a : agents.value()) {
        m_out << a.id << "\t" << a.email << "\t" << a.name << "\t" << roleName(a.role) << "\t"
              << (a.disabled ? "disabled" : "enabled") << "\n";
    }
    return 0;
}

std::optional<AgentRecord> UserCommand::account(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("email"), QString(), QStringLiteral("email")});
    if (!parser.parse(arguments) || !parser.isSet(QStringLiteral("email"))) {
        usage();
        return std::nullopt;
    }
    const Stored<AgentRecord> record = m_store.agentByEmail(parser.value(QStringLiteral("email")));
    if (!record) {
        m_err << (record.isNotFound() ? "No such account.\n" : "Could not read the accounts.\n");
        return std::nullopt;
    }
    return record.value();
}

int UserCommand::passwd(const QStringList &arguments)
{
    const auto record = account(arguments);
    if (!record)
        return 1;
    const QString password = readPassword();
    if (password.isEmpty())
        return 1;
    // A new password ends every session signed in with the old one.
    if (!m_store.begin() || !m_store.setPassword(record->agent.id, PasswordHasher::hash(password))
        || !m_store.revokeSessionsOf(record->agent.id).ok() || !m_store.commit()) {
        m_store.rollback();
        m_err << "Could not change the password.\n";
        return 1;
    }
    m_out << "Password changed for " << record->agent.email << "\n";
    return 0;
}

int UserCommand::disable(const QStringList &arguments, bool disabled)
{
    const auto record = account(arguments);
    if (!record)
        return 1;
    if (!m_store.begin() || !m_store.setDisabled(record->agent.id, disabled)
        || (disabled && !m_store.revokeSessionsOf(record->agent.id).ok()) || !m_store.commit()) {
        m_store.rollback();
        m_err << "Could not change the account.\n";
        return 1;
    }
    m_out << (disabled ? "Disabled " : "Enabled ") << record->agent.email << "\n";
    return 0;
}

} // namespace Tandem::Server
