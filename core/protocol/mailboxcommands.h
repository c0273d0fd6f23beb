// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/mailboxsettings.h"
#include "protocol/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace Tandem {

//! An email inbox as staff who manage it see it (docs/protocol.md, "Email"): its settings
//! (never its passwords) and how reading its mailbox goes.
struct MailboxStatus {
    qint64 inboxId = 0;
    MailboxSettings settings;
    QDateTime lastMailAt; //!< when the newest mail taken arrived in the mailbox
    qint64 lagMs = -1;    //!< from its arrival there to its filing; -1: none yet
    QString lastError;    //!< empty: reading works
    QDateTime lastErrorAt;
};

QJsonObject encodeMailboxStatus(const MailboxStatus &status);
Result<MailboxStatus> decodeMailboxStatus(const QJsonObject &json);

} // namespace Tandem

namespace Tandem::Commands {

//! `mailbox.save` (admins): makes an email inbox, or changes one's name, team, settings and
//! passwords. A password left out is kept (a new inbox needs the IMAP one).
struct SaveMailbox {
    std::optional<qint64> inboxId; //!< unset: a new inbox
    QString name;
    qint64 teamId = 0; //!< 0: no team
    MailboxSettings settings;
    std::optional<QString> imapPassword;
    std::optional<QString> smtpPassword;
};

Result<SaveMailbox> decodeSaveMailbox(const QJsonObject &fields);

} // namespace Tandem::Commands
