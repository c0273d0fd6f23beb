// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/conversation.h"
#include "domain/livechat.h"
#include "domain/message.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <initializer_list>

namespace Tandem {

//! What the conversation list shows of a conversation: light enough to keep every one in
//! memory.
struct ConversationSummary {
    qint64 id = 0;
    qint64 customerId = 0;
    QString customerName;
    QString channel;
    QString status;
    QDateTime updatedAt;
    qint64 lastMessageId = 0;
    QString lastText; // the newest message, possibly cut short
    Party::Kind lastAuthorKind = Party::Kind::Customer;
    QDateTime lastMessageAt; // invalid when there is no message yet
    int unread = 0;          // customer messages after the agent's read marker

    // Live chat (docs/protocol.md, "Live chat and routing").
    ConversationMode mode = ConversationMode::Async;
    LiveState liveState = LiveState::None;
    qint64 assigneeId = 0; // 0: nobody has it
    QString assigneeName;
    int priority = 0;
    QDateTime queuedAt; // these three are invalid until they happened
    QDateTime assignedAt;
    QDateTime endedAt;
    int ratingScore = 0; // 0: not rated
    QString ratingComment;
    //! The newest transfer: who handed it on, to whom, and their note.
    QString transferFrom;
    qint64 transferTo = 0;
    QString transferNote;

    // The async inbox (docs/protocol.md, "Inboxes and teams", "Statuses").
    qint64 inboxId = 0;
    QDateTime snoozedUntil;     // invalid: not snoozed, or until the customer writes
    QString wokeBecause;        // WokeBecause, while it stands
    QList<qint64> labels;       // label ids, ascending
    qint64 mergedInto = 0;      // merged into that conversation (docs/protocol.md, "Merging")
    qint64 mentioned = 0;       // the newest note naming the signed-in agent (0: none)
    bool mentionUnread = false; // that note is past their read marker
    int pendingActions = 0;     // changes made offline, waiting to be sent

    // Promises and SLA clocks (docs/protocol.md, "Business hours", "SLA").
    QDateTime createdAt;
    QDateTime firstReplyAt; // invalid: staff have not replied yet
    QDateTime promisedBy;   // the reply time last promised (invalid: none)
    QDateTime promiseAnsweredAt;
    SlaRecord sla;

    bool isLive() const { return mode == ConversationMode::Live; }
    //! Whether the customer is waiting for an answer: the newest message is theirs.
    bool customerWaiting() const
    {
        return lastMessageId != 0 && lastAuthorKind == Party::Kind::Customer;
    }

    bool operator==(const ConversationSummary &o) const;
};

} // namespace Tandem

// Every member moves with its bytes: a list of ten thousand grows by realloc, not copies.
Q_DECLARE_TYPEINFO(Tandem::ConversationSummary, Q_RELOCATABLE_TYPE);

namespace Tandem {

namespace CacheRows {

//! A column of ms since the epoch, as the cache stores times.
QDateTime time(const QVariant &ms);
//! An author_kind column ("agent", else a customer).
Party::Kind authorKind(const QVariant &name);

//! Every cached conversation's summary (merged ones too), newest activity first; at most
//! `limit` of them when it is positive. Read with `db`, on the thread that opened it.
//! `ok`, when given, says whether the read succeeded (an empty list may be either).
QList<ConversationSummary> summaries(const QSqlDatabase &db, int limit = 0, bool *ok = nullptr);
//! The summaries of the conversations the SQL after "FROM conversations" picks.
QList<ConversationSummary> summariesWhere(const QSqlDatabase &db, const QString &rest,
                                          std::initializer_list<QVariant> binds,
                                          bool *ok = nullptr);

} // namespace CacheRows

} // namespace Tandem
