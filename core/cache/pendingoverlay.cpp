// SPDX-License-Identifier: GPL-3.0-or-later
#include "pendingoverlay.h"

#include "cachelogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace Tandem::CacheRows {
namespace {

QList<qint64> idsOf(const QJsonValue &value)
{
    QList<qint64> ids;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &id : array)
        ids.append(id.toInteger());
    return ids;
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

} // namespace

void applyPending(ConversationSummary &summary, const QString &type, const QJsonObject &fields,
                  const std::function<QString(qint64)> &agentName)
{
    if (type == QLatin1String("status")) {
        const QString status = fields.value(QLatin1String("status")).toString();
        if (status.isEmpty())
            return;
        summary.status = status;
        summary.wokeBecause.clear();
        summary.snoozedUntil =
            status == QLatin1String("snoozed") ? QDateTime::fromString(
                fields.value(QLatin1String("until")).toString(), Qt::ISODateWithMs)
                                               : QDateTime();
    } else if (type == QLatin1String("assign")) {
        const qint64 agent = fields.value(QLatin1String("agent")).toInteger();
        summary.assigneeId = agent;
        summary.assigneeName = agent != 0 ? agentName(agent) : QString();
    } else if (type == QLatin1String("labels")) {
        QList<qint64> labels = summary.labels;
        for (qint64 id : idsOf(fields.value(QLatin1String("add"))))
            if (!labels.contains(id))
                labels.append(id);
        for (qint64 id : idsOf(fields.value(QLatin1String("remove"))))
            labels.removeAll(id);
        std::sort(labels.begin(), labels.end());
        summary.labels = labels;
    } else if (type == QLatin1String("priority")) {
        const QJsonValue priority = fields.value(QLatin1String("priority"));
        if (priority.isDouble())
            summary.priority = priority.toInt();
    }
}

void applyPending(const QSqlDatabase &db, QList<ConversationSummary> &summaries)
{
    QList<qint64> waiting;
    for (const ConversationSummary &s : std::as_const(summaries))
        if (s.pendingActions > 0)
            waiting.append(s.id);
    if (waiting.isEmpty())
        return;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT conversation_id, type, fields FROM pending_actions"
                               " WHERE conversation_id IN (%1) ORDER BY id")
                    .arg(idList(waiting)))) {
        qCWarning(lcCache) << "reading waiting changes failed:" << q.lastError().text();
        return;
    }
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < summaries.size(); ++i)
        at.insert(summaries.at(i).id, i);
    QHash<qint64, QString> names;
    const auto agentName = [&db, &names](qint64 id) {
        const auto known = names.constFind(id);
        if (known != names.cend())
            return *known;
        QSqlQuery name(db);
        name.prepare(QStringLiteral("SELECT name FROM agents WHERE id = ?"));
        name.addBindValue(id);
        const QString found = name.exec() && name.next() ? name.value(0).toString() : QString();
        names.insert(id, found);
        return found;
    };
    while (q.next()) {
        const auto row = at.constFind(q.value(0).toLongLong());
        if (row == at.cend())
            continue;
        const QJsonObject fields = QJsonDocument::fromJson(q.value(2).toByteArray()).object();
        applyPending(summaries[*row], q.value(1).toString(), fields, agentName);
    }
}

} // namespace Tandem::CacheRows
