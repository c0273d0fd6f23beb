// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsedmail.h"

#include <QByteArray>
#include <QDateTime>

namespace Tandem::Server {

//! A mail to send, as the email channel decides it.
struct OutgoingMail {
    MailAddress from;
    QString replyTo; //!< empty: none
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QString subject;
    QString messageId; //!< without brackets
    QString inReplyTo; //!< likewise; empty: none
    QStringList references;
    QDateTime date;
    QString text;      //!< what is said now (with the signature)
    QString quoted;    //!< the history it answers, quoted below it; may be empty
    QString quoteLead; //!< "On Tue 1 Dec, Ada wrote:"
    //! An automatic mail (an auto-reply): marked `Auto-Submitted: auto-replied` (RFC 3834)
    //! so that other machines do not answer it.
    bool automatic = false;
    QList<MailAttachment> attachments;
};

//! Writes `mail` as RFC 5322 with MIME through GMime, CRLF line ends: a plain part and an
//! HTML part (the same words, the history as a blockquote) as multipart/alternative, in a
//! multipart/mixed with the attachments when there are any; headers encoded as RFC 2047
//! wherever they are not ASCII.
QByteArray composeMail(const OutgoingMail &mail);

} // namespace Tandem::Server
