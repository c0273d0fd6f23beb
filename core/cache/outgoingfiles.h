// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QUuid>

//! The files of emails waiting in the outbox, copied into a folder beside the cache (one
//! folder per outbox entry, named by its clientId), so that what was attached goes out
//! even if the original is moved or deleted before the connection returns. Called off the
//! GUI thread.
namespace Tandem::OutgoingFiles {

//! Copies each file of `email`'s `files` that names a `source` into `folder`/`clientId`/,
//! replacing `source` by `path`; a file that cannot be copied gets `missing` (why), so the
//! outbox reports it rather than sending the email without it.
QJsonObject keep(const QString &folder, const QUuid &clientId, QJsonObject email);

//! Removes the copies of entries no longer in the outbox (`waiting`).
void sweep(const QString &folder, const QSet<QUuid> &waiting);

} // namespace Tandem::OutgoingFiles
