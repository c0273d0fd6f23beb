// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscommands.h"

#include "conversations/statuschanges.h"
#include "hub.h"
#include "protocol/wirecodec.h"
#include "scheduling/scheduler.h"
#include "statusoperations.h"
#include "storecommand.h"

namespace Tandem::Server::StatusCommands {

void registerIn(CommandTable &table)
{
    table.add(
        QStringLiteral("status"), CommandTable::Staff,
        storeCommand(
            Commands::decodeSetStatus, StatusOperations::setStatus,
            [](Connection &c, Hub &hub, const QJsonValue &id,
               const StatusOperations::StatusChange &change) {
                // The store has the timer already; the scheduler now runs it.
                if (change.wake)
                    hub.scheduler().schedule({change.wake->kind, change.wake->key, change.wake->due,
                                              change.wake->payload});
                else if (change.dropWake)
                    hub.scheduler().cancel(StatusChanges::WakeJob,
                                           QString::number(change.conversation.id));
                c.reply(id, {{QStringLiteral("conversation"), Wire::encode(change.conversation)}});
            }));
}

} // namespace Tandem::Server::StatusCommands
