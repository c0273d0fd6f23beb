// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "errorcode.h"

#include <utility>
#include <variant>

namespace Tandem {

//! Either a value or the Failure that prevented it.
template<typename T> class Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Failure failure)
        : m_state(std::move(failure))
    {
    }
    Result(ErrorCode code, QString message)
        : m_state(Failure{code, std::move(message)})
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const T *operator->() const { return &value(); }
    const Failure &failure() const { return std::get<Failure>(m_state); }

private:
    std::variant<T, Failure> m_state;
};

//! For operations that give nothing back but can fail.
struct Done {
};

} // namespace Tandem
