// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace Tandem {

//! Writes compact JSON text straight into bytes, for the objects sent and logged for every
//! message, where building a QJsonObject and then serializing it cost more than all the
//! rest of the work. The text is what QJsonDocument::toJson(Compact) makes of the same
//! object when keys are written in sorted order (the codec tests check that it is).
//!
//!     JsonWriter w;
//!     w.beginObject().key("id").value(7).key("text").value(text).endObject();
//!     QByteArray json = w.take();
class JsonWriter
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    //! `name` is one of ours: plain ASCII with nothing to escape.
    JsonWriter &key(const char *name);
    JsonWriter &value(const QString &s);
    JsonWriter &value(qint64 n);
    JsonWriter &value(int n) { return value(qint64(n)); }
    JsonWriter &value(bool b);
    //! Not a string: a literal would otherwise become `true`. Pass a QString.
    JsonWriter &value(const char *) = delete;
    JsonWriter &null();
    //! Any JSON value (objects and arrays through QJsonDocument: for the rarer shapes).
    JsonWriter &value(const QJsonValue &v);
    //! Text that is already one JSON value.
    JsonWriter &raw(const QByteArray &json);
    //! A time as docs/protocol.md writes it: UTC, milliseconds, "2026-11-30T18:05:00.123Z"
    //! ("" for an invalid one, as the codec writes it).
    JsonWriter &time(const QDateTime &t);

    QByteArray take() { return std::exchange(m_out, {}); }

    //! `s` escaped as a JSON string's contents (no quotes), appended to `out`.
    static void appendEscaped(QByteArray &out, const QString &s);
    //! `t` (valid) in the form time() writes, without quotes.
    static QByteArray isoTime(const QDateTime &t);

private:
    void separate();

    QByteArray m_out;
};

} // namespace Tandem
