// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/mailboxsettings.h"

#include <QByteArray>
#include <QStringList>
#include <chrono>

namespace Tandem::Server {

//! Sends one mail over SMTP through libetpan: connect (implicit TLS or STARTTLS, the
//! certificate checked by MailTls before the password goes), authenticate, MAIL FROM, RCPT
//! TO each recipient, DATA. Blocks (each network wait bounded by the timeout): run it off
//! the event loop. Failures: BadRequest when the server refused the mail for good (a 5xx
//! reply: an unknown recipient, content refused) with what it said; BadCredentials (login
//! refused) and Forbidden (certificate not trusted) for the mailbox's settings;
//! Unavailable for anything worth trying again (network, a 4xx reply).
namespace SmtpClient {

Result<Done> send(const MailServer &server, const QByteArray &password, const QString &from,
                  const QStringList &recipients, const QByteArray &mail,
                  std::chrono::seconds timeout = std::chrono::seconds(60));

} // namespace SmtpClient
} // namespace Tandem::Server
