// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskoperations.h"

#include "visibility.h"

#include "accounts/tokens.h"
#include "assignoperations.h"
#include "channels/channeloperations.h"
#include "conversations/slacalendar.h"
#include "conversations/staffnotice.h"
#include "conversations/statuschanges.h"
#include "protocol/events.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"
#include "protocol/wirelabels.h"
#include "protocol/wireteams.h"
#include "search/searchexpression.h"
#include "uploads.h"

#include <QJsonArray>

namespace Tandem::Server::DeskOperations {
namespace {

Failure notFound()
{
    return {ErrorCode::NotFound, QStringLiteral("No such conversation")};
}

//! Staff's copies of replies say how far each got through its channel. `Messages`: any
//! container of Message (a page, or the newest of each conversation).
template<typename Messages>
Result<Done> addDelivery(Store &store, const Viewer &viewer, Messages &messages)
{
    if (!viewer.isStaff())
        return Done{};
    QList<qint64> replies;
    for (const Message &m : std::as_const(messages))
        if (m.author.kind != Party::Kind::Customer)
            replies.append(m.id);
    if (replies.isEmpty())
        return Done{};
    const auto records = store.outboundFor(replies);
    if (!records)
        return storageFailed(records.failure());
    for (Message &m : messages) {
        const auto record = records->constFind(m.id);
        if (record != records->cend()) {
            m.delivery = record->state;
            m.deliveryError =
                record->state == DeliveryState::Failed ? record->lastError : QString();
        }
    }
    return Done{};
}

} // namespace

Result<StaffSession> openStaffSession(Store &store, const Agent &agent, qint64 ttlSeconds)
{
    StaffSession s{Tokens::generate(), store.now().addSecs(ttlSeconds), agent, {}};
    if (auto created = store.createSession(Tokens::hash(s.token), agent.id, s.expiresAt); !created)
        return storageFailed(created.failure());
    auto inboxes = store.inboxesOf(agent.id);
    if (!inboxes)
        return storageFailed(inboxes.failure());
    s.inboxes = std::move(inboxes.value());
    return s;
}

Result<Staff> authenticateStaff(Store &store, const QByteArray &tokenHash)
{
    const auto session = store.session(tokenHash);
    if (!session && !session.isNotFound())
        return storageFailed(session.failure());
    if (!session || session->revoked)
        return Failure{ErrorCode::TokenInvalid,
                       QStringLiteral("This session has ended; sign in again")};
    if (session->expiresAt <= store.now())
        return Failure{ErrorCode::TokenExpired,
                       QStringLiteral("This session has expired; sign in again")};
    const auto agent = store.agentById(session->agentId);
    if (!agent && !agent.isNotFound())
        return storageFailed(agent.failure());
    if (!agent)
        return Failure{ErrorCode::TokenInvalid, QStringLiteral("The account no longer exists")};
    if (agent->disabled)
        return Failure{ErrorCode::AccountDisabled, QStringLiteral("This account is disabled")};
    auto inboxes = store.inboxesOf(agent->id);
    if (!inboxes)
        return storageFailed(inboxes.failure());
    return Staff{agent.value(), std::move(inboxes.value())};
}

Result<Done> signOut(Store &store, const QByteArray &tokenHash)
{
    if (auto revoked = store.revokeSession(tokenHash); !revoked)
        return revoked.isNotFound()
                   ? Failure{ErrorCode::TokenInvalid, QStringLiteral("No such session")}
                   : storageFailed(revoked.failure());
    return Done{};
}

Result<CustomerGrant> createCustomer(Store &store, const QString &name, const QString &email)
{
    CustomerGrant grant;
    grant.token = Tokens::generate();
    auto customer = store.createCustomer(Customer{0, name, email}, Tokens::hash(grant.token));
    if (!customer)
        return storageFailed(customer.failure());
    grant.customer = customer.value();
    // The widget is a channel like any other: its customers have an address on it.
    if (auto address = ChannelOperations::webAddress(store, grant.customer.id); !address)
        return address.failure();
    return grant;
}

Result<Customer> authenticateCustomer(Store &store, const QByteArray &tokenHash)
{
    auto customer = store.customerByToken(tokenHash);
    if (!customer && !customer.isNotFound())
        return storageFailed(customer.failure());
    if (!customer)
        return Failure{ErrorCode::TokenInvalid, QStringLiteral("Unknown customer token")};
    return *customer;
}

Result<Conversation> accessibleConversation(Store &store, const Viewer &viewer, qint64 id)
{
    // Another customer's conversation answers exactly like a missing one, so its
    // existence is not revealed.
    auto conversation = store.conversation(id);
    if (!conversation && !conversation.isNotFound())
        return storageFailed(conversation.failure());
    if (!conversation || !Visibility::mayAccess(viewer, *conversation))
        return notFound();
    // To its customer a merged conversation is the one it went into: one thread.
    if (!viewer.isStaff() && conversation->mergedInto)
        return accessibleConversation(store, viewer, conversation->mergedInto);
    return *conversation;
}

namespace {

//! A send whose clientId is taken: the original, provided it really is the same message.
Result<Sent> retried(Store &store, const Viewer &viewer, const Commands::Send &command,
                     const Message &existing)
{
    const bool same =
        existing.author.kind == viewer.party.kind && existing.author.id == viewer.party.id
        && existing.text == command.text && (existing.kind == MessageKind::Note) == command.note
        && (!command.conversationId || *command.conversationId == existing.conversationId);
    if (!same)
        return Failure{ErrorCode::Conflict,
                       QStringLiteral("clientId was already used for another message")};
    auto conversation = store.conversation(existing.conversationId);
    if (!conversation)
        return storageFailed(conversation.failure());
    return Sent{existing, *conversation};
}

//! The customer's message starts their wait for an answer (docs/protocol.md, "SLA"); staff's
//! reply ends it, and is the conversation's first (for the expected reply time) and the
//! answer to the reply time promised (docs/protocol.md, "Business hours").
Result<Done> recordAnswer(Store &store, Conversation &conversation, const Message &message)
{
    if (message.isStaffOnly())
        return Done{};
    if (message.author.kind == Party::Kind::Customer) {
        if (conversation.sla.awaitingSince.isValid())
            return Done{};
        conversation.sla.customerWrote(message.createdAt);
        return StaffNotice::record(store, conversation, Events::Change::Waiting, message.author);
    }
    if (message.author.kind != Party::Kind::Agent)
        return Done{};
    const bool first = !conversation.firstReplyAt.isValid();
    const bool answersPromise =
        conversation.promisedBy.isValid() && !conversation.promiseAnsweredAt.isValid();
    const bool answersWait = conversation.sla.awaitingSince.isValid();
    if (!first && !answersPromise && !answersWait)
        return Done{};
    if (answersWait) {
        const auto calendar = SlaCalendar::of(store, conversation.inboxId);
        if (!calendar)
            return calendar.failure();
        conversation.sla.staffReplied(first, message.createdAt,
                                      calendar.value() ? &*calendar.value() : nullptr);
    }
    if (first)
        conversation.firstReplyAt = message.createdAt;
    if (answersPromise)
        conversation.promiseAnsweredAt = message.createdAt;
    return StaffNotice::record(store, conversation, Events::Change::Replied, message.author);
}

Result<Sent> addMessage(Store &store, const Viewer &viewer, const Commands::Send &command,
                        Conversation conversation, bool started, const QDateTime &now,
                        const AutoReply::Context *autoReply)
{
    Message message;
    message.conversationId = conversation.id;
    message.clientId = command.clientId;
    message.author = viewer.party;
    message.text = command.text;
    message.createdAt = now;
    const bool email = conversation.channel == QLatin1String("email") && viewer.isStaff();
    if (!command.cc.isEmpty()) {
        // Whom an email reply copies: they join the thread's people, so their answers join
        // it too.
        if (!email)
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("cc: only replies in email conversations copy anyone")};
        message.email.insert(QStringLiteral("cc"), QJsonArray::fromStringList(command.cc));
    }
    if (command.startsEmail())
        message.email.insert(QStringLiteral("subject"), command.subject);
    if (!command.files.isEmpty()) {
        if (!email)
            return Failure{
                ErrorCode::BadRequest,
                QStringLiteral("files: only replies in email conversations carry files")};
        // A retry finds its uploads taken by the first send: it is answered as a retry.
        if (!started) {
            auto existing = store.messageByClientId(command.clientId);
            if (existing)
                return retried(store, viewer, command, *existing);
            if (!existing.isNotFound())
                return storageFailed(existing.failure());
        }
        auto files = Uploads::describe(store, viewer, command.files);
        if (!files)
            return files.failure();
        message.email.insert(QStringLiteral("attachments"), files.value());
    }
    if (command.note && viewer.isStaff()) {
        message.kind = MessageKind::Note;
        message.mentions = command.mentions;
        for (qint64 agentId : command.mentions) {
            const auto agent = store.agentById(agentId);
            if (!agent && !agent.isNotFound())
                return storageFailed(agent.failure());
            if (!agent)
                return Failure{ErrorCode::NotFound,
                               QStringLiteral("mentions: no such agent: %1").arg(agentId)};
        }
    }
    auto inserted = store.insertMessage(message);
    if (!inserted && inserted.error() == StoreError::Conflict && !started) {
        // The clientId is unique in the store: inserting is also the check for a retry.
        auto existing = store.messageByClientId(command.clientId);
        if (!existing)
            return storageFailed(existing.failure());
        return retried(store, viewer, command, *existing);
    }
    if (!inserted)
        return storageFailed(inserted.failure());
    if (auto attached = Uploads::attach(store, command.files, inserted->id); !attached)
        return attached.failure();
    for (const QString &address : command.cc)
        if (auto added = store.addParticipant(conversation.id, address); !added)
            return storageFailed(added.failure());
    conversation.updatedAt = now;
    if (auto answered = recordAnswer(store, conversation, inserted.value()); !answered)
        return answered.failure();
    Event e = Events::messageCreated(inserted.value(), conversation);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    // A reply goes out through its conversation's channel (the widget, email, WhatsApp,
    // Telegram), queued in this same transaction so it is never lost nor sent unsaved.
    if (auto queued = ChannelOperations::queueReply(store, inserted.value(), conversation); !queued)
        return queued.failure();
    // The customer writing brings a snoozed, pending or resolved conversation back.
    if (!viewer.isStaff()) {
        auto woken = StatusChanges::customerWrote(store, conversation, false);
        if (!woken)
            return woken.failure();
        conversation = woken.value();
        if (autoReply) {
            auto answered =
                AutoReply::answer(store, conversation, inserted.value(), false, *autoReply);
            if (!answered)
                return answered.failure();
        }
    }
    return Sent{inserted.value(), conversation, started};
}

//! A new email from staff: a conversation in the email inbox with whoever has the address
//! (a new customer when nobody has it yet), assigned to its writer.
Result<Sent> startEmail(Store &store, const Viewer &viewer, const Commands::Send &command,
                        const QDateTime &now)
{
    if (!command.startsEmail() || !command.inboxId)
        return Failure{ErrorCode::BadRequest, QStringLiteral("conversation: is required")};
    const auto inbox = ChannelOperations::inboxOf(store, QStringLiteral("email"), *command.inboxId);
    if (!inbox)
        return inbox.failure();
    if (!viewer.seesAll() && !viewer.inboxes.contains(inbox->id))
        return notFound();
    const auto customer =
        ChannelOperations::customerAt(store, QStringLiteral("email"), command.to, command.toName);
    if (!customer)
        return storageFailed(customer.failure());
    Conversation fresh;
    fresh.customer = customer.value();
    fresh.channel = QStringLiteral("email");
    fresh.inboxId = inbox->id;
    fresh.createdAt = now;
    fresh.updatedAt = now;
    auto created = store.createConversation(fresh);
    if (!created)
        return storageFailed(created.failure());
    Event e = Events::conversationCreated(created.value());
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    // Its writer has it; automatic assignment does not hand it to someone else.
    auto assigned = AssignOperations::assign(store, viewer, {created->id, viewer.party.id, true});
    if (!assigned)
        return assigned.failure();
    return addMessage(store, viewer, command, assigned.value(), true, now, nullptr);
}

} // namespace

Result<Sent> send(Store &store, const Viewer &viewer, const Commands::Send &command, bool mayStart,
                  qint64 retryAfterMs, const AutoReply::Context *autoReply)
{
    const QDateTime now = store.now();
    if (command.conversationId) {
        auto found = accessibleConversation(store, viewer, *command.conversationId);
        // A reply (or note) written to a conversation that was merged meanwhile, perhaps
        // offline, joins the thread its messages went to.
        if (found && found->mergedInto)
            found = accessibleConversation(store, viewer, found->mergedInto);
        if (!found)
            return found.failure();
        return addMessage(store, viewer, command, found.value(), false, now, autoReply);
    }

    // Starting a conversation: a retry of a send that started one must not start another.
    auto existing = store.messageByClientId(command.clientId);
    if (!existing && !existing.isNotFound())
        return storageFailed(existing.failure());
    if (existing)
        return retried(store, viewer, command, *existing);
    if (viewer.isStaff())
        return startEmail(store, viewer, command, now);
    if (!mayStart)
        return Failure{ErrorCode::RateLimited,
                       QStringLiteral("Too many new conversations from this address"),
                       retryAfterMs};
    const auto inbox =
        ChannelOperations::inboxOf(store, ChannelOperations::web(), command.inboxId.value_or(0));
    if (!inbox)
        return inbox.failure();
    Conversation fresh;
    fresh.customer = Customer{viewer.party.id, viewer.party.name, {}};
    fresh.inboxId = inbox->id;
    fresh.createdAt = now;
    fresh.updatedAt = now;
    if (command.mode == ConversationMode::Live) {
        fresh.mode = ConversationMode::Live;
        fresh.liveState = LiveState::Queued;
        fresh.queuedAt = now;
    }
    auto created = store.createConversation(fresh);
    if (!created)
        return storageFailed(created.failure());
    Event e = Events::conversationCreated(created.value());
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return addMessage(store, viewer, command, created.value(), true, now, autoReply);
}

Result<HistoryPage> history(Store &store, const Viewer &viewer, const Commands::History &command)
{
    auto conversation = accessibleConversation(store, viewer, command.conversationId);
    if (!conversation)
        return conversation.failure();
    HistoryPage page;
    auto messages = store.messages(conversation->id, command.before, command.limit + 1,
                                   viewer.isStaff() ? MessageView::Staff : MessageView::Customer);
    if (!messages)
        return storageFailed(messages.failure());
    page.messages = std::move(messages.value());
    page.more = page.messages.size() > command.limit;
    if (page.more)
        page.messages.removeFirst();
    if (auto added = addDelivery(store, viewer, page.messages); !added)
        return added.failure();
    // A page holds so much text at most (but always one message), so what one request
    // makes the server hold does not grow with the length of the messages.
    qsizetype chars = 0;
    for (qsizetype i = page.messages.size() - 1; i >= 0; --i) {
        chars += page.messages.at(i).text.size();
        if (chars > Protocol::MaxHistoryPageChars && i < page.messages.size() - 1) {
            page.messages.remove(0, i + 1);
            page.more = true;
            break;
        }
    }
    return page;
}

namespace {

//! The conversation of `command`, when the viewer may see it and `upTo` is one of its
//! messages.
Result<Conversation> markedConversation(Store &store, const Viewer &viewer,
                                        const Commands::MarkRead &command)
{
    auto conversation = accessibleConversation(store, viewer, command.conversationId);
    if (!conversation)
        return conversation.failure();
    const auto message = store.message(command.upTo);
    if (!message && !message.isNotFound())
        return storageFailed(message.failure());
    if (!message || message->conversationId != command.conversationId
        || (message->isStaffOnly() && !viewer.isStaff()))
        return Failure{ErrorCode::NotFound, QStringLiteral("No such message in this conversation")};
    return conversation;
}

} // namespace

Result<qint64> received(Store &store, const Viewer &viewer, const Commands::MarkRead &command)
{
    auto conversation = markedConversation(store, viewer, command);
    if (!conversation)
        return conversation.failure();
    if (auto moved = ChannelOperations::acknowledge(store, conversation.value(), 0, command.upTo,
                                                    DeliveryState::Delivered);
        !moved)
        return moved.failure();
    return command.upTo;
}

Result<qint64> markRead(Store &store, const Viewer &viewer, const Commands::MarkRead &command)
{
    auto conversation = markedConversation(store, viewer, command);
    if (!conversation)
        return conversation.failure();
    const Party reader{viewer.party.kind, viewer.party.id, {}};
    const auto current = store.readMarker(command.conversationId, reader);
    if (!current)
        return storageFailed(current.failure());
    if (command.upTo <= current.value())
        return current.value();
    // What the customer read, the replies they were sent have reached (those up to the old
    // marker did when it moved there).
    if (!viewer.isStaff()) {
        if (auto moved = ChannelOperations::acknowledge(
                store, conversation.value(), current.value(), command.upTo, DeliveryState::Read);
            !moved)
            return moved.failure();
    }
    if (auto set = store.setReadMarker(command.conversationId, reader, command.upTo); !set)
        return storageFailed(set.failure());
    Event e = Events::conversationRead(conversation.value(), reader, command.upTo);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return command.upTo;
}

Result<Presence> setPresence(Store &store, const Viewer &viewer, Presence presence)
{
    const auto agent = store.agentById(viewer.party.id);
    if (!agent)
        return storageFailed(agent.failure());
    if (agent->presence == presence)
        return presence;
    if (auto set = store.setPresence(agent->id, presence); !set)
        return storageFailed(set.failure());
    Event e = Events::agentPresence(agent->id, presence);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return presence;
}

//! Each conversation with its newest message as `lastMessage`, as pages and snapshots list
//! them.
Result<QJsonArray> withLastMessages(Store &store, const Viewer &viewer,
                                    const QList<Conversation> &list)
{
    QList<qint64> ids;
    ids.reserve(list.size());
    for (const Conversation &conversation : list)
        ids.append(conversation.id);
    auto lastRead = store.lastMessages(ids);
    if (!lastRead)
        return storageFailed(lastRead.failure());
    QHash<qint64, Message> &last = lastRead.value();
    if (auto added = addDelivery(store, viewer, last); !added)
        return added.failure();
    QJsonArray conversations;
    for (const Conversation &conversation : list) {
        QJsonObject json = Wire::encode(conversation);
        const auto message = last.constFind(conversation.id);
        if (message != last.cend())
            json.insert(QStringLiteral("lastMessage"), Wire::encode(*message));
        conversations.append(json);
    }
    return conversations;
}

Result<QJsonObject> conversationPage(Store &store, const Viewer &viewer,
                                     const std::optional<Store::ConversationCursor> &after,
                                     int limit, bool resolved)
{
    auto read = store.openConversations(Visibility::scope(viewer), after, limit + 1, resolved);
    if (!read)
        return storageFailed(read.failure());
    QList<Conversation> &page = read.value();
    const bool more = page.size() > limit;
    if (more)
        page.removeLast();
    auto conversations = withLastMessages(store, viewer, page);
    if (!conversations)
        return conversations.failure();
    return QJsonObject{{QStringLiteral("conversations"), conversations.value()},
                       {QStringLiteral("more"), more}};
}

Result<QJsonObject> conversations(Store &store, const Viewer &viewer,
                                  const Commands::ConversationPage &command)
{
    std::optional<Store::ConversationCursor> after;
    if (command.after)
        after = Store::ConversationCursor{command.after->first, command.after->second};
    return conversationPage(store, viewer, after, command.limit, command.resolved);
}

Result<QJsonObject> search(Store &store, const Viewer &viewer, const Commands::Search &command)
{
    // What was written since the indexer last ran (a second's worth) is indexed first, in
    // one batch at most, so that a search never holds up the sends queued behind it.
    if (const auto indexed = store.indexForSearch(5000); !indexed)
        return storageFailed(indexed.failure());
    const QString match = SearchExpression::build(
        command.query, [&store](const QString &word) -> std::optional<QStringList> {
            const auto [from, to] = SearchExpression::completionRange(word);
            auto terms = store.searchTerms(from, to, SearchExpression::MaxCompletions + 1);
            if (!terms)
                return std::nullopt;
            return terms.value();
        });
    QList<Message> found;
    bool more = false;
    if (!match.isEmpty()) {
        auto read = store.searchMessages(Visibility::scope(viewer), match, command.before,
                                         command.limit + 1);
        if (!read)
            return storageFailed(read.failure());
        found = std::move(read.value());
        more = found.size() > command.limit;
        if (more)
            found.removeLast();
    }
    // As much text as a history page at most (but always one message).
    qsizetype chars = 0;
    for (qsizetype i = 0; i < found.size(); ++i) {
        chars += found.at(i).text.size();
        if (chars > Protocol::MaxHistoryPageChars && i > 0) {
            found.resize(i);
            more = true;
            break;
        }
    }
    if (auto added = addDelivery(store, viewer, found); !added)
        return added.failure();
    QList<Conversation> conversations;
    QSet<qint64> seen;
    QJsonArray messages;
    for (const Message &m : std::as_const(found)) {
        messages.append(Wire::encode(m));
        if (seen.contains(m.conversationId))
            continue;
        seen.insert(m.conversationId);
        auto conversation = store.conversation(m.conversationId);
        if (!conversation)
            return storageFailed(conversation.failure());
        conversations.append(conversation.value());
    }
    auto listed = withLastMessages(store, viewer, conversations);
    if (!listed)
        return listed.failure();
    return QJsonObject{{QStringLiteral("messages"), messages},
                       {QStringLiteral("conversations"), listed.value()},
                       {QStringLiteral("more"), more}};
}

Result<Catchup> catchUp(Store &store, const Viewer &viewer, std::optional<qint64> resumeFrom,
                        int replayLimit, int snapshotLimit)
{
    Catchup c;
    const auto head = store.headSeq();
    if (!head)
        return storageFailed(head.failure());
    c.head = head.value();
    if (resumeFrom && *resumeFrom <= c.head && c.head - *resumeFrom <= replayLimit) {
        auto events = store.eventsAfter(*resumeFrom, Visibility::scope(viewer), replayLimit);
        if (!events)
            return storageFailed(events.failure());
        c.events = std::move(events.value());
        return c;
    }
    c.isSnapshot = true;
    // A window of the newest, so signing in costs the same however large the helpdesk;
    // the rest comes page by page with `conversations`.
    auto page = conversationPage(store, viewer, std::nullopt, snapshotLimit, false);
    if (!page)
        return page.failure();
    c.snapshot = page.value();
    if (viewer.isStaff()) {
        const auto staff = store.agents(false);
        const auto responses = store.cannedResponses();
        if (!staff || !responses)
            return storageFailed(!staff ? staff.failure() : responses.failure());
        QJsonArray agents;
        for (const Agent &agent : staff.value())
            agents.append(Wire::encode(agent));
        c.snapshot.insert(QStringLiteral("agents"), agents);
        QJsonArray canned;
        for (const CannedResponse &response : responses.value())
            canned.append(Wire::encode(response));
        c.snapshot.insert(QStringLiteral("canned"), canned);
        const auto teams = store.teams();
        const auto inboxes = store.inboxes();
        if (!teams || !inboxes)
            return storageFailed(!teams ? teams.failure() : inboxes.failure());
        QJsonArray teamList;
        for (const Team &team : teams.value())
            teamList.append(Wire::encode(team));
        c.snapshot.insert(QStringLiteral("teams"), teamList);
        QJsonArray inboxList;
        for (const Inbox &inbox : inboxes.value())
            inboxList.append(Wire::encode(inbox));
        c.snapshot.insert(QStringLiteral("inboxes"), inboxList);
        const auto labels = store.labels();
        if (!labels)
            return storageFailed(labels.failure());
        QJsonArray labelList;
        for (const Label &label : labels.value())
            labelList.append(Wire::encode(label));
        c.snapshot.insert(QStringLiteral("labels"), labelList);
    }
    return c;
}

} // namespace Tandem::Server::DeskOperations
