// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer over the email intake's reading of mail: whatever bytes arrive as a mail, the
// parser answers (a mail or a refusal) without crashing, leaking or overrunning.
// Built and run by `./run fuzz` (not part of the test suite).
#include "channels/email/mimeparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Tandem::Server;
    MimeParser::Limits limits;
    limits.maxAttachmentBytes = 64 * 1024; // small, so that the limit itself is exercised
    limits.maxParts = 50;
    (void)MimeParser::parse(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), limits);
    return 0;
}
