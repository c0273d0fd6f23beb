// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsedmail.h"

//! Outlook's winmail.dat (application/ms-tnef): the files it wraps, read with libytnef, so a
//! customer writing from Outlook is seen with the files they attached rather than one
//! opaque file.
namespace Tandem::Server::TnefReader {

//! Whether `file` is such a wrapper.
bool isTnef(const MailAttachment &file);

//! The files inside `tnef`, in order: their names (the long one where Outlook gave it), types
//! (the one it gave, else from the name) and contents; one over `maxBytes` is listed as too
//! large, without its data. Empty when it holds no file or cannot be read; at most
//! `maxFiles`.
QList<MailAttachment> files(const QByteArray &tnef, qint64 maxBytes, int maxFiles);

} // namespace Tandem::Server::TnefReader
