// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailtls.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslError>
#include <libetpan/libetpan.h>

namespace Tandem::Server::MailTls {
namespace {

QList<QSslCertificate> chainOf(mailstream *stream)
{
    QList<QSslCertificate> chain;
    carray *ders = mailstream_get_certificate_chain(stream);
    if (!ders)
        return chain;
    for (unsigned i = 0; i < carray_count(ders); ++i) {
        auto *der = static_cast<MMAPString *>(carray_get(ders, i));
        chain.append(QSslCertificate(QByteArray(der->str, qsizetype(der->len)), QSsl::Der));
    }
    mailstream_certificate_chain_free(ders);
    return chain;
}

} // namespace

QString peerFingerprint(mailstream *stream)
{
    const QList<QSslCertificate> chain = chainOf(stream);
    if (chain.isEmpty())
        return {};
    return QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex());
}

QString refusal(mailstream *stream, const MailServer &server)
{
    const QList<QSslCertificate> chain = chainOf(stream);
    if (chain.isEmpty() || chain.first().isNull())
        return QStringLiteral("%1 showed no certificate").arg(server.host);
    const QString fingerprint =
        QString::fromLatin1(chain.first().digest(QCryptographicHash::Sha256).toHex());
    if (!server.trustedCertificate.isEmpty() && fingerprint == server.trustedCertificate)
        return {};
    const QList<QSslError> errors = QSslCertificate::verify(chain, server.host);
    if (errors.isEmpty())
        return {};
    return QStringLiteral("The certificate of %1 is not trusted (%2; its SHA-256 fingerprint is "
                          "%3: trust it explicitly only if you know it is the server's own)")
        .arg(server.host, errors.first().errorString(), fingerprint);
}

} // namespace Tandem::Server::MailTls
