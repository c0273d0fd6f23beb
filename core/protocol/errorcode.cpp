// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorcode.h"

#include <array>

namespace Tandem {
namespace {
struct Entry {
    ErrorCode code;
    const char16_t *name;
};
constexpr std::array<Entry, 17> entries{{
    {ErrorCode::BadFrame, u"bad_frame"},
    {ErrorCode::BadRequest, u"bad_request"},
    {ErrorCode::UnknownType, u"unknown_type"},
    {ErrorCode::UnsupportedVersion, u"unsupported_version"},
    {ErrorCode::Unauthenticated, u"unauthenticated"},
    {ErrorCode::BadCredentials, u"bad_credentials"},
    {ErrorCode::AccountDisabled, u"account_disabled"},
    {ErrorCode::TokenInvalid, u"token_invalid"},
    {ErrorCode::TokenExpired, u"token_expired"},
    {ErrorCode::NotFound, u"not_found"},
    {ErrorCode::Conflict, u"conflict"},
    {ErrorCode::RateLimited, u"rate_limited"},
    {ErrorCode::Forbidden, u"forbidden"},
    {ErrorCode::InvalidState, u"invalid_state"},
    {ErrorCode::Unavailable, u"unavailable"},
    {ErrorCode::OverCapacity, u"over_capacity"},
    {ErrorCode::Internal, u"internal"},
}};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &e : entries) {
        if (e.code == code)
            return QString::fromUtf16(e.name);
    }
    return QStringLiteral("internal");
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (const auto &e : entries) {
        if (name == QString::fromUtf16(e.name))
            return e.code;
    }
    return std::nullopt;
}

} // namespace Tandem
