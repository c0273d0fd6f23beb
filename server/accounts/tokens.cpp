// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokens.h"

#include <sodium.h>

#include <QCryptographicHash>

namespace Tandem::Server {

QString Tokens::generate()
{
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray Tokens::hash(const QString &token)
{
    // The token is uniformly random, so a fast hash suffices: there is nothing to guess.
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace Tandem::Server
