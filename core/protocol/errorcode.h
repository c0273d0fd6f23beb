// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Tandem {

//! The stable, machine-readable reasons a request can fail (docs/protocol.md).
enum class ErrorCode {
    BadFrame,
    BadRequest,
    UnknownType,
    UnsupportedVersion,
    Unauthenticated,
    BadCredentials,
    AccountDisabled,
    TokenInvalid,
    TokenExpired,
    NotFound,
    Conflict,
    RateLimited,
    Forbidden,
    InvalidState,
    Unavailable,
    OverCapacity,
    Internal,
};

QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);

//! A failure to report to whoever asked: a code for programs, a message for people.
struct Failure {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    //! With `rate_limited`: how long to wait before trying again (`retryAfterMs`).
    std::optional<qint64> retryAfterMs = std::nullopt;
};

} // namespace Tandem
