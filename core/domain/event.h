// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Tandem {

//! A durable change as recorded in the event log. `data` is already in wire form;
//! `conversationId`/`customerId` say who may see it (0: not tied to one).
struct Event {
    qint64 seq = 0;
    QString kind;
    qint64 conversationId = 0;
    qint64 customerId = 0;
    bool staffOnly = false;
    QJsonObject data;
};

namespace EventKind {
inline const QString ConversationCreated = QStringLiteral("conversation.created");
inline const QString MessageCreated = QStringLiteral("message.created");
inline const QString ConversationRead = QStringLiteral("conversation.read");
inline const QString AgentPresence = QStringLiteral("agent.presence");
inline const QString ConversationUpdated = QStringLiteral("conversation.updated");
inline const QString ConversationTransferred = QStringLiteral("conversation.transferred");
inline const QString AgentUpdated = QStringLiteral("agent.updated");
inline const QString CannedSaved = QStringLiteral("canned.saved");
inline const QString CannedDeleted = QStringLiteral("canned.deleted");
} // namespace EventKind

} // namespace Tandem
