// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoreply.h"

#include "calendar/autoreplytext.h"
#include "channels/channeloperations.h"
#include "conversations/staffnotice.h"
#include "expectedreply.h"
#include "protocol/events.h"

namespace Tandem::Server::AutoReply {
namespace {

//! The same conversation and stretch (closed: the automatic reply; open: the busy reply)
//! always give the same id, so the store's unique clientId keeps it to one reply even if
//! asked twice.
QUuid replyId(const char *kind, qint64 conversationId, const QDateTime &stretch)
{
    static const QUuid space(QStringLiteral("{6d1c1f52-4d0e-4b8e-9a43-3c5b2f0e7a11}"));
    const QString name = QStringLiteral("%1/%2/%3")
                             .arg(QLatin1String(kind))
                             .arg(conversationId)
                             .arg(stretch.isValid() ? stretch.toMSecsSinceEpoch() : 0);
    return QUuid::createUuidV5(space, name);
}

} // namespace

Result<std::optional<Sent>> answer(Store &store, Conversation &conversation, const Message &message,
                                   bool automatic, const Context &context)
{
    if (automatic || message.author.kind != Party::Kind::Customer || message.isStaffOnly())
        return std::optional<Sent>();
    const std::optional<BusinessCalendar> calendar = context.hours.calendarOf(conversation.inboxId);
    const QDateTime now = store.now();
    if (!calendar)
        return std::optional<Sent>();
    // Closed: the automatic reply, unless the team wants none. Open: the busy reply, if
    // the team asked for one and the wait turns out long (below).
    const bool open = calendar->isOpen(now);
    if (open ? !calendar->busyAfterMinutes() : calendar->autoReply().isEmpty())
        return std::optional<Sent>();
    // A live chat under way has the queue's own wait to go by.
    if (open
        && (conversation.liveState == LiveState::Queued
            || conversation.liveState == LiveState::Active))
        return std::optional<Sent>();

    // Someone is talking with them right now: no "we are closed" in the middle of it. What
    // machines said (an out-of-office, our own automatic replies) is no talk.
    const auto previous = store.messages(conversation.id, message.id, 20, MessageView::Customer);
    if (!previous)
        return storageFailed(previous.failure());
    for (auto it = previous->crbegin(); it != previous->crend(); ++it) {
        if (it->author.kind == Party::Kind::System
            || it->email.contains(QLatin1String("automatic")))
            continue;
        if (it->createdAt.secsTo(now)
            < std::chrono::duration_cast<std::chrono::seconds>(QuietPeriod).count())
            return std::optional<Sent>();
        break;
    }

    // Once per closed stretch, and once per open one (told apart by when it closes).
    const QUuid id = open ? replyId("busy-reply", conversation.id, calendar->nextClosing(now))
                          : replyId("auto-reply", conversation.id, calendar->lastClosing(now));
    const auto earlier = store.messageByClientId(id);
    if (!earlier && !earlier.isNotFound())
        return storageFailed(earlier.failure());
    if (earlier)
        return std::optional<Sent>();

    const qint64 team = context.hours.teamOf(conversation.inboxId);
    const QDateTime opening = calendar->nextOpening(now);
    // The team works through those waiting in turn when it opens (what each place takes
    // was learnt the same way): this customer's place is behind everyone waiting now.
    const ExpectedReply::Estimate estimate = context.estimates.value(team);
    qint64 seconds = estimate.typical;
    if (estimate.countsPlaces()) {
        const auto waiting = store.countAwaitingFirstReply(context.hours.inboxesOf(team));
        if (!waiting)
            return storageFailed(waiting.failure());
        seconds =
            estimate.secondsFor(waiting.value() + (conversation.firstReplyAt.isValid() ? 1 : 0));
    }
    // In hours the team says so only when the wait is long.
    if (open && seconds <= qint64(*calendar->busyAfterMinutes()) * 60)
        return std::optional<Sent>();
    const QDateTime promisedBy = calendar->addBusinessSeconds(now, seconds);
    const QTimeZone zone = context.zone.isValid() ? context.zone : calendar->zone();

    Message reply;
    reply.conversationId = conversation.id;
    reply.clientId = id;
    reply.author = Party{Party::Kind::System, 0, {}};
    reply.text = AutoReplyText::fill(open ? calendar->busyReply() : calendar->autoReply(), opening,
                                     promisedBy, zone, context.locale, QStringLiteral("soon"));
    reply.createdAt = now;
    auto inserted = store.insertMessage(reply);
    if (!inserted)
        return storageFailed(inserted.failure());
    // The promise made, to be held against the first answer from staff after it.
    conversation.promisedBy = promisedBy;
    conversation.promiseAnsweredAt = QDateTime();
    if (auto noted =
            StaffNotice::record(store, conversation, Events::Change::Promised, reply.author);
        !noted)
        return noted.failure();
    Event created = Events::messageCreated(inserted.value(), conversation);
    if (auto appended = store.appendEvent(created); !appended)
        return storageFailed(appended.failure());
    if (auto queued = ChannelOperations::queueReply(store, inserted.value(), conversation); !queued)
        return queued.failure();
    return std::optional<Sent>(Sent{inserted.value(), promisedBy});
}

} // namespace Tandem::Server::AutoReply
