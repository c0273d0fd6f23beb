// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsedmail.h"
#include "protocol/result.h"

#include <QByteArray>

namespace Tandem::Server::MimeParser {

//! What one mail may bring in.
struct Limits {
    qint64 maxMailBytes = 25 * 1024 * 1024;
    qint64 maxAttachmentBytes = 10 * 1024 * 1024; //!< larger ones are listed, not kept
    int maxParts = 200;
    qsizetype maxTextChars = 1024 * 1024;
};

//! Reads a received mail (RFC 5322 with MIME, as the mailbox holds it) with GMime: its
//! headers decoded, its text and HTML in UTF-8 from whatever charset and transfer encoding,
//! its attachments and inline images, and whether a machine sent it. A mail over the
//! limits, or one GMime cannot read as a message at all, is `bad_request`.
Result<ParsedMail> parse(const QByteArray &raw, const Limits &limits = {});

} // namespace Tandem::Server::MimeParser
