// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QString>
#include <utility>
#include <variant>

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
template<typename T> class Stored
{
public:
    Stored(T value)
        : m_state(std::move(value))
    {
    }
    Stored(StoreFailure failure)
        : m_state(std::move(failure))
    {
    }
    Stored(StoreError kind, QString detail = {})
        : m_state(StoreFailure{kind, std::move(detail)})
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const { return value(); }
    const StoreFailure &failure() const { return std::get<StoreFailure>(m_state); }
    StoreError error() const { return failure().kind; }
    bool isNotFound() const { return !ok() && error() == StoreError::NotFound; }

    //! The value, or `fallback` whatever the failure.
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, StoreFailure> m_state;
};

//! A failure told to a client: not found and conflicts say so in `message`; anything else
//! is the server's problem ("internal"), with the detail kept for the log.
Failure toClientFailure(const StoreFailure &failure, const QString &message);

//! The value, or the failure as a client is told it (see toClientFailure).
template<typename T> Result<T> forClient(Stored<T> stored, const QString &message)
{
    if (stored)
        return std::move(stored.value());
    return toClientFailure(stored.failure(), message);
}

} // namespace Tandem::Server
