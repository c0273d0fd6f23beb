// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandtable.h"
#include "connection.h"

namespace Tandem::Server {

//! A handler for the common shape: decode the fields, run `operation(store, viewer,
//! command)` on the storage thread, and answer with `answer(connection, hub, id, result)`.
template<typename Command, typename Operation, typename Answer>
CommandTable::Handler storeCommand(Result<Command> (*decode)(const QJsonObject &),
                                   Operation operation, Answer answer)
{
    return [decode, operation, answer](Connection &connection, Hub &hub,
                                       const Frames::Request &request) {
        connection.perform(request.id, decode(request.fields), operation,
                           [&connection, &hub, id = request.id, answer](const auto &result) {
                               answer(connection, hub, id, result);
                           });
    };
}

//! The same for an operation that only reads (it runs on the reader's connection).
template<typename Command, typename Operation, typename Answer>
CommandTable::Handler readCommand(Result<Command> (*decode)(const QJsonObject &),
                                  Operation operation, Answer answer)
{
    return [decode, operation, answer](Connection &connection, Hub &hub,
                                       const Frames::Request &request) {
        connection.performRead(request.id, decode(request.fields), operation,
                               [&connection, &hub, id = request.id, answer](const auto &result) {
                                   answer(connection, hub, id, result);
                               });
    };
}

} // namespace Tandem::Server
