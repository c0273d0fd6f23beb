// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tandem::Server {

//! A mailbox as a header names it: "Ada Lovelace <ada@example.org>".
struct MailAddress {
    QString name;
    QString address; //!< as written, lower-cased domain and all
};

//! A part of a mail that is not its text: a file attached, or an image the HTML shows
//! inline (by its `cid:`).
struct MailAttachment {
    QString fileName;
    QString contentType; //!< "image/png"
    QString contentId;   //!< without the angle brackets; empty when none
    bool isInline = false;
    qint64 size = 0; //!< decoded bytes
    QByteArray data; //!< empty when `size` is over the intake's limit
    bool tooLarge = false;
};

//! What the email channel's intake takes from a received mail (parsed by MimeParser).
struct ParsedMail {
    QString messageId;      //!< without angle brackets; empty when the mail has none
    QString inReplyTo;      //!< likewise
    QStringList references; //!< oldest first
    QString subject;        //!< decoded
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> replyTo;
    QDateTime date; //!< invalid when missing or unreadable
    QString text;   //!< the plain text, in UTF-8 whatever the charset it came in
    QString html;   //!< the HTML, likewise; either may be empty
    QList<MailAttachment> attachments;
    //! Sent by a machine (an out-of-office, an auto-reply, a list, a bounce): it starts no
    //! wait, wakes nothing, and gets no automatic reply. `automaticBecause` says which sign.
    bool automatic = false;
    QString automaticBecause;
    //! A delivery status notification (a bounce) about a mail sent earlier.
    bool bounce = false;
    //! A bounce's: the Message-ID (without brackets) of the mail that could not be
    //! delivered, and why, as the reporting server put it.
    QString bouncedMessageId;
    QString bounceReason;
};

} // namespace Tandem::Server
