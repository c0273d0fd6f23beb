// SPDX-License-Identifier: GPL-3.0-or-later
#include "livecommands.h"

#include "connection.h"
#include "hub.h"
#include "protocol/wirecodec.h"
#include "routing/liveoperations.h"
#include "routing/router.h"
#include "store/storage.h"
#include "storecommand.h"

namespace Tandem::Server::LiveCommands {
namespace {

QJsonObject conversationData(const Conversation &c)
{
    return {{QStringLiteral("conversation"), Wire::encode(c)}};
}

//! A change to a chat: the router follows it at once, then the client hears back.
auto answerWithConversation(Connection &connection, Hub &hub, const QJsonValue &id)
{
    return [&connection, &hub, id](const Conversation &c) {
        hub.router().apply(c);
        connection.reply(id, conversationData(c));
    };
}

void accept(Connection &connection, Hub &hub, const Frames::Request &request)
{
    const auto ref = Commands::decodeConversationRef(request.fields);
    if (!ref) {
        connection.fail(request.id, ref.failure());
        return;
    }
    const qint64 conversationId = ref->conversationId;
    const Party agent = connection.viewer()->party;
    if (!hub.router().beginAccept(conversationId, agent.id)) {
        connection.fail(request.id, {ErrorCode::NotFound,
                                     QStringLiteral("No offer of this chat is open for you")});
        return;
    }
    // The router holds the slot until the result is in, whatever becomes of the connection.
    Router *router = &hub.router();
    hub.storage().run(
        router,
        [conversationId, agent](Store &store) {
            return LiveOperations::assign(store, conversationId, agent, agent);
        },
        [router, conversationId, connection = QPointer<Connection>(&connection),
         id = request.id](Result<Conversation> result) {
            router->finishAccept(conversationId, result);
            if (!connection)
                return;
            if (!result)
                connection->fail(id, result.failure());
            else
                connection->reply(id, conversationData(result.value()));
        });
}

void decline(Connection &connection, Hub &hub, const Frames::Request &request)
{
    const auto ref = Commands::decodeConversationRef(request.fields);
    if (!ref) {
        connection.fail(request.id, ref.failure());
        return;
    }
    if (!hub.router().decline(ref->conversationId, connection.viewer()->party.id)) {
        connection.fail(request.id, {ErrorCode::NotFound,
                                     QStringLiteral("No offer of this chat is open for you")});
        return;
    }
    connection.reply(request.id, {});
}

void transfer(Connection &connection, Hub &hub, const Frames::Request &request)
{
    const auto command = Commands::decodeTransfer(request.fields);
    if (!command) {
        connection.fail(request.id, command.failure());
        return;
    }
    QString name;
    if (auto failure = hub.router().checkAvailable(command->agentId, &name)) {
        connection.fail(request.id, *failure);
        return;
    }
    const Party target{Party::Kind::Agent, command->agentId, name};
    connection.perform(
        request.id, command,
        [target](Store &store, const Viewer &viewer, const Commands::Transfer &t) {
            return LiveOperations::transfer(store, viewer, t, target);
        },
        answerWithConversation(connection, hub, request.id));
}

} // namespace

void registerIn(CommandTable &table)
{
    using T = CommandTable;
    const auto withConversation = [](Connection &c, Hub &hub, const QJsonValue &id,
                                     const Conversation &conversation) {
        hub.router().apply(conversation); // the router follows it at once
        c.reply(id, conversationData(conversation));
    };
    table.add(QStringLiteral("accept"), T::Staff, accept);
    table.add(QStringLiteral("decline"), T::Staff, decline);
    table.add(QStringLiteral("transfer"), T::Staff, transfer);
    table.add(QStringLiteral("end"), T::Everyone,
              storeCommand(Commands::decodeConversationRef, LiveOperations::end, withConversation));
    table.add(
        QStringLiteral("followup"), T::Everyone,
        storeCommand(Commands::decodeConversationRef, LiveOperations::followup, withConversation));
    table.add(QStringLiteral("rate"), T::Customers,
              storeCommand(Commands::decodeRate, LiveOperations::rate, withConversation));
    table.add(QStringLiteral("agent.update"), T::Staff,
              storeCommand(Commands::decodeUpdateAgent, LiveOperations::updateAgent,
                           [](Connection &c, Hub &, const QJsonValue &id, const Agent &agent) {
                               c.reply(id, {{QStringLiteral("agent"), Wire::encode(agent)}});
                           }));
    table.add(
        QStringLiteral("canned.save"), T::Supervisors,
        storeCommand(Commands::decodeSaveCanned, LiveOperations::saveCanned,
                     [](Connection &c, Hub &, const QJsonValue &id, const CannedResponse &canned) {
                         c.reply(id, {{QStringLiteral("canned"), Wire::encode(canned)}});
                     }));
    table.add(QStringLiteral("canned.delete"), T::Supervisors,
              storeCommand(Commands::decodeDeleteCanned, LiveOperations::deleteCanned,
                           [](Connection &c, Hub &, const QJsonValue &id, const Done &) {
                               c.reply(id, {});
                           }));
}

} // namespace Tandem::Server::LiveCommands
