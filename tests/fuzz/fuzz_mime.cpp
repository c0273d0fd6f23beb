// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer over the email intake's reading of mail: whatever bytes arrive as a mail, the
// parser answers (a mail or a refusal) without crashing, leaking or overrunning, and what
// it read is folded (new words from quoted history) and, for HTML, read as text.
// Built and run by `./run fuzz` (not part of the test suite).
#include "channels/email/mailtext.h"
#include "channels/email/mimeparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Tandem::Server;
    MimeParser::Limits limits;
    limits.maxAttachmentBytes = 64 * 1024; // small, so that the limit itself is exercised
    limits.maxParts = 50;
    const auto mail = MimeParser::parse(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), limits);
    if (mail) {
        (void)MailText::fold(mail->text);
        (void)MailText::fromHtml(mail->html);
    }
    return 0;
}
