// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QJsonObject>
#include <QString>

namespace Tandem {

//! How a connection to a mail server is protected.
enum class MailSecurity {
    Tls,      //!< TLS from the first byte (IMAPS 993, SMTPS 465)
    StartTls, //!< plain, then STARTTLS before anything secret is sent (IMAP 143, submission 587)
    None,     //!< no TLS at all: only for a server on this machine (the demo, tests)
};

//! One mail server an email inbox talks to (IMAP to read, SMTP to send).
struct MailServer {
    QString host;
    int port = 0;
    MailSecurity security = MailSecurity::Tls;
    QString user;
    //! The SHA-256 fingerprint (hex) of a certificate trusted although no known authority
    //! signed it (a self-signed one); empty: only certificates the system trusts, for
    //! `host`.
    QString trustedCertificate;

    bool operator==(const MailServer &o) const
    {
        return host == o.host && port == o.port && security == o.security && user == o.user
               && trustedCertificate == o.trustedCertificate;
    }
};

//! An email inbox's settings (docs/protocol.md, "Email"), without its passwords,
//! which the store keeps sealed beside them.
struct MailboxSettings {
    QString address;     //!< the support address customers write to
    QString displayName; //!< the name mail from it carries
    QString signature;   //!< added below every reply
    QString folder = QStringLiteral("INBOX");
    //! Replies carry a Reply-To of the address with the conversation's signed token
    //! ("support+t42.x7k2…@example.com"), which threads a reply whose client dropped every
    //! other sign; only for a mail server that delivers such addresses to the mailbox.
    bool tokenReplyTo = false;
    MailServer imap;
    MailServer smtp;

    QJsonObject toJson() const;
    //! Read and checked: BadRequest naming the first field that is missing or wrong.
    static Result<MailboxSettings> fromJson(const QJsonObject &json);
    //! As a store keeps them: compact JSON text, and back.
    QString toText() const;
    static Result<MailboxSettings> fromText(const QString &text);

    bool operator==(const MailboxSettings &o) const
    {
        return address == o.address && displayName == o.displayName && signature == o.signature
               && folder == o.folder && tokenReplyTo == o.tokenReplyTo && imap == o.imap
               && smtp == o.smtp;
    }
};

QString mailSecurityName(MailSecurity security); // "tls", "starttls", "none"

} // namespace Tandem
