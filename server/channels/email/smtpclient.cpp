// SPDX-License-Identifier: GPL-3.0-or-later
#include "smtpclient.h"

#include "mailtls.h"

#include <libetpan/libetpan.h>
#include <memory>

namespace Tandem::Server::SmtpClient {
namespace {

struct Session {
    mailsmtp *smtp = mailsmtp_new(0, nullptr);
    ~Session()
    {
        if (smtp) {
            if (smtp->stream)
                mailsmtp_quit(smtp);
            mailsmtp_free(smtp);
        }
    }
};

Failure failed(mailsmtp *smtp, int code, const MailServer &server, const QString &doing)
{
    const int reply = smtp ? smtp->response_code : 0;
    const QString said =
        smtp && smtp->response ? QString::fromUtf8(smtp->response).trimmed() : QString();
    ErrorCode kind = ErrorCode::Unavailable;
    if (code == MAILSMTP_ERROR_AUTH_LOGIN || code == MAILSMTP_ERROR_AUTH_AUTHENTICATION_FAILED
        || code == MAILSMTP_ERROR_AUTH_NOT_SUPPORTED || code == MAILSMTP_ERROR_AUTH_REQUIRED)
        kind = ErrorCode::BadCredentials;
    else if (reply >= 500 && reply < 600)
        kind = ErrorCode::BadRequest;
    QString message =
        QStringLiteral("SMTP %1:%2: %3 failed").arg(server.host).arg(server.port).arg(doing);
    if (code == MAILSMTP_ERROR_CONNECTION_REFUSED || code == MAILSMTP_ERROR_STREAM)
        message += QStringLiteral(" (the server cannot be reached or closed the connection)");
    if (reply)
        message += QStringLiteral(": %1 %2").arg(reply).arg(said.left(300));
    return Failure{kind, message};
}

} // namespace

Result<Done> send(const MailServer &server, const QByteArray &password, const QString &from,
                  const QStringList &recipients, const QByteArray &mail,
                  std::chrono::seconds timeout)
{
    if (recipients.isEmpty())
        return Failure{ErrorCode::BadRequest, QStringLiteral("a mail needs a recipient")};
    Session s;
    if (!s.smtp)
        return Failure{ErrorCode::Internal, QStringLiteral("out of memory")};
    mailsmtp_set_timeout(s.smtp, time_t(timeout.count()));
    const QByteArray host = server.host.toUtf8();
    int r = server.security == MailSecurity::Tls
                ? mailsmtp_ssl_connect(s.smtp, host.constData(), uint16_t(server.port))
                : mailsmtp_socket_connect(s.smtp, host.constData(), uint16_t(server.port));
    if (r != MAILSMTP_NO_ERROR)
        return failed(s.smtp, r, server, QStringLiteral("connecting"));
    r = mailesmtp_ehlo(s.smtp);
    if (r == MAILSMTP_ERROR_NOT_IMPLEMENTED)
        r = mailsmtp_helo(s.smtp);
    if (r != MAILSMTP_NO_ERROR)
        return failed(s.smtp, r, server, QStringLiteral("EHLO"));
    if (server.security == MailSecurity::StartTls) {
        r = mailsmtp_socket_starttls(s.smtp);
        if (r != MAILSMTP_NO_ERROR)
            return failed(s.smtp, r, server, QStringLiteral("STARTTLS"));
        r = mailesmtp_ehlo(s.smtp);
        if (r != MAILSMTP_NO_ERROR)
            return failed(s.smtp, r, server, QStringLiteral("EHLO after STARTTLS"));
    }
    if (server.security != MailSecurity::None) {
        const QString refused = MailTls::refusal(s.smtp->stream, server);
        if (!refused.isEmpty())
            return Failure{ErrorCode::Forbidden, refused};
    }
    if (!server.user.isEmpty()) {
        r = mailsmtp_auth(s.smtp, server.user.toUtf8().constData(), password.constData());
        if (r != MAILSMTP_NO_ERROR)
            return failed(s.smtp, r, server, QStringLiteral("login as %1").arg(server.user));
    }
    const QByteArray sender = from.toUtf8();
    r = (s.smtp->esmtp & MAILSMTP_ESMTP_DSN)
            ? mailesmtp_mail(s.smtp, sender.constData(), 0, nullptr)
            : mailsmtp_mail(s.smtp, sender.constData());
    if (r != MAILSMTP_NO_ERROR)
        return failed(s.smtp, r, server, QStringLiteral("MAIL FROM"));
    for (const QString &to : recipients) {
        r = mailsmtp_rcpt(s.smtp, to.toUtf8().constData());
        if (r != MAILSMTP_NO_ERROR)
            return failed(s.smtp, r, server, QStringLiteral("RCPT TO %1").arg(to));
    }
    r = mailsmtp_data(s.smtp);
    if (r != MAILSMTP_NO_ERROR)
        return failed(s.smtp, r, server, QStringLiteral("DATA"));
    r = mailsmtp_data_message(s.smtp, mail.constData(), size_t(mail.size()));
    if (r != MAILSMTP_NO_ERROR)
        return failed(s.smtp, r, server, QStringLiteral("sending the message"));
    return Done{};
}

} // namespace Tandem::Server::SmtpClient
