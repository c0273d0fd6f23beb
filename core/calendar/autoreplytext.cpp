// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoreplytext.h"

namespace Tandem::AutoReplyText {

QString when(const QDateTime &at, const QTimeZone &zone, const QLocale &locale)
{
    const QDateTime local = at.toTimeZone(zone);
    // The system may know UTC by its database name; customers know it as UTC.
    QString name = QString::fromUtf8(zone.id());
    if (name == QLatin1String("Etc/UTC") || name == QLatin1String("Etc/GMT")
        || name == QLatin1String("Etc/Universal"))
        name = QStringLiteral("UTC");
    return QStringLiteral("%1 (%2)").arg(
        locale.toString(local, QStringLiteral("dddd d MMMM, HH:mm")), name);
}

QString fill(QString text, const QDateTime &opening, const QDateTime &replyBy,
             const QTimeZone &zone, const QLocale &locale, const QString &unknown)
{
    const auto written = [&](const QDateTime &at) {
        return at.isValid() ? when(at, zone, locale) : unknown;
    };
    text.replace(QLatin1String("{opening}"), written(opening));
    text.replace(QLatin1String("{replyBy}"), written(replyBy));
    return text;
}

} // namespace Tandem::AutoReplyText
