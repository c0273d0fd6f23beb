// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"
#include "store/store.h"
#include "viewer.h"

#include <QJsonArray>

//! Files agents send ahead of the message that carries them (docs/protocol.md, "HTTP" and
//! "send"): an email's attachments.
namespace Tandem::Server::Uploads {

//! What one agent may have waiting for a message, and for how long.
constexpr int MaxWaitingFiles = 50;
constexpr qint64 MaxWaitingBytes = 200LL * 1024 * 1024;
constexpr int KeptHours = 24;

struct Put {
    UploadRecord upload;  //!< without its data
    bool created = false; //!< false: the same upload was made before (a retry)
};

//! Keeps `data` as upload `id` of the staff session `tokenHash`. The same id again from the
//! same agent with the same name and size is the first upload; anything else with it is
//! `conflict`. An empty file, a name too long, or more waiting than the limits allow are
//! refused; a content type that is not one is kept as application/octet-stream.
Result<Put> put(Store &store, const QByteArray &tokenHash, const QUuid &id, const QString &name,
                const QString &contentType, const QByteArray &data);

//! The files of a message `viewer` is about to write, as its `email.attachments` lists them:
//! each an upload of theirs (else `not_found`), together at most Protocol::MaxFilesBytes.
Result<QJsonArray> describe(Store &store, const Viewer &viewer, const QList<QUuid> &files);
//! Makes them the message's attachments, in order, in the caller's transaction.
Result<Done> attach(Store &store, const QList<QUuid> &files, qint64 messageId);

} // namespace Tandem::Server::Uploads
