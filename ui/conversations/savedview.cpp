// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Tandem {

QByteArray SavedView::toJson(const QList<SavedView> &views)
{
    QJsonArray list;
    for (const SavedView &v : views) {
        list.append(QJsonObject{{QStringLiteral("name"), v.name},
                                {QStringLiteral("view"), int(v.view)},
                                {QStringLiteral("order"), int(v.order)},
                                {QStringLiteral("inbox"), v.narrowing.inboxId},
                                {QStringLiteral("channel"), v.narrowing.channel},
                                {QStringLiteral("label"), v.narrowing.labelId},
                                {QStringLiteral("priority"), v.narrowing.priority},
                                {QStringLiteral("status"), v.narrowing.status}});
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

QList<SavedView> SavedView::fromJson(const QByteArray &json)
{
    QList<SavedView> views;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = value.toObject();
        SavedView v;
        v.name = o.value(QLatin1String("name")).toString().trimmed().left(MaxNameChars);
        const int view = o.value(QLatin1String("view")).toInt(-1);
        const int order = o.value(QLatin1String("order")).toInt(-1);
        if (v.name.isEmpty() || view < 0 || view >= ConversationListModel::ViewCount || order < 0
            || order > int(ConversationListModel::Order::LongestWaiting))
            continue;
        v.view = ConversationListModel::View(view);
        v.order = ConversationListModel::Order(order);
        v.narrowing.inboxId = o.value(QLatin1String("inbox")).toInteger();
        v.narrowing.channel = o.value(QLatin1String("channel")).toString();
        v.narrowing.labelId = o.value(QLatin1String("label")).toInteger();
        v.narrowing.priority = o.value(QLatin1String("priority")).toInt(-1);
        v.narrowing.status = o.value(QLatin1String("status")).toString();
        views.append(v);
        if (views.size() == MaxCount)
            break;
    }
    return views;
}

} // namespace Tandem
