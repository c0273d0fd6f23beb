// SPDX-License-Identifier: GPL-3.0-or-later
#include "activitytext.h"

#include "conversations/conversationdelegate.h"

#include <QLocale>

namespace Tandem {

QString ActivityText::wakeTime(const QDateTime &until, const QDateTime &now)
{
    const QDateTime local = until.toLocalTime();
    const QLocale locale;
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    const qint64 days = now.toLocalTime().date().daysTo(local.date());
    if (days == 0)
        return tr("today %1").arg(time);
    if (days == 1)
        return tr("tomorrow %1").arg(time);
    if (days > 1 && days < 7)
        return QStringLiteral("%1 %2").arg(
            locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat), time);
    return locale.toString(local, QLocale::ShortFormat);
}

QString ActivityText::describe(const QVariantMap &activity, const QString &who,
                               const QString &fallback)
{
    const QString change = activity.value(QStringLiteral("change")).toString();
    const QString name = who.isEmpty() ? tr("Someone") : who;
    if (change == QLatin1String("status")) {
        const QString status = activity.value(QStringLiteral("status")).toString();
        const QString because = activity.value(QStringLiteral("because")).toString();
        if (because == QLatin1String("time"))
            return tr("Its snooze ran out: open again");
        if (because == QLatin1String("customer"))
            return tr("The customer wrote: open again");
        if (status == QLatin1String("snoozed")) {
            const QDateTime until = QDateTime::fromString(
                activity.value(QStringLiteral("until")).toString(), Qt::ISODateWithMs);
            return until.isValid() ? tr("%1 snoozed it until %2")
                                         .arg(name, wakeTime(until, QDateTime::currentDateTime()))
                                   : tr("%1 snoozed it until the customer writes").arg(name);
        }
        if (status == QLatin1String("pending"))
            return tr("%1 set it pending: waiting on the customer").arg(name);
        if (status == QLatin1String("resolved"))
            return tr("%1 resolved it").arg(name);
        if (status == QLatin1String("open"))
            return tr("%1 reopened it").arg(name);
    }
    if (change == QLatin1String("assignee")) {
        const QVariantMap to = activity.value(QStringLiteral("to")).toMap();
        const QString toName = to.value(QStringLiteral("name")).toString();
        if (to.isEmpty())
            return tr("%1 unassigned it").arg(name);
        if (activity.value(QStringLiteral("automatic")).toBool())
            return tr("Assigned to %1 automatically").arg(toName);
        if (toName == who)
            return tr("%1 took it").arg(name);
        return tr("%1 assigned it to %2").arg(name, toName);
    }
    if (change == QLatin1String("labels")) {
        const auto names = [&activity](const char *key) {
            QStringList list;
            for (const QVariant &label : activity.value(QLatin1String(key)).toList())
                list << label.toMap().value(QStringLiteral("name")).toString();
            return QLocale().createSeparatedList(list);
        };
        const QString added = names("added");
        const QString removed = names("removed");
        if (!added.isEmpty() && !removed.isEmpty())
            return tr("%1 added %2 and removed %3").arg(name, added, removed);
        if (!added.isEmpty())
            return tr("%1 added %2").arg(name, added);
        if (!removed.isEmpty())
            return tr("%1 removed %2").arg(name, removed);
    }
    if (change == QLatin1String("merged"))
        return tr("%1 merged conversation %2 into this one")
            .arg(name)
            .arg(activity.value(QStringLiteral("from")).toLongLong());
    if (change == QLatin1String("unmerged"))
        return tr("%1 took conversation %2 back out of this one")
            .arg(name)
            .arg(activity.value(QStringLiteral("from")).toLongLong());
    if (change == QLatin1String("priority")) {
        const int level = activity.value(QStringLiteral("priority")).toInt();
        return level == Priority::None ? tr("%1 took its priority away").arg(name)
                                       : tr("%1 set the priority to %2")
                                             .arg(name, ConversationDelegate::priorityName(level));
    }
    return fallback;
}

} // namespace Tandem
