// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/mailboxsettings.h"

#include <QString>

struct _mailstream;

namespace Tandem::Server::MailTls {

//! Whether the peer at the other end of `stream` (after its TLS handshake) may be given a
//! password: its certificate chain must verify against the system's authorities for
//! `server.host`, or its own certificate must be the one `server.trustedCertificate`
//! names. libetpan completes the handshake without checking either, so every connection
//! is checked here before anything secret is sent. Empty when it may; else why not.
QString refusal(_mailstream *stream, const MailServer &server);

//! The SHA-256 fingerprint (hex) of the certificate the peer showed; empty without TLS.
QString peerFingerprint(_mailstream *stream);

} // namespace Tandem::Server::MailTls
