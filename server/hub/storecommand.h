// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandtable.h"
#include "connection.h"

namespace Tandem::Server {

//! A handler for the common shape: decode the fields, run `operation(store, viewer,
//! command)` on the storage thread (on the reader's connection when `ReadOnly`), and
//! answer with `answer(connection, hub, id, result)`.
template<bool ReadOnly, typename Command, typename Operation, typename Answer>
CommandTable::Handler decodedCommand(Result<Command> (*decode)(const QJsonObject &),
                                     Operation operation, Answer answer)
{
    return [decode, operation, answer](Connection &connection, Hub &hub,
                                       const Frames::Request &request) {
        auto reply = [&connection, &hub, id = request.id, answer](const auto &result) {
            answer(connection, hub, id, result);
        };
        if constexpr (ReadOnly)
            connection.performRead(request.id, decode(request.fields), operation, reply);
        else
            connection.perform(request.id, decode(request.fields), operation, reply);
    };
}

//! A command that writes.
template<typename Command, typename Operation, typename Answer>
CommandTable::Handler storeCommand(Result<Command> (*decode)(const QJsonObject &),
                                   Operation operation, Answer answer)
{
    return decodedCommand<false>(decode, operation, answer);
}

//! A command that only reads.
template<typename Command, typename Operation, typename Answer>
CommandTable::Handler readCommand(Result<Command> (*decode)(const QJsonObject &),
                                  Operation operation, Answer answer)
{
    return decodedCommand<true>(decode, operation, answer);
}

} // namespace Tandem::Server
