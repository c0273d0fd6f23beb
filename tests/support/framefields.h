// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

//! Reading the fields of protocol frames in tests, without the ceremony of QJsonValue.
namespace FrameFields {

//! A fresh clientId (or any other UUID) in the protocol's form.
inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

//! The fields of a `send` of `text`, into `conversation` (0: starting one).
inline QJsonObject sendFields(const QString &text, qint64 conversation = 0)
{
    QJsonObject fields{{QStringLiteral("clientId"), newId()}, {QStringLiteral("text"), text}};
    if (conversation)
        fields.insert(QStringLiteral("conversation"), conversation);
    return fields;
}

inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

inline qint64 integer(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}

inline QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

inline QString type(const QJsonObject &frame)
{
    return str(frame, "type");
}

inline QString code(const QJsonObject &frame)
{
    return str(frame, "code");
}

inline QJsonObject data(const QJsonObject &frame)
{
    return obj(frame, "data");
}

//! Whether `frame` is an event of `kind` ("message.created").
inline bool isEvent(const QJsonObject &frame, const QString &kind)
{
    return type(frame) == QLatin1String("event") && str(frame, "event") == kind;
}

inline bool isEvent(const QJsonObject &frame, const char *kind)
{
    return isEvent(frame, QString::fromLatin1(kind));
}

} // namespace FrameFields
