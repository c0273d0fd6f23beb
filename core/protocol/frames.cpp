// SPDX-License-Identifier: GPL-3.0-or-later
#include "frames.h"

#include "jsonwriter.h"
#include "limits.h"
#include "wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Tandem::Frames {
namespace {
QString toText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

bool decodeRequest(const QString &text, Request &request, Failure &failure)
{
    request = Request{};
    request.id = QJsonValue(QJsonValue::Null);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        failure = {ErrorCode::BadFrame, QStringLiteral("Not valid JSON: %1 at offset %2")
                                            .arg(parseError.errorString())
                                            .arg(parseError.offset)};
        return false;
    }
    if (!doc.isObject()) {
        failure = {ErrorCode::BadFrame, QStringLiteral("A frame must be a JSON object")};
        return false;
    }
    request.fields = doc.object();
    const QJsonValue id = request.fields.value(QLatin1String("id"));
    if (!id.isString() || id.toString().isEmpty()
        || id.toString().size() > Protocol::MaxRequestIdChars) {
        failure = {ErrorCode::BadFrame, QStringLiteral("id must be a string of 1 to %1 characters")
                                            .arg(Protocol::MaxRequestIdChars)};
        return false;
    }
    request.id = id;
    const QJsonValue type = request.fields.value(QLatin1String("type"));
    if (!type.isString() || type.toString().isEmpty() || type.toString().size() > 32) {
        failure = {ErrorCode::BadFrame, QStringLiteral("type must be a short string")};
        return false;
    }
    request.type = type.toString();
    return true;
}

QString ok(const QJsonValue &id, const QJsonObject &data)
{
    return ok(id, QJsonDocument(data).toJson(QJsonDocument::Compact));
}

QString ok(const QJsonValue &id, const QByteArray &dataJson)
{
    JsonWriter w;
    w.beginObject().key("data").raw(dataJson).key("id").value(id).key("type").value(
        QStringLiteral("ok"));
    return QString::fromUtf8(w.endObject().take());
}

QString error(const QJsonValue &id, const Failure &failure)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), QStringLiteral("error"));
    o.insert(QStringLiteral("id"), id.isString() ? id : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("code"), errorCodeName(failure.code));
    o.insert(QStringLiteral("message"), failure.message);
    if (failure.retryAfterMs)
        o.insert(QStringLiteral("retryAfterMs"), *failure.retryAfterMs);
    return toText(o);
}

QString event(const Event &e)
{
    if (e.dataJson.isEmpty())
        return toText({{QStringLiteral("type"), QStringLiteral("event")},
                       {QStringLiteral("seq"), e.seq},
                       {QStringLiteral("event"), e.kind},
                       {QStringLiteral("data"), e.data}});
    // The log already holds `data` as JSON text: wrap it rather than encode it again. The
    // kind is one of ours (plain ASCII, nothing to escape).
    QByteArray frame;
    frame.reserve(e.dataJson.size() + e.kind.size() + 64);
    frame.append(R"({"data":)")
        .append(e.dataJson)
        .append(R"(,"event":")")
        .append(e.kind.toLatin1())
        .append(R"(","seq":)")
        .append(QByteArray::number(e.seq))
        .append(R"(,"type":"event"})");
    return QString::fromUtf8(frame);
}

QString snapshot(qint64 seq, const QJsonObject &data)
{
    return toText({{QStringLiteral("type"), QStringLiteral("snapshot")},
                   {QStringLiteral("seq"), seq},
                   {QStringLiteral("data"), data}});
}

QString synced(qint64 seq)
{
    return toText(
        {{QStringLiteral("type"), QStringLiteral("synced")}, {QStringLiteral("seq"), seq}});
}

QString typing(qint64 conversationId, const Party &author, bool on)
{
    return toText({{QStringLiteral("type"), QStringLiteral("typing")},
                   {QStringLiteral("conversation"), conversationId},
                   {QStringLiteral("author"), Wire::encode(author)},
                   {QStringLiteral("on"), on}});
}

QString viewers(qint64 conversationId, const QList<Party> &viewers)
{
    QJsonArray list;
    for (const Party &p : viewers)
        list.append(Wire::encode(p));
    return toText({{QStringLiteral("type"), QStringLiteral("viewers")},
                   {QStringLiteral("conversation"), conversationId},
                   {QStringLiteral("viewers"), list}});
}

} // namespace Tandem::Frames
