// SPDX-License-Identifier: GPL-3.0-or-later
#include "clockcommand.h"

#include "commandtable.h"
#include "connection.h"
#include "hub.h"
#include "logging/logging.h"
#include "platform/clock.h"
#include "protocol/commands.h"
#include "protocol/wirecodec.h"
#include "scheduling/scheduler.h"
#include "store/storage.h"

#include <QPointer>

namespace Tandem::Server::ClockCommand {

namespace {

void advance(Connection &connection, Hub &hub, const Frames::Request &request)
{
    ManualClock *clock = hub.manualClock();
    if (!clock) {
        connection.fail(request.id, {ErrorCode::Forbidden,
                                     QStringLiteral("This server keeps real time; only one "
                                                    "started with --manual-clock can be moved")});
        return;
    }
    const auto command = Commands::decodeClockAdvance(request.fields);
    if (!command) {
        connection.fail(request.id, command.failure());
        return;
    }
    const qint64 now = clock->advance(command->ms);
    const int ran = hub.scheduler().runDue();
    qCInfo(lcHub) << "clock moved" << command->ms << "ms;" << ran << "timers ran";
    // What the timers queued for the store is committed (and its events sent) before this
    // empty operation comes back; the router's reaction to it is queued behind that.
    QPointer<Connection> target(&connection);
    hub.storage().run(
        &hub, [](Store &) { return Result<Done>(Done{}); },
        [target, id = request.id, now, ran](const Result<Done> &) {
            QMetaObject::invokeMethod(
                target.data(),
                [target, id, now, ran] {
                    if (target)
                        target->reply(
                            id, {{QStringLiteral("time"), Wire::timeToString(Clock::fromMs(now))},
                                 {QStringLiteral("timersRun"), ran}});
                },
                Qt::QueuedConnection);
        });
}

} // namespace

void registerIn(CommandTable &table)
{
    table.add(QStringLiteral("clock.advance"), CommandTable::Admins, advance);
}

} // namespace Tandem::Server::ClockCommand
