// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "errorcode.h"

#include <utility>
#include <variant>

namespace Tandem {

//! Either a value or the error that prevented it.
template<typename T, typename E> class Expected
{
public:
    Expected(T value)
        : m_state(std::move(value))
    {
    }
    Expected(E error)
        : m_state(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const { return value(); }
    const E &failure() const { return std::get<E>(m_state); }

private:
    std::variant<T, E> m_state;
};

//! Either a value or the Failure (as clients are told it) that prevented it.
template<typename T> class Result : public Expected<T, Failure>
{
public:
    using Expected<T, Failure>::Expected;
    Result(ErrorCode code, QString message)
        : Expected<T, Failure>(Failure{code, std::move(message)})
    {
    }
};

//! For operations that give nothing back but can fail.
struct Done {
};

} // namespace Tandem
