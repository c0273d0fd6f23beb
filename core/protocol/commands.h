// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/conversation.h"
#include "../domain/livechat.h"
#include "../domain/presence.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUuid>
#include <optional>

//! The requests a client can make, each with a decoder that validates every field
//! (docs/protocol.md, "Handshake" and "Commands").
namespace Tandem::Commands {

struct SignIn {
    QString email;
    QString password;
    std::optional<qint64> resumeFrom;
};

struct AgentHello {
    QString token;
    std::optional<qint64> resumeFrom;
};

struct CustomerHello {
    std::optional<QString> token;
    QString name;
    QString email;
    std::optional<qint64> resumeFrom;
    //! Where the customer is: an IANA timezone name ("Europe/Berlin") and a BCP 47
    //! language tag ("de-DE"), for the times automatic replies give (empty: not said).
    QString timezone;
    QString language;
};

struct Send {
    std::optional<qint64> conversationId;
    QUuid clientId;
    QString text;
    //! How a conversation this message starts is worked (customers only).
    ConversationMode mode = ConversationMode::Async;
    //! The web inbox a conversation this message starts goes to (customers only; unset:
    //! the first web inbox).
    std::optional<qint64> inboxId;
    //! A private note to staff (staff only), and the agents it mentions.
    bool note = false;
    QList<qint64> mentions;
    //! An email reply's copied addresses (staff only, replies in email conversations only;
    //! empty: the thread's own people).
    QStringList cc;
    //! Files uploaded before (staff only, replies in email conversations), in order.
    QList<QUuid> files;
    //! A new email written by staff: the address it goes to (and the name of whoever has
    //! it), and its subject; `inboxId` is then the email inbox it goes from.
    QString to;
    QString toName;
    QString subject;
    bool startsEmail() const { return !to.isEmpty(); }
};

//! `assign`: who works an async conversation (docs/protocol.md, "Assignment").
struct Assign {
    qint64 conversationId = 0;
    std::optional<qint64> agentId; //!< unset: nobody
    //! Even when the agent already has as many as their async capacity.
    bool force = false;
};
Result<Assign> decodeAssign(const QJsonObject &fields);

//! `merge`: `conversationId`'s messages join `intoId`, a conversation of the same customer
//! (docs/protocol.md, "Merging"). `unmerge` (with `intoId` 0) undoes it for a while.
struct Merge {
    qint64 conversationId = 0;
    qint64 intoId = 0;
};
Result<Merge> decodeMerge(const QJsonObject &fields);

//! `customer` and `customer.update`: the customer of a conversation (docs/protocol.md,
//! "Customers"). For an update, what is set changes.
struct CustomerCommand {
    qint64 conversationId = 0;
    std::optional<QString> name;
    std::optional<QString> email;
};
Result<CustomerCommand> decodeCustomer(const QJsonObject &fields);
Result<CustomerCommand> decodeUpdateCustomer(const QJsonObject &fields);
Result<Merge> decodeUnmerge(const QJsonObject &fields);

//! A send of `text` into `conversation` (unset: starting one), everything else as default.
inline Send sendOf(std::optional<qint64> conversation, const QUuid &clientId, const QString &text)
{
    Send s;
    s.conversationId = conversation;
    s.clientId = clientId;
    s.text = text;
    return s;
}

//! `status`: where a conversation stands (docs/protocol.md, "Statuses").
struct SetStatus {
    qint64 conversationId = 0;
    QString status;
    QDateTime until; //!< snoozed until then; invalid: until the customer writes
};
Result<SetStatus> decodeSetStatus(const QJsonObject &fields);

struct History {
    qint64 conversationId = 0;
    std::optional<qint64> before;
    int limit = 0;
};

//! Messages and notes matching what was typed, newest first (`search`).
struct Search {
    QString query;
    std::optional<qint64> before; //!< continue below this message id
    int limit = 0;
};

//! A page of open conversations, newest activity first (`conversations`).
struct ConversationPage {
    //! Continue after this conversation (its `updatedAt` and id); absent: from the newest.
    std::optional<std::pair<QDateTime, qint64>> after;
    int limit = 0;
    //! The resolved conversations instead of the others (staff; customers see all theirs).
    bool resolved = false;
};

struct MarkRead {
    qint64 conversationId = 0;
    qint64 upTo = 0;
};

struct Typing {
    qint64 conversationId = 0;
    bool on = false;
};

//! `viewing`: the conversation an agent has open (unset: none).
struct Viewing {
    std::optional<qint64> conversationId;
};
Result<Viewing> decodeViewing(const QJsonObject &fields);

struct SetPresence {
    Presence status = Presence::Offline;
};

//! clock.advance: moves a server started with --manual-clock forward (tests).
struct ClockAdvance {
    qint64 ms = 0;
};
Result<ClockAdvance> decodeClockAdvance(const QJsonObject &fields);

//! accept, decline, end, followup: a command about one conversation and nothing else.
struct ConversationRef {
    qint64 conversationId = 0;
};

struct Transfer {
    qint64 conversationId = 0;
    qint64 agentId = 0;
    QString note;
};

struct Rate {
    qint64 conversationId = 0;
    Rating rating;
};

struct SetPriority {
    qint64 conversationId = 0;
    int priority = 0;
};

struct UpdateAgent {
    qint64 agentId = 0;
    std::optional<int> capacity;
    std::optional<bool> autoAccept;
    std::optional<int> asyncCapacity;
};

struct SaveCanned {
    std::optional<qint64> id;
    QString shortcut;
    QString text;
};

struct DeleteCanned {
    qint64 id = 0;
};

Result<SignIn> decodeSignIn(const QJsonObject &fields);
Result<AgentHello> decodeAgentHello(const QJsonObject &fields);
Result<CustomerHello> decodeCustomerHello(const QJsonObject &fields);
//! `staff`: an agent's, who writes in existing conversations or starts a new email
//! (docs/protocol.md, "send").
Result<Send> decodeSend(const QJsonObject &fields, bool staff);
Result<History> decodeHistory(const QJsonObject &fields);
Result<Search> decodeSearch(const QJsonObject &fields);
Result<ConversationPage> decodeConversationPage(const QJsonObject &fields);
Result<MarkRead> decodeMarkRead(const QJsonObject &fields);
Result<Typing> decodeTyping(const QJsonObject &fields);
Result<SetPresence> decodeSetPresence(const QJsonObject &fields);
Result<ConversationRef> decodeConversationRef(const QJsonObject &fields);
Result<Transfer> decodeTransfer(const QJsonObject &fields);
Result<Rate> decodeRate(const QJsonObject &fields);
Result<SetPriority> decodeSetPriority(const QJsonObject &fields);
Result<UpdateAgent> decodeUpdateAgent(const QJsonObject &fields);
Result<SaveCanned> decodeSaveCanned(const QJsonObject &fields);
Result<DeleteCanned> decodeDeleteCanned(const QJsonObject &fields);

} // namespace Tandem::Commands
