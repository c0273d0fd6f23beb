// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QByteArray>
#include <QString>

namespace Tandem::Server {

//! Secrets the server must be able to read back, kept encrypted at rest: a mailbox's IMAP
//! and SMTP passwords, a channel's API token. Sealed with libsodium's secretbox
//! (XSalsa20-Poly1305, a fresh nonce each time) under a key kept in a file beside the
//! data, made on first start and readable by its owner only. The store holds only sealed
//! text; a copy of the store without the key file reveals none of them.
class SecretBox
{
public:
    //! The key file's name in the data folder.
    static const QString KeyFileName;

    //! Opens the key in `dataDir`, making it (owner-only) when there is none. A key file
    //! that is not exactly a key, or not the owner's alone, is refused with the reason.
    static Result<SecretBox> open(const QString &dataDir);

    //! `plain` sealed: "v1:" and base64 of nonce and ciphertext.
    QString seal(const QByteArray &plain) const;
    //! What seal() sealed with this key; refused when it was sealed with another key,
    //! altered, or is not sealed text at all.
    Result<QByteArray> unseal(const QString &sealed) const;
    //! A 32-byte key for another use (signing the Message-IDs of outgoing mail, say), derived
    //! from this one for `context` (exactly 8 characters) and `id`: the same every start,
    //! and telling nothing about this key or any other derived one.
    QByteArray derivedKey(const char *context, quint64 id) const;

private:
    explicit SecretBox(QByteArray key);
    QByteArray m_key;
};

} // namespace Tandem::Server
