// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/event.h"
#include "../domain/party.h"
#include "errorcode.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

//! The envelope of every frame: reading a request, writing replies, events and the
//! other server frames (docs/protocol.md, "Frames").
namespace Tandem::Frames {

//! A request as read off the wire; `fields` is the whole object, for the command decoders.
struct Request {
    QString type;
    QJsonValue id; // a string once decoded; null when the frame was unreadable
    QJsonObject fields;
};

//! Reads one text frame. On failure `request.id` holds the request's id when it could be
//! found, so the error reply can name it.
bool decodeRequest(const QString &text, Request &request, Failure &failure);

QString ok(const QJsonValue &id, const QJsonObject &data = {});
//! The same with `dataJson`, an object already written as JSON text.
QString ok(const QJsonValue &id, const QByteArray &dataJson);
QString error(const QJsonValue &id, const Failure &failure);
QString event(const Event &event);
QString snapshot(qint64 seq, const QJsonObject &data);
QString synced(qint64 seq);
QString typing(qint64 conversationId, const Party &author, bool on);
//! The staff who have `conversationId` open now.
QString viewers(qint64 conversationId, const QList<Party> &viewers);

} // namespace Tandem::Frames
