// SPDX-License-Identifier: GPL-3.0-or-later
#include "slapolicyjson.h"

#include "protocol/fieldreader.h"
#include "protocol/limits.h"

#include <QJsonArray>
#include <QSet>

namespace Tandem::SlaPolicyJson {
namespace {

qint64 minutesOf(FieldReader &r, const char *key)
{
    return r.optionalInteger(key, 1, MaxTargetMinutes).value_or(0) * 60;
}

} // namespace

QJsonObject encode(const SlaPolicy &policy)
{
    QJsonArray rules;
    for (const SlaRule &rule : policy.rules) {
        QJsonObject o;
        o.insert(QStringLiteral("inbox"), rule.inboxId ? QJsonValue(*rule.inboxId) : QJsonValue());
        o.insert(QStringLiteral("priority"),
                 rule.priority ? QJsonValue(*rule.priority) : QJsonValue());
        const auto put = [&o](const char *key, qint64 seconds) {
            if (seconds)
                o.insert(QLatin1String(key), seconds / 60);
        };
        put("firstReplyMinutes", rule.targets.firstReply);
        put("nextReplyMinutes", rule.targets.nextReply);
        put("resolutionMinutes", rule.targets.resolution);
        rules.append(o);
    }
    return {{QStringLiteral("warnAtPercent"), policy.warnPercent},
            {QStringLiteral("targets"), rules}};
}

Result<SlaPolicy> decode(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("sla"));
    SlaPolicy policy;
    policy.warnPercent = int(r.optionalInteger("warnAtPercent", 1, 99).value_or(80));
    const QJsonArray rules = r.array("targets");
    if (!r.ok())
        return r.failure();
    if (rules.size() > MaxRules)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("sla.targets: at most %1").arg(MaxRules)};
    QSet<QPair<qint64, int>> seen; // (inbox or 0, priority or -1)
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QString name = QStringLiteral("sla.targets[%1]").arg(i);
        if (!rules.at(i).isObject())
            return Failure{ErrorCode::BadRequest, name + QStringLiteral(": must be an object")};
        const QJsonObject o = rules.at(i).toObject();
        FieldReader t(o, name);
        SlaRule rule;
        if (!o.value(QLatin1String("inbox")).isNull())
            rule.inboxId = t.optionalId("inbox");
        if (!o.value(QLatin1String("priority")).isNull())
            if (auto p = t.optionalInteger("priority", 0, Protocol::MaxPriority))
                rule.priority = int(*p);
        rule.targets.firstReply = minutesOf(t, "firstReplyMinutes");
        rule.targets.nextReply = minutesOf(t, "nextReplyMinutes");
        rule.targets.resolution = minutesOf(t, "resolutionMinutes");
        if (t.ok() && rule.targets.isEmpty())
            t.fail("firstReplyMinutes", QStringLiteral("a rule needs at least one target"));
        if (!t.ok())
            return t.failure();
        const QPair<qint64, int> key{rule.inboxId.value_or(0), rule.priority.value_or(-1)};
        if (seen.contains(key))
            return Failure{ErrorCode::BadRequest,
                           name + QStringLiteral(": another rule has the same inbox and priority")};
        seen.insert(key);
        policy.rules.append(rule);
    }
    return policy;
}

} // namespace Tandem::SlaPolicyJson
