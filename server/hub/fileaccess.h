// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"
#include "store/store.h"

//! Who may download what came with a message (docs/protocol.md, "HTTP").
namespace Tandem::Server::FileAccess {

//! The `index`th file of message `messageId`, for the staff session `tokenHash` when it
//! sees the message's conversation: a message out of sight answers `not_found` exactly
//! like a missing one; a file that was not kept (too large) too, saying so.
Result<AttachmentRecord> messageFile(Store &store, const QByteArray &tokenHash, qint64 messageId,
                                     int index);

} // namespace Tandem::Server::FileAccess
