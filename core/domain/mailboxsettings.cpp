// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailboxsettings.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace Tandem {
namespace {

constexpr qsizetype MaxField = 320;
constexpr qsizetype MaxSignature = 4000;

Failure bad(const QString &what)
{
    return Failure{ErrorCode::BadRequest, what};
}

QJsonObject serverJson(const MailServer &s)
{
    QJsonObject o{{QStringLiteral("host"), s.host},
                  {QStringLiteral("port"), s.port},
                  {QStringLiteral("security"), mailSecurityName(s.security)},
                  {QStringLiteral("user"), s.user}};
    if (!s.trustedCertificate.isEmpty())
        o.insert(QStringLiteral("trustedCertificate"), s.trustedCertificate);
    return o;
}

Result<MailServer> readServer(const QJsonObject &o, const QString &which)
{
    MailServer s;
    s.host = o.value(QStringLiteral("host")).toString().trimmed();
    if (s.host.isEmpty() || s.host.size() > 253 || s.host.contains(QLatin1Char(' ')))
        return bad(QStringLiteral("%1.host must be a host name").arg(which));
    const int port = o.value(QStringLiteral("port")).toInt(-1);
    if (port < 1 || port > 65535)
        return bad(QStringLiteral("%1.port must be 1 to 65535").arg(which));
    s.port = port;
    const QString security = o.value(QStringLiteral("security")).toString();
    if (security == QLatin1String("tls"))
        s.security = MailSecurity::Tls;
    else if (security == QLatin1String("starttls"))
        s.security = MailSecurity::StartTls;
    else if (security == QLatin1String("none"))
        s.security = MailSecurity::None;
    else
        return bad(QStringLiteral("%1.security must be tls, starttls or none").arg(which));
    s.user = o.value(QStringLiteral("user")).toString();
    if (s.user.size() > MaxField)
        return bad(QStringLiteral("%1.user is too long").arg(which));
    s.trustedCertificate =
        o.value(QStringLiteral("trustedCertificate")).toString().remove(QLatin1Char(':')).toLower();
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
    if (!s.trustedCertificate.isEmpty() && !sha256.match(s.trustedCertificate).hasMatch())
        return bad(
            QStringLiteral("%1.trustedCertificate must be a SHA-256 fingerprint").arg(which));
    return s;
}

} // namespace

QString mailSecurityName(MailSecurity security)
{
    switch (security) {
    case MailSecurity::Tls:
        return QStringLiteral("tls");
    case MailSecurity::StartTls:
        return QStringLiteral("starttls");
    case MailSecurity::None:
        return QStringLiteral("none");
    }
    return {};
}

QString MailboxSettings::toText() const
{
    return QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

Result<MailboxSettings> MailboxSettings::fromText(const QString &text)
{
    return fromJson(QJsonDocument::fromJson(text.toUtf8()).object());
}

QJsonObject MailboxSettings::toJson() const
{
    return {{QStringLiteral("address"), address},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("signature"), signature},
            {QStringLiteral("folder"), folder},
            {QStringLiteral("tokenReplyTo"), tokenReplyTo},
            {QStringLiteral("imap"), serverJson(imap)},
            {QStringLiteral("smtp"), serverJson(smtp)}};
}

Result<MailboxSettings> MailboxSettings::fromJson(const QJsonObject &json)
{
    MailboxSettings s;
    s.address = json.value(QStringLiteral("address")).toString().trimmed();
    static const QRegularExpression mailbox(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
    if (s.address.size() > MaxField || !mailbox.match(s.address).hasMatch())
        return bad(QStringLiteral("address must be an email address"));
    s.displayName = json.value(QStringLiteral("displayName")).toString().trimmed();
    if (s.displayName.size() > MaxField)
        return bad(QStringLiteral("displayName is too long"));
    s.signature = json.value(QStringLiteral("signature")).toString();
    if (s.signature.size() > MaxSignature)
        return bad(QStringLiteral("signature is longer than %1 characters").arg(MaxSignature));
    s.folder = json.value(QStringLiteral("folder")).toString(QStringLiteral("INBOX")).trimmed();
    if (s.folder.isEmpty() || s.folder.size() > MaxField)
        return bad(QStringLiteral("folder must be a folder name"));
    s.tokenReplyTo = json.value(QStringLiteral("tokenReplyTo")).toBool(false);
    auto imap = readServer(json.value(QStringLiteral("imap")).toObject(), QStringLiteral("imap"));
    if (!imap)
        return imap.failure();
    auto smtp = readServer(json.value(QStringLiteral("smtp")).toObject(), QStringLiteral("smtp"));
    if (!smtp)
        return smtp.failure();
    s.imap = imap.value();
    s.smtp = smtp.value();
    return s;
}

} // namespace Tandem
