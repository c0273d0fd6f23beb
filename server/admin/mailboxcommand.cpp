// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailboxcommand.h"

#include "accounts/secretbox.h"
#include "channels/email/mailintake.h"
#include "domain/mailboxsettings.h"
#include "hub/mailboxoperations.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace Tandem::Server {
namespace {
constexpr qint64 MaxSettingsBytes = 64 * 1024;
} // namespace

MailboxCommand::MailboxCommand(Store &store, const SecretBox &secrets, QTextStream &in,
                               QTextStream &out, QTextStream &err)
    : m_store(store)
    , m_secrets(secrets)
    , m_in(in)
    , m_out(out)
    , m_err(err)
{
}

int MailboxCommand::usage()
{
    m_err << "usage: tandemd mailbox add --name NAME --settings FILE.json [--team TEAM]\n"
             "       tandemd mailbox set --inbox ID --settings FILE.json [--name NAME] [--team "
             "TEAM]\n"
             "       tandemd mailbox list\n"
             "The IMAP password, then the SMTP password, are read from standard input (one\n"
             "line each). docs/protocol.md (\"Email\") describes the settings file.\n";
    m_err.flush();
    return 2;
}

int MailboxCommand::run(const QStringList &arguments)
{
    const QString verb = arguments.value(0);
    if (verb == QLatin1String("add"))
        return save(arguments, true);
    if (verb == QLatin1String("set"))
        return save(arguments, false);
    if (verb == QLatin1String("list"))
        return list();
    return usage();
}

int MailboxCommand::save(const QStringList &arguments, bool adding)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("name"), QString(), QStringLiteral("name")},
                       {QStringLiteral("team"), QString(), QStringLiteral("team")},
                       {QStringLiteral("inbox"), QString(), QStringLiteral("id")},
                       {QStringLiteral("settings"), QString(), QStringLiteral("file")}});
    if (!parser.parse(arguments) || !parser.isSet(QStringLiteral("settings"))
        || (adding && !parser.isSet(QStringLiteral("name")))
        || (!adding && !parser.isSet(QStringLiteral("inbox"))))
        return usage();
    QFile file(parser.value(QStringLiteral("settings")));
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxSettingsBytes) {
        m_err << "Cannot read the settings file " << file.fileName() << ".\n";
        return 1;
    }
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    auto settings = MailboxSettings::fromJson(json.object());
    if (error.error != QJsonParseError::NoError || !json.isObject() || !settings) {
        m_err << "The settings file is not valid: "
              << (error.error != QJsonParseError::NoError ? error.errorString()
                                                          : settings.failure().message)
              << "\n";
        return 1;
    }
    const QString imapPassword = m_in.readLine();
    const QString smtpPassword = m_in.readLine();
    if (imapPassword.isEmpty() || imapPassword.size() > 1024 || smtpPassword.size() > 1024) {
        m_err << "Give the IMAP password, then the SMTP password, on standard input.\n";
        return 1;
    }
    if (!m_store.begin()) {
        m_err << "Could not open the store for writing.\n";
        return 1;
    }
    // The same change an admin makes from the desktop (mailbox.save), passwords sealed.
    Commands::SaveMailbox command;
    command.name = parser.value(QStringLiteral("name")).trimmed();
    command.settings = settings.value();
    command.imapPassword = m_secrets.seal(imapPassword.toUtf8());
    command.smtpPassword = m_secrets.seal(smtpPassword.toUtf8());
    QString failure;
    if (!adding) {
        command.inboxId = parser.value(QStringLiteral("inbox")).toLongLong();
        const auto inbox = m_store.inbox(*command.inboxId);
        if (!inbox || inbox->channel != MailIntake::channel()) {
            failure = QStringLiteral("There is no email inbox %1.").arg(*command.inboxId);
        } else {
            if (command.name.isEmpty())
                command.name = inbox->name;
            command.teamId = inbox->teamId;
        }
    }
    const QString teamName = parser.value(QStringLiteral("team"));
    const auto teams = m_store.teams();
    if (failure.isEmpty() && teams && (adding || !teamName.isEmpty())) {
        command.teamId = 0;
        for (const Team &t : teams.value())
            if (teamName.isEmpty() ? command.teamId == 0
                                   : t.name.compare(teamName, Qt::CaseInsensitive) == 0)
                command.teamId = t.id;
        if (!teamName.isEmpty() && !command.teamId)
            failure = QStringLiteral("There is no team called %1.").arg(teamName);
    }
    if (failure.isEmpty() && (command.name.isEmpty() || command.name.size() > 100))
        failure = QStringLiteral("The inbox needs a name of at most 100 characters.");
    qint64 inboxId = 0;
    if (failure.isEmpty()) {
        const auto saved = MailboxOperations::save(m_store, Viewer{}, command);
        if (saved)
            inboxId = saved->inbox.id;
        else
            failure = saved.failure().message;
    }
    if (!failure.isEmpty() || !m_store.commit()) {
        m_store.rollback();
        m_err << (failure.isEmpty() ? QStringLiteral("Could not store the mailbox.") : failure)
              << "\n";
        return 1;
    }
    m_out << (adding ? "Added" : "Changed") << " email inbox " << inboxId << " for "
          << settings->address << "\n";
    return 0;
}

int MailboxCommand::list()
{
    const auto mailboxes = m_store.mailboxes();
    if (!mailboxes) {
        m_err << "Could not read the mailboxes.\n";
        return 1;
    }
    for (const MailboxRecord &m : mailboxes.value()) {
        const auto settings = MailboxSettings::fromText(m.settings);
        m_out << m.inboxId << "\t" << (settings ? settings->address : QStringLiteral("?"))
              << "\timap " << (settings ? settings->imap.host : QString()) << ":"
              << (settings ? settings->imap.port : 0) << "\tread to UID " << m.lastUid << "\t"
              << (m.lastError.isEmpty() ? QStringLiteral("ok") : m.lastError) << "\n";
    }
    return 0;
}

} // namespace Tandem::Server
