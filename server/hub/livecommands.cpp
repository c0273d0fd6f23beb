// SPDX-License-Identifier: GPL-3.0-or-later
#include "livecommands.h"

#include "connection.h"
#include "hub.h"
#include "protocol/wirecodec.h"
#include "routing/liveoperations.h"
#include "routing/router.h"
#include "store/storage.h"

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

bool handle(Connection &connection, Hub &hub, const Frames::Request &request)
{
    const QString &type = request.type;
    const bool staff = connection.kind() == Connection::Kind::Staff;
    const QJsonValue &id = request.id;
    if (staff && type == QLatin1String("accept")) {
        accept(connection, hub, request);
    } else if (staff && type == QLatin1String("decline")) {
        decline(connection, hub, request);
    } else if (staff && type == QLatin1String("transfer")) {
        transfer(connection, hub, request);
    } else if (type == QLatin1String("end")) {
        connection.perform(id, Commands::decodeConversationRef(request.fields), LiveOperations::end,
                           answerWithConversation(connection, hub, id));
    } else if (type == QLatin1String("followup")) {
        connection.perform(id, Commands::decodeConversationRef(request.fields),
                           LiveOperations::followup, answerWithConversation(connection, hub, id));
    } else if (!staff && type == QLatin1String("rate")) {
        connection.perform(id, Commands::decodeRate(request.fields), LiveOperations::rate,
                           answerWithConversation(connection, hub, id));
    } else if (staff && type == QLatin1String("priority")) {
        connection.perform(id, Commands::decodeSetPriority(request.fields),
                           LiveOperations::setPriority,
                           answerWithConversation(connection, hub, id));
    } else if (staff && type == QLatin1String("agent.update")) {
        connection.perform(
            id, Commands::decodeUpdateAgent(request.fields), LiveOperations::updateAgent,
            [&connection, id](const Agent &agent) {
                connection.reply(id, {{QStringLiteral("agent"), Wire::encode(agent)}});
            });
    } else if (staff && type == QLatin1String("canned.save")) {
        connection.perform(
            id, Commands::decodeSaveCanned(request.fields), LiveOperations::saveCanned,
            [&connection, id](const CannedResponse &canned) {
                connection.reply(id, {{QStringLiteral("canned"), Wire::encode(canned)}});
            });
    } else if (staff && type == QLatin1String("canned.delete")) {
        connection.perform(id, Commands::decodeDeleteCanned(request.fields),
                           LiveOperations::deleteCanned,
                           [&connection, id](const Done &) { connection.reply(id, {}); });
    } else {
        return false;
    }
    return true;
}

} // namespace Tandem::Server::LiveCommands
