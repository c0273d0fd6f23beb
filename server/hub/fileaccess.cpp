// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileaccess.h"

#include "deskoperations.h"

namespace Tandem::Server::FileAccess {

Result<AttachmentRecord> messageFile(Store &store, const QByteArray &tokenHash, qint64 messageId,
                                     int index)
{
    const auto staff = DeskOperations::authenticateStaff(store, tokenHash);
    if (!staff)
        return staff.failure();
    const Viewer viewer = Viewer::ofStaff(staff->agent, tokenHash, staff->inboxes);
    const Failure missing{ErrorCode::NotFound, QStringLiteral("No such file")};
    const auto message = store.message(messageId);
    if (!message && !message.isNotFound())
        return storageFailed(message.failure());
    if (!message || message->isStaffOnly())
        return missing;
    const auto conversation =
        DeskOperations::accessibleConversation(store, viewer, message->conversationId);
    if (!conversation)
        return conversation.failure();
    const auto file = store.attachment(messageId, index);
    if (!file && file.isNotFound())
        return missing;
    if (!file)
        return storageFailed(file.failure());
    if (!file->kept)
        return Failure{ErrorCode::NotFound,
                       QStringLiteral("This file (%1 bytes) was larger than the server keeps")
                           .arg(file->size)};
    return file.value();
}

} // namespace Tandem::Server::FileAccess
