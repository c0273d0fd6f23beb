// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretbox.h"

#include <sodium.h>

#include <QDir>
#include <QFile>
#include <QFileDevice>

namespace Tandem::Server {
namespace {
const QString Prefix = QStringLiteral("v1:");
constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions Others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                            | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                            | QFileDevice::WriteOther | QFileDevice::ExeOther;

Failure refused(const QString &why)
{
    return Failure{ErrorCode::Internal, why};
}
} // namespace

const QString SecretBox::KeyFileName = QStringLiteral("secret.key");

SecretBox::SecretBox(QByteArray key)
    : m_key(std::move(key))
{
}

Result<SecretBox> SecretBox::open(const QString &dataDir)
{
    if (sodium_init() < 0)
        return refused(QStringLiteral("libsodium could not be initialised"));
    const QString path = QDir(dataDir).filePath(KeyFileName);
    QFile file(path);
    if (!file.exists()) {
        QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
        crypto_secretbox_keygen(reinterpret_cast<unsigned char *>(key.data()));
        // Made owner-only before the key is in it, and written whole or not at all.
        const QString part = path + QStringLiteral(".part");
        QFile out(part);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || !out.setPermissions(OwnerOnly)
            || out.write(key) != key.size() || !out.flush())
            return refused(
                QStringLiteral("%1 could not be written: %2").arg(part, out.errorString()));
        out.close();
        if (!QFile::rename(part, path))
            return refused(QStringLiteral("%1 could not be made").arg(path));
        return SecretBox(key);
    }
    if (file.permissions() & Others)
        return refused(QStringLiteral("%1 may be read by others than its owner: make it "
                                      "owner-only (chmod 600)")
                           .arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return refused(QStringLiteral("%1 could not be read: %2").arg(path, file.errorString()));
    const QByteArray key = file.read(crypto_secretbox_KEYBYTES + 1);
    if (key.size() != int(crypto_secretbox_KEYBYTES))
        return refused(QStringLiteral("%1 is not a key (it must hold exactly %2 bytes)")
                           .arg(path)
                           .arg(crypto_secretbox_KEYBYTES));
    return SecretBox(key);
}

QString SecretBox::seal(const QByteArray &plain) const
{
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          quint64(plain.size()), nonce,
                          reinterpret_cast<const unsigned char *>(m_key.constData()));
    return Prefix + QString::fromLatin1(out.toBase64());
}

Result<QByteArray> SecretBox::unseal(const QString &sealed) const
{
    if (!sealed.startsWith(Prefix))
        return Failure{ErrorCode::BadRequest, QStringLiteral("Not a sealed secret")};
    const auto decoded = QByteArray::fromBase64Encoding(sealed.mid(Prefix.size()).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded
        || decoded.decoded.size() < int(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES))
        return Failure{ErrorCode::BadRequest, QStringLiteral("Not a sealed secret")};
    const QByteArray &box = decoded.decoded;
    const auto *nonce = reinterpret_cast<const unsigned char *>(box.constData());
    const qsizetype cipherSize = box.size() - qsizetype(crypto_secretbox_NONCEBYTES);
    QByteArray plain(cipherSize - qsizetype(crypto_secretbox_MACBYTES), Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES, quint64(cipherSize), nonce,
                                   reinterpret_cast<const unsigned char *>(m_key.constData()))
        != 0)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("The secret was sealed with another key, or altered")};
    return plain;
}

QByteArray SecretBox::derivedKey(const char *context, quint64 id) const
{
    static_assert(crypto_kdf_KEYBYTES == crypto_secretbox_KEYBYTES);
    QByteArray out(32, Qt::Uninitialized);
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                               id, context,
                               reinterpret_cast<const unsigned char *>(m_key.constData()));
    return out;
}

} // namespace Tandem::Server
