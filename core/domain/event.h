// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent.h"
#include "conversation.h"
#include "delivery.h"
#include "message.h"
#include "team.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <memory>
#include <optional>

namespace Tandem {

//! What an event is about, as domain values. Set by whoever records the change, so the
//! server's own parts (routing, later SLA clocks) read typed values, not the wire form.
//! Events read back from the log or off the wire carry none.
struct EventSubject {
    std::optional<Conversation> conversation;
    std::optional<Message> message;
    std::optional<Agent> agent;
    qint64 agentId = 0; // agent.presence: whose
    std::optional<Presence> presence;
    std::optional<DeliveryState> delivery; // message.delivery: the new state
    //! team.saved, inbox.saved: the agents whose inboxes changed, with what they see now.
    QHash<qint64, QSet<qint64>> access;
    //! team.saved, inbox.saved: what was saved.
    std::optional<Team> team;
    std::optional<Inbox> inbox;
    //! conversation.updated: what changed ("status", "replied", …).
    QString change;
};

//! A durable change as recorded in the event log. Its wire form is `dataJson` when that is
//! set (always for one read back from the log, and for the events made for every message,
//! which are written straight as text), else `data`; `conversationId`/`customerId` say who
//! may see it (0: not tied to one), and so do `inboxId` (the conversation's inbox),
//! `assigneeId` (its assignee after the change) and `priorAssigneeId` (before it, when
//! the change took it from someone). Off the wire (the desktop's sync) `data` is set.
struct Event {
    qint64 seq = 0;
    QString kind;
    qint64 conversationId = 0;
    qint64 customerId = 0;
    qint64 inboxId = 0;
    qint64 assigneeId = 0;
    qint64 priorAssigneeId = 0;
    bool staffOnly = false;
    QJsonObject data;
    //! The wire form as compact JSON text: frames wrap it without encoding anything again.
    QByteArray dataJson;
    std::shared_ptr<const EventSubject> subject;
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
inline const QString MessageDelivery = QStringLiteral("message.delivery");
inline const QString TeamSaved = QStringLiteral("team.saved");
inline const QString InboxSaved = QStringLiteral("inbox.saved");
inline const QString LabelSaved = QStringLiteral("label.saved");
inline const QString LabelDeleted = QStringLiteral("label.deleted");
inline const QString CustomerUpdated = QStringLiteral("customer.updated");
inline const QString ConversationMerged = QStringLiteral("conversation.merged");
inline const QString ConversationUnmerged = QStringLiteral("conversation.unmerged");
} // namespace EventKind

} // namespace Tandem
