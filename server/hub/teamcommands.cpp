// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamcommands.h"

#include "connection.h"
#include "protocol/wireteams.h"
#include "storecommand.h"
#include "teamoperations.h"

namespace Tandem::Server::TeamCommands {

void registerIn(CommandTable &table)
{
    using T = CommandTable;
    table.add(QStringLiteral("team.save"), T::Supervisors,
              storeCommand(Commands::decodeSaveTeam, TeamOperations::saveTeam,
                           [](Connection &c, Hub &, const QJsonValue &id, const Team &team) {
                               c.reply(id, {{QStringLiteral("team"), Wire::encode(team)}});
                           }));
    table.add(QStringLiteral("inbox.save"), T::Supervisors,
              storeCommand(Commands::decodeSaveInbox, TeamOperations::saveInbox,
                           [](Connection &c, Hub &, const QJsonValue &id, const Inbox &inbox) {
                               c.reply(id, {{QStringLiteral("inbox"), Wire::encode(inbox)}});
                           }));
}

} // namespace Tandem::Server::TeamCommands
