// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailboxoperations.h"

#include "teamoperations.h"

#include <QJsonDocument>

namespace Tandem::Server::MailboxOperations {
namespace {

const QString Email = QStringLiteral("email");

MailboxStatus statusOf(const MailboxRecord &record, const MailboxSettings &settings)
{
    MailboxStatus s;
    s.inboxId = record.inboxId;
    s.settings = settings;
    s.lastMailAt = record.lastMailAt;
    s.lagMs = record.lagMs;
    s.lastError = record.lastError;
    s.lastErrorAt = record.lastErrorAt;
    return s;
}

} // namespace

Result<Saved> save(Store &store, const Viewer &viewer, const Commands::SaveMailbox &command)
{
    Q_UNUSED(viewer)
    Inbox inbox{
        command.inboxId.value_or(0), command.name, Email, command.teamId, command.settings.address,
        command.settings.signature};
    qint64 formerTeam = 0;
    MailboxRecord record;
    if (command.inboxId) {
        const auto existing = store.inbox(*command.inboxId);
        if (!existing && !existing.isNotFound())
            return storageFailed(existing.failure());
        if (!existing || existing->channel != Email)
            return Failure{ErrorCode::NotFound, QStringLiteral("No such email inbox")};
        formerTeam = existing->teamId;
        const auto mailbox = store.mailbox(*command.inboxId);
        if (!mailbox && !mailbox.isNotFound())
            return storageFailed(mailbox.failure());
        if (mailbox)
            record = mailbox.value();
        else if (!command.imapPassword)
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("imapPassword: this inbox has no mailbox yet")};
    }
    if (command.teamId) {
        const auto teams = store.teams();
        if (!teams)
            return storageFailed(teams.failure());
        if (std::none_of(teams->cbegin(), teams->cend(),
                         [&](const Team &t) { return t.id == command.teamId; }))
            return Failure{ErrorCode::NotFound, QStringLiteral("team: no such team")};
    }
    const auto saved = TeamOperations::storeInbox(store, inbox, formerTeam);
    if (!saved)
        return saved.failure();
    record.inboxId = saved->id;
    record.settings = command.settings.toText();
    if (command.imapPassword)
        record.imapPassword = *command.imapPassword;
    if (command.smtpPassword)
        record.smtpPassword = *command.smtpPassword;
    if (!record.configuredAt.isValid())
        record.configuredAt = store.now();
    if (auto stored = store.saveMailbox(record); !stored)
        return storageFailed(stored.failure());
    record.lastError.clear(); // saving starts over
    return Saved{saved.value(), statusOf(record, command.settings)};
}

Result<QList<MailboxStatus>> list(Store &store, const Viewer &viewer, const Done &)
{
    Q_UNUSED(viewer)
    const auto mailboxes = store.mailboxes();
    if (!mailboxes)
        return storageFailed(mailboxes.failure());
    QList<MailboxStatus> out;
    for (const MailboxRecord &record : mailboxes.value()) {
        const auto settings = MailboxSettings::fromText(record.settings);
        if (settings)
            out.append(statusOf(record, settings.value()));
    }
    return out;
}

} // namespace Tandem::Server::MailboxOperations
