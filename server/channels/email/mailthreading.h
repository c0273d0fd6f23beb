// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsedmail.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Tandem::Server {

//! How a mail finds the conversation it answers (docs/protocol.md, "Email threading").
//! Each mail Tandem sends has a Message-ID that names its conversation and message and
//! carries an HMAC of both, so a reply's In-Reply-To or References leads back to the
//! conversation and nobody can forge one that does; the subject carries a tag ("[#42]"),
//! and the Reply-To address a signed token ("support+t42.x7k2…@example.com"), for clients
//! that drop those headers. Whether the sender may join the conversation is the intake's
//! decision (a stranger may not), not this class's.
class MailThreading
{
public:
    //! `key`: 32 bytes (SecretBox::derivedKey).
    explicit MailThreading(QByteArray key);

    //! The Message-ID (without brackets) of message `messageId` of conversation
    //! `conversationId`, sent from `address`'s domain. The same every time it is asked,
    //! so a resend carries the same id.
    QString messageId(qint64 conversationId, qint64 messageId, const QString &address) const;
    //! The conversation one of our Message-IDs names; none for any other id, or a forged one.
    std::optional<qint64> conversationOfMessageId(const QString &messageId) const;

    //! `address` with the conversation's token: "support+t42.x7k2…@example.com".
    QString replyAddress(const QString &address, qint64 conversationId) const;
    //! The conversation a signed reply address of `address`'s names.
    std::optional<qint64> conversationOfAddress(const QString &recipient,
                                                const QString &address) const;

    //! " [#42]", appended to the subject of what we send.
    static QString subjectTag(qint64 conversationId);
    //! The conversation the last tag in `subject` names.
    static std::optional<qint64> conversationOfSubject(const QString &subject);
    //! `subject` without "Re:", "AW:", "Fwd:" … and without our tag, for comparing.
    static QString bareSubject(const QString &subject);

private:
    QByteArray mac(const QByteArray &what, int chars) const;
    QByteArray m_key;
};

} // namespace Tandem::Server
