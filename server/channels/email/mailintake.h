// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/channeloperations.h"
#include "domain/mailboxsettings.h"
#include "hours/autoreply.h"
#include "mailthreading.h"
#include "parsedmail.h"

#include <optional>

//! Files one mail taken from an email inbox's mailbox, in one transaction with the cursor
//! that says it was taken (docs/protocol.md, "Email"): so after any stop the mailbox is
//! read on from exactly there, and a mail read twice (the folder rebuilt, a crash before
//! the commit) is known by its Message-ID and filed once.
namespace Tandem::Server::MailIntake {

//! The channel name of email conversations and identities.
inline QString channel()
{
    return QStringLiteral("email");
}

//! A mail as the mailbox's reader took it.
struct Arrival {
    qint64 inboxId = 0;
    quint64 reader = 0; //!< which reader of the mailbox took it (a restarted one is another)
    quint32 uidValidity = 0;
    quint32 uid = 0;
    QDateTime arrivedAt; //!< when the mailbox got it (IMAP INTERNALDATE)
    qint64 size = 0;
    //! Over the size taken: only its header was read, and the message says so.
    bool headerOnly = false;
    //! The mail's Message-ID, or (without one) a digest of the whole mail: each is filed once.
    QString externalId;
    //! What MimeParser made of it; unset when it could not be read (`unreadable` says why).
    std::optional<ParsedMail> mail;
    QString unreadable;
};

//! What became of it.
struct Filed {
    enum class Kind {
        Message,   //!< a new message (in a new conversation or the thread it answers)
        Duplicate, //!< filed before: nothing new
        Bounce,    //!< a delivery failure: the reply it was about is marked failed
        Skipped,   //!< not filed (unreadable, or our own mail come back): `why`
    };
    Kind kind = Kind::Skipped;
    std::optional<ChannelOperations::Received> received;
    QString why;
    bool startedThread = false; //!< a reply to a thread started a new conversation (a stranger)
};

//! Files `arrival` for the inbox whose settings are `settings`, and moves the mailbox's
//! cursor past it. An automatic reply (`autoReply`, when given) answers a person's mail
//! while the team is closed; a machine's mail gets none.
Result<Filed> file(Store &store, const MailboxSettings &settings, const MailThreading &threading,
                   const Arrival &arrival, const AutoReply::Context *autoReply);

//! The reasons a conversation is the one a mail answers, strongest first: one of our
//! Message-IDs in In-Reply-To or References, a mail of the thread they name, the signed
//! reply address, the subject's tag. Unset: none.
std::optional<qint64> threadOf(Store &store, const MailboxSettings &settings,
                               const MailThreading &threading, const ParsedMail &mail);

} // namespace Tandem::Server::MailIntake

Q_DECLARE_METATYPE(Tandem::Server::MailIntake::Arrival)
