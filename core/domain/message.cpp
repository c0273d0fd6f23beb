// SPDX-License-Identifier: GPL-3.0-or-later
#include "message.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Tandem {

QString messageKindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Ordinary:
        return QStringLiteral("message");
    case MessageKind::Note:
        return QStringLiteral("note");
    case MessageKind::Activity:
        return QStringLiteral("activity");
    }
    return {};
}

std::optional<MessageKind> messageKindFromName(const QString &name)
{
    for (MessageKind kind : {MessageKind::Ordinary, MessageKind::Note, MessageKind::Activity})
        if (messageKindName(kind) == name)
            return kind;
    return std::nullopt;
}

QString messageDetail(const Message &m)
{
    if (m.mentions.isEmpty() && m.activity.isEmpty() && m.email.isEmpty())
        return {};
    QJsonObject detail;
    if (!m.mentions.isEmpty()) {
        QJsonArray mentions;
        for (qint64 id : m.mentions)
            mentions.append(id);
        detail.insert(QStringLiteral("mentions"), mentions);
    }
    if (!m.activity.isEmpty())
        detail.insert(QStringLiteral("activity"), m.activity);
    if (!m.email.isEmpty())
        detail.insert(QStringLiteral("email"), m.email);
    return QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

void readMessageDetail(Message &m, const QString &detail)
{
    if (detail.isEmpty())
        return;
    const QJsonObject json = QJsonDocument::fromJson(detail.toUtf8()).object();
    m.mentions.clear();
    for (const QJsonValue &id : json.value(QLatin1String("mentions")).toArray())
        m.mentions.append(id.toInteger());
    m.activity = json.value(QLatin1String("activity")).toObject();
    m.email = json.value(QLatin1String("email")).toObject();
}

} // namespace Tandem
