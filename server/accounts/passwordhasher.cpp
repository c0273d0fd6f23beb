// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordhasher.h"

#include <sodium.h>

#include <QByteArray>

namespace Tandem::Server {
namespace {
// libsodium's INTERACTIVE limits (64 MiB, 2 passes) are above OWASP's Argon2id minimum.
constexpr unsigned long long OpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t MemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
} // namespace

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

QString PasswordHasher::hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), OpsLimit, MemLimit,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (h.isEmpty() || h.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

const QString &PasswordHasher::decoyHash()
{
    static const QString decoy = [] {
        char random[32];
        randombytes_buf(random, sizeof random);
        return hash(QString::fromLatin1(QByteArray(random, sizeof random).toBase64()));
    }();
    return decoy;
}

} // namespace Tandem::Server
