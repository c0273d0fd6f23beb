// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscommands.h"

#include "assignoperations.h"
#include "conversations/statuschanges.h"
#include "hub.h"
#include "mergeoperations.h"
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
    const auto merged = [](Connection &c, Hub &, const QJsonValue &id,
                           const MergeOperations::Merged &m) {
        c.reply(id, {{QStringLiteral("from"), Wire::encode(m.from)},
                     {QStringLiteral("into"), Wire::encode(m.into)},
                     {QStringLiteral("undoUntil"), Wire::timeToString(m.undoUntil)}});
    };
    table.add(QStringLiteral("merge"), CommandTable::Staff,
              storeCommand(Commands::decodeMerge, MergeOperations::merge, merged));
    table.add(QStringLiteral("unmerge"), CommandTable::Staff,
              storeCommand(Commands::decodeUnmerge, MergeOperations::unmerge, merged));
    table.add(
        QStringLiteral("assign"), CommandTable::Staff,
        storeCommand(Commands::decodeAssign, AssignOperations::assign,
                     [](Connection &c, Hub &, const QJsonValue &id, const Conversation &done) {
                         c.reply(id, {{QStringLiteral("conversation"), Wire::encode(done)}});
                     }));
}

} // namespace Tandem::Server::StatusCommands
