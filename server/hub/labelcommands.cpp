// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelcommands.h"

#include "hub.h"
#include "labeloperations.h"
#include "protocol/wirecodec.h"
#include "storecommand.h"

namespace Tandem::Server::LabelCommands {

void registerIn(CommandTable &table)
{
    const auto withConversation = [](Connection &c, Hub &, const QJsonValue &id,
                                     const Conversation &done) {
        c.reply(id, {{QStringLiteral("conversation"), Wire::encode(done)}});
    };
    table.add(QStringLiteral("label.save"), CommandTable::Supervisors,
              storeCommand(Commands::decodeSaveLabel, LabelOperations::saveLabel,
                           [](Connection &c, Hub &, const QJsonValue &id, const Label &label) {
                               c.reply(id, {{QStringLiteral("label"), Wire::encode(label)}});
                           }));
    table.add(QStringLiteral("label.delete"), CommandTable::Supervisors,
              storeCommand(Commands::decodeDeleteLabel, LabelOperations::deleteLabel,
                           [](Connection &c, Hub &, const QJsonValue &id, const Done &) {
                               c.reply(id, {});
                           }));
    table.add(QStringLiteral("labels"), CommandTable::Staff,
              storeCommand(Commands::decodeChangeLabels, LabelOperations::changeLabels,
                           withConversation));
    table.add(
        QStringLiteral("priority"), CommandTable::Staff,
        storeCommand(Commands::decodeSetPriority, LabelOperations::setPriority, withConversation));
}

} // namespace Tandem::Server::LabelCommands
