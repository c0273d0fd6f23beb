// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskcommands.h"

#include "customeroperations.h"
#include "deskoperations.h"
#include "hub.h"
#include "platform/clock.h"
#include "protocol/jsonwriter.h"
#include "protocol/wirecodec.h"
#include "scheduling/scheduler.h"
#include "storecommand.h"

#include <QJsonArray>

namespace Tandem::Server::DeskCommands {
namespace {

void send(Connection &connection, Hub &hub, const Frames::Request &request)
{
    const bool customer = !connection.viewer()->isStaff();
    auto command = Commands::decodeSend(request.fields, !customer);
    // Out of the inbox's business hours no live chat starts: the message is left for the
    // team, as the widget says when it asks for availability.
    if (command && customer && !command->conversationId && command->mode == ConversationMode::Live
        && !hub.hours().isOpen(command->inboxId, hub.now()))
        command.value().mode = ConversationMode::Async;
    // A customer's send without a conversation may start one, which one address may do
    // only so often. A retry of a send that already started one is answered all the same,
    // and gives its token back.
    const QHostAddress address = connection.peer().address;
    const bool mayStart = command && customer && !command->conversationId;
    const bool allowStart = mayStart && hub.newConversations().take(address);
    const qint64 retryAfterMs =
        mayStart && !allowStart ? hub.newConversations().retryAfterMs(address) : 0;
    std::optional<AutoReply::Context> autoReply;
    if (customer)
        autoReply = hub.autoReplyContext(connection.customerZone(), connection.customerLocale());
    connection.perform(
        request.id, command,
        [allowStart, retryAfterMs, autoReply = std::move(autoReply)](
            Store &store, const Viewer &viewer, const Commands::Send &send) {
            return DeskOperations::send(store, viewer, send, allowStart, retryAfterMs,
                                        autoReply ? &*autoReply : nullptr);
        },
        [&connection, &hub, id = request.id, allowStart,
         address](const DeskOperations::Sent &sent) {
            if (allowStart && !sent.startedConversation)
                hub.newConversations().giveBack(address);
            JsonWriter w; // keys in sorted order
            Wire::write(w.beginObject().key("conversation"), sent.conversation);
            Wire::write(w.key("message"), sent.message);
            connection.replyJson(id, w.endObject().take());
        });
}

void typing(Connection &connection, Hub &hub, const Frames::Request &request)
{
    const auto command = Commands::decodeTyping(request.fields);
    connection.performRead(
        request.id, command,
        [](Store &store, const Viewer &viewer, const Commands::Typing &typing) {
            return DeskOperations::accessibleConversation(store, viewer, typing.conversationId);
        },
        [&connection, &hub, id = request.id,
         on = command ? command->on : false](const Conversation &conversation) {
            connection.reply(id, {});
            hub.broadcastTyping(conversation, connection.viewer()->party, on, &connection);
        });
}

void viewing(Connection &connection, Hub &hub, const Frames::Request &request)
{
    const auto command = Commands::decodeViewing(request.fields);
    if (command && !command->conversationId) {
        hub.setViewing(&connection, nullptr);
        connection.reply(request.id, {});
        return;
    }
    connection.performRead(
        request.id, command,
        [](Store &store, const Viewer &viewer, const Commands::Viewing &viewing) {
            return DeskOperations::accessibleConversation(store, viewer, *viewing.conversationId);
        },
        [&connection, &hub, id = request.id](const Conversation &conversation) {
            hub.setViewing(&connection, &conversation);
            QJsonArray viewers;
            for (const Party &p : hub.viewersOf(conversation.id))
                viewers.append(Wire::encode(p));
            connection.reply(id, {{QStringLiteral("viewers"), viewers}});
        });
}

void signOut(Connection &connection, Hub &hub, const Frames::Request &request)
{
    const QByteArray tokenHash = connection.viewer()->tokenHash;
    hub.storage().run(
        &connection,
        [tokenHash](Store &store) { return DeskOperations::signOut(store, tokenHash); },
        [&connection, &hub, id = request.id, tokenHash](Result<Done> done) {
            if (!done) {
                connection.fail(id, done.failure());
                return;
            }
            connection.reply(id, {});
            hub.endSession(tokenHash, QStringLiteral("Signed out"));
        });
}

} // namespace

void registerIn(CommandTable &table)
{
    using T = CommandTable;
    table.add(QStringLiteral("send"), T::Everyone, send);
    table.add(QStringLiteral("history"), T::Everyone,
              readCommand(Commands::decodeHistory, DeskOperations::history,
                          [](Connection &c, Hub &, const QJsonValue &id,
                             const DeskOperations::HistoryPage &page) {
                              QJsonArray messages;
                              for (const Message &m : page.messages)
                                  messages.append(Wire::encode(m));
                              c.reply(id, {{QStringLiteral("messages"), messages},
                                           {QStringLiteral("more"), page.more}});
                          }));
    table.add(QStringLiteral("search"), T::Staff,
              storeCommand(Commands::decodeSearch, DeskOperations::search,
                           [](Connection &c, Hub &, const QJsonValue &id,
                              const QJsonObject &found) { c.reply(id, found); }));
    table.add(QStringLiteral("conversations"), T::Everyone,
              readCommand(Commands::decodeConversationPage, DeskOperations::conversations,
                          [](Connection &c, Hub &, const QJsonValue &id, const QJsonObject &page) {
                              c.reply(id, page);
                          }));
    table.add(QStringLiteral("read"), T::Everyone,
              storeCommand(Commands::decodeMarkRead, DeskOperations::markRead,
                           [](Connection &c, Hub &, const QJsonValue &id, qint64 upTo) {
                               c.reply(id, {{QStringLiteral("upTo"), upTo}});
                           }));
    table.add(QStringLiteral("received"), T::Customers,
              storeCommand(Commands::decodeMarkRead, DeskOperations::received,
                           [](Connection &c, Hub &, const QJsonValue &id, qint64 upTo) {
                               c.reply(id, {{QStringLiteral("upTo"), upTo}});
                           }));
    table.add(QStringLiteral("typing"), T::Everyone, typing);
    table.add(QStringLiteral("viewing"), T::Staff, viewing);
    table.add(QStringLiteral("ping"), T::Everyone,
              [](Connection &c, Hub &hub, const Frames::Request &request) {
                  c.reply(request.id, {{QStringLiteral("time"),
                                        Wire::timeToString(hub.scheduler().clock().now())}});
              });
    table.add(QStringLiteral("presence"), T::Staff,
              storeCommand(
                  Commands::decodeSetPresence,
                  [](Store &store, const Viewer &viewer, const Commands::SetPresence &command) {
                      return DeskOperations::setPresence(store, viewer, command.status);
                  },
                  [](Connection &c, Hub &, const QJsonValue &id, Presence presence) {
                      c.reply(id, {{QStringLiteral("presence"), presenceName(presence)}});
                  }));
    table.add(QStringLiteral("signout"), T::Staff, signOut);
    table.add(
        QStringLiteral("customer"), T::Staff,
        readCommand(Commands::decodeCustomer, CustomerOperations::card,
                    [](Connection &c, Hub &, const QJsonValue &id,
                       const CustomerOperations::CustomerCard &card) {
                        QJsonArray identities;
                        for (const auto &[channel, address] : card.identities)
                            identities.append(QJsonObject{{QStringLiteral("channel"), channel},
                                                          {QStringLiteral("address"), address}});
                        QJsonArray conversations;
                        for (const Conversation &conversation : card.conversations)
                            conversations.append(Wire::encode(conversation));
                        c.reply(id, {{QStringLiteral("customer"), Wire::encode(card.customer)},
                                     {QStringLiteral("identities"), identities},
                                     {QStringLiteral("conversations"), conversations}});
                    }));
    table.add(
        QStringLiteral("customer.update"), T::Staff,
        storeCommand(Commands::decodeUpdateCustomer, CustomerOperations::update,
                     [](Connection &c, Hub &, const QJsonValue &id, const Customer &customer) {
                         c.reply(id, {{QStringLiteral("customer"), Wire::encode(customer)}});
                     }));
}

} // namespace Tandem::Server::DeskCommands
