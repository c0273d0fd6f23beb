// SPDX-License-Identifier: GPL-3.0-or-later
#include "stored.h"

#include "logging/logging.h"

namespace Tandem::Server {

QString storeErrorName(StoreError error)
{
    switch (error) {
    case StoreError::NotFound:
        return QStringLiteral("not found");
    case StoreError::Conflict:
        return QStringLiteral("conflict");
    case StoreError::Constraint:
        return QStringLiteral("constraint");
    case StoreError::Io:
        return QStringLiteral("i/o");
    }
    return QStringLiteral("i/o");
}

Failure toClientFailure(const StoreFailure &failure, const QString &message)
{
    switch (failure.kind) {
    case StoreError::NotFound:
        return {ErrorCode::NotFound, message};
    case StoreError::Conflict:
        return {ErrorCode::Conflict, message};
    case StoreError::Constraint:
    case StoreError::Io:
        break;
    }
    qCWarning(lcStore) << "store" << storeErrorName(failure.kind) << "failure:" << failure.detail;
    return {ErrorCode::Internal, QStringLiteral("The change could not be saved")};
}

Failure storageFailed(const StoreFailure &failure)
{
    return toClientFailure(failure, QStringLiteral("The change could not be saved"));
}

} // namespace Tandem::Server
