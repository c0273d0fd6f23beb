// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailboxcommands.h"

#include "fieldreader.h"
#include "limits.h"
#include "wirecodec.h"

namespace Tandem {
namespace {
constexpr qsizetype MaxPasswordChars = 1024;
} // namespace

QJsonObject encodeMailboxStatus(const MailboxStatus &s)
{
    QJsonObject o{{QStringLiteral("inbox"), s.inboxId},
                  {QStringLiteral("settings"), s.settings.toJson()}};
    if (s.lastMailAt.isValid())
        o.insert(QStringLiteral("lastMailAt"), Wire::timeToString(s.lastMailAt));
    if (s.lagMs >= 0)
        o.insert(QStringLiteral("lagMs"), s.lagMs);
    if (!s.lastError.isEmpty()) {
        o.insert(QStringLiteral("lastError"), s.lastError);
        o.insert(QStringLiteral("lastErrorAt"), Wire::timeToString(s.lastErrorAt));
    }
    return o;
}

Result<MailboxStatus> decodeMailboxStatus(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("mailbox"));
    MailboxStatus s;
    s.inboxId = r.id("inbox");
    const QJsonObject settings = r.object("settings");
    s.lastMailAt = r.optionalTime("lastMailAt");
    s.lagMs = json.value(QLatin1String("lagMs")).toInteger(-1);
    s.lastError = r.optionalString("lastError", 1, 4000).value_or(QString());
    s.lastErrorAt = r.optionalTime("lastErrorAt");
    if (!r.ok())
        return r.failure();
    auto read = MailboxSettings::fromJson(settings);
    if (!read)
        return read.failure();
    s.settings = read.value();
    return s;
}

} // namespace Tandem

namespace Tandem::Commands {

Result<SaveMailbox> decodeSaveMailbox(const QJsonObject &fields)
{
    FieldReader r(fields);
    SaveMailbox m;
    m.inboxId = r.optionalId("inbox");
    m.name = r.string("name", 1, Protocol::MaxNameChars).trimmed();
    const QJsonValue team = fields.value(QLatin1String("team"));
    if (!team.isUndefined() && !team.isNull())
        m.teamId = r.id("team");
    const QJsonObject settings = r.object("settings");
    m.imapPassword = r.optionalString("imapPassword", 1, MaxPasswordChars);
    m.smtpPassword = r.optionalString("smtpPassword", 0, MaxPasswordChars);
    if (r.ok() && m.name.isEmpty())
        r.fail("name", QStringLiteral("must not be blank"));
    if (r.ok() && !m.inboxId && !m.imapPassword)
        r.fail("imapPassword", QStringLiteral("a new email inbox needs its IMAP password"));
    if (!r.ok())
        return r.failure();
    auto read = MailboxSettings::fromJson(settings);
    if (!read)
        return Failure{ErrorCode::BadRequest, QStringLiteral("settings.") + read.failure().message};
    m.settings = read.value();
    return m;
}

} // namespace Tandem::Commands
