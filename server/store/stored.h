// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QString>
#include <utility>

namespace Tandem::Server {

//! Why a store operation failed, in kinds every back end reports the same way (the store
//! conformance suite holds each back end to them).
enum class StoreError {
    NotFound,   //!< what was named does not exist
    Conflict,   //!< it clashes with what exists (a taken email, a reused id)
    Constraint, //!< it refers to something that does not exist, or breaks a rule of the data
    Io,         //!< the back end could not read or write (disk, connection, busy)
};

QString storeErrorName(StoreError error);

struct StoreFailure {
    StoreError kind = StoreError::Io;
    QString detail; //!< for logs, not for clients
};

//! A store operation's value, or why there is none.
template<typename T> class Stored : public Expected<T, StoreFailure>
{
public:
    using Expected<T, StoreFailure>::Expected;
    Stored(StoreError kind, QString detail = {})
        : Expected<T, StoreFailure>(StoreFailure{kind, std::move(detail)})
    {
    }
    StoreError error() const { return this->failure().kind; }
    bool isNotFound() const { return !this->ok() && error() == StoreError::NotFound; }
};

//! A failure told to a client: not found and conflicts say so in `message`; anything else
//! is the server's problem ("internal"), with the detail kept for the log.
Failure toClientFailure(const StoreFailure &failure, const QString &message);

//! A failure of the store while doing what a client asked: "The change could not be saved"
//! (or not found / conflict, as toClientFailure tells them).
Failure storageFailed(const StoreFailure &failure);

//! The value, or the failure as a client is told it (see toClientFailure).
template<typename T> Result<T> forClient(Stored<T> stored, const QString &message)
{
    if (stored)
        return std::move(stored.value());
    return toClientFailure(stored.failure(), message);
}

} // namespace Tandem::Server
