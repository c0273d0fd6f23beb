// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery.h"
#include "party.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

namespace Tandem {

//! What a message is: one of the conversation's own (from the customer, or a reply to
//! them), a private note between staff, or a line of the thread's timeline that records a
//! change ("Dana snoozed it until Tue 09:00"). Notes and activities never reach customers.
enum class MessageKind { Ordinary, Note, Activity };
QString messageKindName(MessageKind kind); // "message", "note", "activity"
std::optional<MessageKind> messageKindFromName(const QString &name);

struct Message;
//! What a message keeps beside its text (a note's mentions, an activity's change) as one
//! compact JSON object, for a store's column; empty when there is nothing.
QString messageDetail(const Message &message);
//! Reads that back into `message`.
void readMessageDetail(Message &message, const QString &detail);

//! A message written in a conversation. `clientId` is chosen by the writer and makes a
//! retried send return the original message instead of a second copy.
struct Message {
    qint64 id = 0;
    qint64 conversationId = 0;
    QUuid clientId;
    Party author;
    QString text;
    QDateTime createdAt;
    //! How far a reply got through its channel, as staff see it (unset: not known here, or
    //! not a reply); `deliveryError` says why a failed one did not go.
    std::optional<DeliveryState> delivery;
    QString deliveryError;
    MessageKind kind = MessageKind::Ordinary;
    //! A note's: the agents it mentions (by id, ascending).
    QList<qint64> mentions;
    //! An activity's: what changed, as docs/protocol.md ("Timeline") describes it.
    QJsonObject activity;
    //! Moved here when the conversation it was written in was merged into this one.
    qint64 mergedFrom = 0;
    //! A message that came or went by email: its subject, sender, recipients, Message-ID,
    //! folded history and files, as docs/protocol.md ("Email") describes them.
    QJsonObject email;

    //! Only staff see it.
    bool isStaffOnly() const { return kind != MessageKind::Ordinary; }

    bool operator==(const Message &o) const
    {
        return id == o.id && conversationId == o.conversationId && clientId == o.clientId
               && author == o.author && text == o.text && createdAt == o.createdAt
               && delivery == o.delivery && deliveryError == o.deliveryError && kind == o.kind
               && mentions == o.mentions && activity == o.activity && mergedFrom == o.mergedFrom
               && email == o.email;
    }
};

} // namespace Tandem
