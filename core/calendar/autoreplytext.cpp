// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoreplytext.h"

namespace Tandem::AutoReplyText {

QString when(const QDateTime &at, const QTimeZone &zone, const QLocale &locale)
{
    const QDateTime local = at.toTimeZone(zone);
    return QStringLiteral("%1 (%2)").arg(locale.toString(local, QStringLiteral("dddd d MMMM, HH:mm")),
                                         QString::fromUtf8(zone.id()));
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
