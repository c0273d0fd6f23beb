// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskoperations.h"

#include "visibility.h"

#include "accounts/tokens.h"
#include "protocol/events.h"
#include "protocol/limits.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>

namespace Tandem::Server::DeskOperations {
namespace {

Failure notFound()
{
    return {ErrorCode::NotFound, QStringLiteral("No such conversation")};
}

Failure storageFailed()
{
    return {ErrorCode::Internal, QStringLiteral("The change could not be saved")};
}

} // namespace

Result<StaffSession> openStaffSession(Store &store, const Agent &agent, qint64 ttlSeconds)
{
    StaffSession s{Tokens::generate(), store.now().addSecs(ttlSeconds), agent};
    if (!store.createSession(Tokens::hash(s.token), agent.id, s.expiresAt))
        return storageFailed();
    return s;
}

Result<Agent> authenticateStaff(Store &store, const QByteArray &tokenHash)
{
    const auto session = store.session(tokenHash);
    if (!session || session->revoked)
        return Failure{ErrorCode::TokenInvalid,
                       QStringLiteral("This session has ended; sign in again")};
    if (session->expiresAt <= store.now())
        return Failure{ErrorCode::TokenExpired,
                       QStringLiteral("This session has expired; sign in again")};
    const auto agent = store.agentById(session->agentId);
    if (!agent)
        return Failure{ErrorCode::TokenInvalid, QStringLiteral("The account no longer exists")};
    if (agent->disabled)
        return Failure{ErrorCode::AccountDisabled, QStringLiteral("This account is disabled")};
    return *agent;
}

Result<Done> signOut(Store &store, const QByteArray &tokenHash)
{
    if (!store.revokeSession(tokenHash))
        return Failure{ErrorCode::TokenInvalid, QStringLiteral("No such session")};
    return Done{};
}

Result<CustomerGrant> createCustomer(Store &store, const QString &name, const QString &email)
{
    CustomerGrant grant;
    grant.token = Tokens::generate();
    auto customer = store.createCustomer(Customer{0, name, email}, Tokens::hash(grant.token));
    if (!customer)
        return customer.failure();
    grant.customer = customer.value();
    return grant;
}

Result<Customer> authenticateCustomer(Store &store, const QByteArray &tokenHash)
{
    auto customer = store.customerByToken(tokenHash);
    if (!customer)
        return Failure{ErrorCode::TokenInvalid, QStringLiteral("Unknown customer token")};
    return *customer;
}

Result<Conversation> accessibleConversation(Store &store, const Viewer &viewer, qint64 id)
{
    // Another customer's conversation answers exactly like a missing one, so its
    // existence is not revealed.
    auto conversation = store.conversation(id);
    if (!conversation || !Visibility::mayAccess(viewer, *conversation))
        return notFound();
    return *conversation;
}

Result<Sent> send(Store &store, const Viewer &viewer, const Commands::Send &command, bool mayStart,
                  qint64 retryAfterMs)
{
    if (auto existing = store.messageByClientId(command.clientId)) {
        // A retry: hand back the original, provided it really is the same message.
        const bool same =
            existing->author.kind == viewer.party.kind && existing->author.id == viewer.party.id
            && existing->text == command.text
            && (!command.conversationId || *command.conversationId == existing->conversationId);
        if (!same)
            return Failure{ErrorCode::Conflict,
                           QStringLiteral("clientId was already used for another message")};
        auto conversation = store.conversation(existing->conversationId);
        if (!conversation)
            return storageFailed();
        return Sent{*existing, *conversation};
    }

    const QDateTime now = store.now();
    Conversation conversation;
    bool started = false;
    if (command.conversationId) {
        auto found = accessibleConversation(store, viewer, *command.conversationId);
        if (!found)
            return found.failure();
        conversation = found.value();
    } else {
        if (viewer.isStaff())
            return Failure{ErrorCode::BadRequest, QStringLiteral("conversation: is required")};
        if (!mayStart)
            return Failure{ErrorCode::RateLimited,
                           QStringLiteral("Too many new conversations from this address"),
                           retryAfterMs};
        Conversation fresh;
        fresh.customer = Customer{viewer.party.id, viewer.party.name, {}};
        fresh.createdAt = now;
        fresh.updatedAt = now;
        if (command.mode == ConversationMode::Live) {
            fresh.mode = ConversationMode::Live;
            fresh.liveState = LiveState::Queued;
            fresh.queuedAt = now;
        }
        auto created = store.createConversation(fresh);
        if (!created)
            return created.failure();
        conversation = created.value();
        started = true;
        Event e = Events::conversationCreated(conversation);
        if (!store.appendEvent(e))
            return storageFailed();
    }

    Message message;
    message.conversationId = conversation.id;
    message.clientId = command.clientId;
    message.author = viewer.party;
    message.text = command.text;
    message.createdAt = now;
    auto inserted = store.insertMessage(message);
    if (!inserted)
        return inserted.failure();
    conversation.updatedAt = now;
    Event e = Events::messageCreated(inserted.value(), conversation.customer.id);
    if (!store.appendEvent(e))
        return storageFailed();
    return Sent{inserted.value(), conversation, started};
}

Result<HistoryPage> history(Store &store, const Viewer &viewer, const Commands::History &command)
{
    auto conversation = accessibleConversation(store, viewer, command.conversationId);
    if (!conversation)
        return conversation.failure();
    HistoryPage page;
    page.messages = store.messages(command.conversationId, command.before, command.limit + 1);
    page.more = page.messages.size() > command.limit;
    if (page.more)
        page.messages.removeFirst();
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

Result<qint64> markRead(Store &store, const Viewer &viewer, const Commands::MarkRead &command)
{
    auto conversation = accessibleConversation(store, viewer, command.conversationId);
    if (!conversation)
        return conversation.failure();
    const auto message = store.message(command.upTo);
    if (!message || message->conversationId != command.conversationId)
        return Failure{ErrorCode::NotFound, QStringLiteral("No such message in this conversation")};
    const Party reader{viewer.party.kind, viewer.party.id, {}};
    const qint64 current = store.readMarker(command.conversationId, reader);
    if (command.upTo <= current)
        return current;
    if (!store.setReadMarker(command.conversationId, reader, command.upTo))
        return storageFailed();
    Event e = Events::conversationRead(command.conversationId, conversation->customer.id, reader,
                                       command.upTo);
    if (!store.appendEvent(e))
        return storageFailed();
    return command.upTo;
}

Result<Presence> setPresence(Store &store, const Viewer &viewer, Presence presence)
{
    const auto agent = store.agentById(viewer.party.id);
    if (!agent)
        return storageFailed();
    if (agent->presence == presence)
        return presence;
    if (!store.setPresence(agent->id, presence))
        return storageFailed();
    Event e = Events::agentPresence(agent->id, presence);
    if (!store.appendEvent(e))
        return storageFailed();
    return presence;
}

QJsonObject conversationPage(Store &store, const Viewer &viewer,
                             const std::optional<Store::ConversationCursor> &after, int limit)
{
    QList<Conversation> page = store.openConversations(Visibility::scope(viewer), after, limit + 1);
    const bool more = page.size() > limit;
    if (more)
        page.removeLast();
    QList<qint64> ids;
    ids.reserve(page.size());
    for (const Conversation &conversation : std::as_const(page))
        ids.append(conversation.id);
    const QHash<qint64, Message> last = store.lastMessages(ids);
    QJsonArray conversations;
    for (const Conversation &conversation : std::as_const(page)) {
        QJsonObject json = Wire::encode(conversation);
        const auto message = last.constFind(conversation.id);
        if (message != last.cend())
            json.insert(QStringLiteral("lastMessage"), Wire::encode(*message));
        conversations.append(json);
    }
    return {{QStringLiteral("conversations"), conversations}, {QStringLiteral("more"), more}};
}

Result<QJsonObject> conversations(Store &store, const Viewer &viewer,
                                  const Commands::ConversationPage &command)
{
    std::optional<Store::ConversationCursor> after;
    if (command.after)
        after = Store::ConversationCursor{command.after->first, command.after->second};
    return conversationPage(store, viewer, after, command.limit);
}

Result<Catchup> catchUp(Store &store, const Viewer &viewer, std::optional<qint64> resumeFrom,
                        int replayLimit, int snapshotLimit)
{
    Catchup c;
    c.head = store.headSeq();
    if (resumeFrom && *resumeFrom <= c.head && c.head - *resumeFrom <= replayLimit) {
        c.events = store.eventsAfter(*resumeFrom, Visibility::scope(viewer), replayLimit);
        return c;
    }
    c.isSnapshot = true;
    // A window of the newest, so signing in costs the same however large the helpdesk;
    // the rest comes page by page with `conversations`.
    c.snapshot = conversationPage(store, viewer, std::nullopt, snapshotLimit);
    if (viewer.isStaff()) {
        QJsonArray agents;
        for (const Agent &agent : store.agents(false))
            agents.append(Wire::encode(agent));
        c.snapshot.insert(QStringLiteral("agents"), agents);
        QJsonArray canned;
        for (const CannedResponse &response : store.cannedResponses())
            canned.append(Wire::encode(response));
        c.snapshot.insert(QStringLiteral("canned"), canned);
    }
    return c;
}

} // namespace Tandem::Server::DeskOperations
