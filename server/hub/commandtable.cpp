// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtable.h"

#include "clockcommand.h"
#include "connection.h"
#include "deskcommands.h"
#include "labelcommands.h"
#include "livecommands.h"
#include "mailboxcommands.h"
#include "statuscommands.h"
#include "teamcommands.h"

namespace Tandem::Server {
namespace {

int rank(Role role)
{
    switch (role) {
    case Role::Agent:
        return 0;
    case Role::Supervisor:
        return 1;
    case Role::Admin:
        return 2;
    }
    return 0;
}

CommandTable makeStandard()
{
    CommandTable table;
    DeskCommands::registerIn(table);
    LiveCommands::registerIn(table);
    TeamCommands::registerIn(table);
    MailboxCommands::registerIn(table);
    LabelCommands::registerIn(table);
    StatusCommands::registerIn(table);
    ClockCommand::registerIn(table);
    return table;
}

} // namespace

void CommandTable::add(const QString &type, Senders senders, Handler handler)
{
    Q_ASSERT_X(!m_entries.contains(type), "CommandTable::add", "a command registered twice");
    m_entries.insert(type, Entry{type, senders, std::move(handler)});
}

const CommandTable::Entry *CommandTable::find(const QString &type) const
{
    const auto it = m_entries.constFind(type);
    return it == m_entries.cend() ? nullptr : &*it;
}

void CommandTable::dispatch(Connection &connection, Hub &hub, const Frames::Request &request) const
{
    const Entry *entry = find(request.type);
    const Viewer &viewer = *connection.viewer();
    const bool staff = viewer.isStaff();
    if (!entry || (staff ? !entry->senders.staffFrom : !entry->senders.customers)) {
        if (request.type == QLatin1String("hello") || request.type == QLatin1String("signin"))
            connection.fail(request.id, {ErrorCode::Unauthenticated,
                                         QStringLiteral("This connection has already completed "
                                                        "its handshake")});
        else
            connection.fail(request.id, {ErrorCode::UnknownType,
                                         QStringLiteral("Unknown command: %1").arg(request.type)});
        return;
    }
    if (staff && rank(viewer.role) < rank(*entry->senders.staffFrom)) {
        connection.fail(request.id, {ErrorCode::Forbidden,
                                     QStringLiteral("Your role may not use %1").arg(request.type)});
        return;
    }
    entry->handler(connection, hub, request);
}

const CommandTable &CommandTable::standard()
{
    static const CommandTable table = makeStandard();
    return table;
}

} // namespace Tandem::Server
