// SPDX-License-Identifier: GPL-3.0-or-later
#include "mimeparser.h"

#include "gmimeobjects.h"
#include "tnefreader.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace Tandem::Server::MimeParser {
namespace {

using GMimeObjects::Owned;

//! A g_malloc'd string, freed after use.
QString takeString(char *text)
{
    const QString out = text ? QString::fromUtf8(text) : QString();
    g_free(text);
    return out;
}

QString header(GMimeObject *object, const char *name)
{
    const char *value = g_mime_object_get_header(object, name);
    return value ? QString::fromUtf8(value).trimmed() : QString();
}

QList<MailAddress> addresses(InternetAddressList *list)
{
    QList<MailAddress> out;
    if (!list)
        return out;
    for (int i = 0; i < internet_address_list_length(list); ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
            const char *name = internet_address_get_name(address);
            out.append({name ? QString::fromUtf8(name) : QString(),
                        addr ? QString::fromUtf8(addr) : QString()});
        } else if (INTERNET_ADDRESS_IS_GROUP(address)) {
            out.append(
                addresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address))));
        }
    }
    return out;
}

QByteArray contentOf(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    Owned<GMimeStream> memory(g_mime_stream_mem_new());
    if (g_mime_data_wrapper_write_to_stream(content, memory.p) < 0)
        return {};
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.p));
    return QByteArray(reinterpret_cast<const char *>(bytes->data), int(bytes->len));
}

//! The signs a machine wrote the mail (RFC 3834 and the headers mail systems actually
//! use), and the reason, or empty.
QString automaticSign(GMimeObject *message, const ParsedMail &mail)
{
    const QString autoSubmitted = header(message, "Auto-Submitted").toLower();
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith(QLatin1String("no")))
        return QStringLiteral("Auto-Submitted: ") + autoSubmitted;
    for (const char *name : {"X-Autoreply", "X-Autorespond", "X-Auto-Reply"})
        if (!header(message, name).isEmpty())
            return QString::fromLatin1(name);
    const QString precedence = header(message, "Precedence").toLower();
    if (precedence == QLatin1String("bulk") || precedence == QLatin1String("junk")
        || precedence == QLatin1String("list"))
        return QStringLiteral("Precedence: ") + precedence;
    if (!header(message, "List-Id").isEmpty() || !header(message, "List-Unsubscribe").isEmpty())
        return QStringLiteral("a mailing list");
    if (header(message, "Return-Path") == QLatin1String("<>"))
        return QStringLiteral("an empty envelope sender");
    const QString local = mail.from.address.section(QLatin1Char('@'), 0, 0).toLower();
    if (local == QLatin1String("mailer-daemon") || local == QLatin1String("postmaster"))
        return QStringLiteral("sent by ") + local;
    // Out-of-office answers that carry none of the headers (older Exchange, some webmail).
    static const QRegularExpression outOfOffice(
        QStringLiteral("^(out of (the )?office|automatic reply|auto(matic)?[ -]?reply|auto:|"
                       "abwesenheitsnotiz|automatische antwort|r\u00e9ponse automatique|"
                       "absence)"),
        QRegularExpression::CaseInsensitiveOption);
    if (outOfOffice.match(mail.subject.trimmed()).hasMatch())
        return QStringLiteral("an out-of-office subject");
    return {};
}

struct Walk {
    ParsedMail *mail;
    const Limits *limits;
    int parts = 0;
    bool tooManyParts = false;
};

void visit(GMimeObject *, GMimeObject *object, gpointer context)
{
    auto *walk = static_cast<Walk *>(context);
    if (++walk->parts > walk->limits->maxParts) {
        walk->tooManyParts = true;
        return;
    }
    ParsedMail &mail = *walk->mail;
    if (GMIME_IS_MESSAGE_PART(object)) { // a mail forwarded as an attachment
        GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        MailAttachment a;
        a.contentType = QStringLiteral("message/rfc822");
        a.fileName = QStringLiteral("forwarded.eml");
        if (inner) {
            Owned<GMimeStream> memory(g_mime_stream_mem_new());
            g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, memory.p);
            GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.p));
            a.size = bytes->len;
            if (a.size <= walk->limits->maxAttachmentBytes)
                a.data = QByteArray(reinterpret_cast<const char *>(bytes->data), int(bytes->len));
            else
                a.tooLarge = true;
        }
        mail.attachments.append(a);
        return;
    }
    if (!GMIME_IS_PART(object))
        return; // a multipart: its parts come next
    GMimePart *part = GMIME_PART(object);
    GMimeContentType *type = g_mime_object_get_content_type(object);
    const bool attachment = g_mime_part_is_attachment(part);
    const bool plain = type && g_mime_content_type_is_type(type, "text", "plain");
    const bool html = type && g_mime_content_type_is_type(type, "text", "html");
    if (!attachment && GMIME_IS_TEXT_PART(object)
        && ((plain && mail.text.isEmpty()) || (html && mail.html.isEmpty()))) {
        QString text = takeString(g_mime_text_part_get_text(GMIME_TEXT_PART(object)));
        text.truncate(walk->limits->maxTextChars);
        (plain ? mail.text : mail.html) = text;
        return;
    }
    MailAttachment a;
    a.contentType = type ? takeString(g_mime_content_type_get_mime_type(type))
                         : QStringLiteral("application/octet-stream");
    const char *name = g_mime_part_get_filename(part);
    a.fileName = name ? QString::fromUtf8(name) : QString();
    const char *id = g_mime_object_get_content_id(object);
    a.contentId = id ? QString::fromUtf8(id) : QString();
    a.isInline = !attachment && !a.contentId.isEmpty();
    const QByteArray data = contentOf(part);
    a.size = data.size();
    if (a.size <= walk->limits->maxAttachmentBytes)
        a.data = data;
    else
        a.tooLarge = true;
    mail.attachments.append(a);
}

//! The Message-ID of the mail whose header (text/rfc822-headers) or whole (message/rfc822)
//! a bounce returns.
QString returnedMessageId(const QByteArray &returned)
{
    const QByteArray whole = returned.endsWith("\n\n") || returned.endsWith("\r\n\r\n")
                                 ? returned
                                 : returned + "\r\n\r\n";
    Owned<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(whole.constData(), size_t(whole.size())));
    Owned<GMimeParser> parser(g_mime_parser_new_with_stream(stream.p));
    Owned<GMimeMessage> message(g_mime_parser_construct_message(parser.p, nullptr));
    const char *id = message.p ? g_mime_message_get_message_id(message.p) : nullptr;
    return id ? QString::fromUtf8(id) : QString();
}

//! Why a delivery failed: the first recipient's Diagnostic-Code, else its Status.
QString deliveryFailure(const QByteArray &status)
{
    static const QRegularExpression diagnostic(
        QStringLiteral("^Diagnostic-Code:\\s*(?:[^;\\s]+;\\s*)?(.+(?:\\n[ \\t].+)*)"),
        QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression code(QStringLiteral("^Status:\\s*(\\S+)"),
                                         QRegularExpression::MultilineOption
                                             | QRegularExpression::CaseInsensitiveOption);
    const QString text =
        QString::fromUtf8(status).replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (const auto m = diagnostic.match(text); m.hasMatch())
        return m.captured(1).simplified().left(500);
    if (const auto m = code.match(text); m.hasMatch())
        return QStringLiteral("delivery status %1").arg(m.captured(1));
    return {};
}

void readBounce(ParsedMail &mail)
{
    for (const MailAttachment &a : std::as_const(mail.attachments)) {
        const QString type = a.contentType.toLower();
        if (type == QLatin1String("message/delivery-status") && mail.bounceReason.isEmpty())
            mail.bounceReason = deliveryFailure(a.data);
        else if ((type == QLatin1String("text/rfc822-headers")
                  || type == QLatin1String("message/rfc822"))
                 && mail.bouncedMessageId.isEmpty())
            mail.bouncedMessageId = returnedMessageId(a.data);
    }
    if (mail.bounceReason.isEmpty())
        mail.bounceReason = mail.text.section(QLatin1Char('\n'), 0, 2).simplified().left(500);
}

} // namespace

Result<ParsedMail> parse(const QByteArray &raw, const Limits &limits)
{
    if (raw.size() > limits.maxMailBytes)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("The mail is larger than %1 bytes").arg(limits.maxMailBytes)};
    GMimeObjects::ensureInitialised();

    Owned<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    Owned<GMimeParser> parser(g_mime_parser_new_with_stream(stream.p));
    Owned<GMimeMessage> message(g_mime_parser_construct_message(parser.p, nullptr));
    if (!message.p)
        return Failure{ErrorCode::BadRequest, QStringLiteral("Not a mail that can be read")};
    GMimeObject *object = GMIME_OBJECT(message.p);

    ParsedMail mail;
    if (const char *id = g_mime_message_get_message_id(message.p))
        mail.messageId = QString::fromUtf8(id);
    if (const char *value = g_mime_object_get_header(object, "In-Reply-To"))
        mail.inReplyTo = takeString(g_mime_utils_decode_message_id(value));
    if (const char *value = g_mime_object_get_header(object, "References")) {
        GMimeReferences *references = g_mime_references_parse(nullptr, value);
        for (int i = 0; references && i < g_mime_references_length(references); ++i)
            mail.references.append(
                QString::fromUtf8(g_mime_references_get_message_id(references, i)));
        if (references)
            g_mime_references_free(references);
    }
    if (const char *subject = g_mime_message_get_subject(message.p))
        mail.subject = QString::fromUtf8(subject);
    const QList<MailAddress> from = addresses(g_mime_message_get_from(message.p));
    if (!from.isEmpty())
        mail.from = from.first();
    mail.to = addresses(g_mime_message_get_to(message.p));
    mail.cc = addresses(g_mime_message_get_cc(message.p));
    mail.replyTo = addresses(g_mime_message_get_reply_to(message.p));
    if (GDateTime *date = g_mime_message_get_date(message.p))
        mail.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), QTimeZone::utc());

    Walk walk{&mail, &limits};
    if (GMimeObject *body = g_mime_message_get_mime_part(message.p)) {
        if (GMIME_IS_MULTIPART(body))
            g_mime_multipart_foreach(GMIME_MULTIPART(body), visit, &walk);
        else
            visit(object, body, &walk);
        GMimeContentType *type = g_mime_object_get_content_type(body);
        if (type && g_mime_content_type_is_type(type, "multipart", "report")) {
            const char *report = g_mime_content_type_get_parameter(type, "report-type");
            mail.bounce = report && QByteArray(report).toLower() == "delivery-status";
        }
    }
    if (walk.tooManyParts)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("The mail has more than %1 parts").arg(limits.maxParts)};
    // Outlook's winmail.dat: the files it wraps, in its place (itself when it wraps none).
    QList<MailAttachment> unwrapped;
    for (const MailAttachment &a : std::as_const(mail.attachments)) {
        const QList<MailAttachment> inside =
            TnefReader::isTnef(a) && !a.tooLarge
                ? TnefReader::files(a.data, limits.maxAttachmentBytes, limits.maxParts)
                : QList<MailAttachment>();
        if (inside.isEmpty())
            unwrapped.append(a);
        else
            unwrapped += inside;
    }
    if (unwrapped.size() > limits.maxParts)
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("The mail has more than %1 parts").arg(limits.maxParts)};
    mail.attachments = unwrapped;
    if (mail.bounce)
        readBounce(mail);
    mail.automaticBecause = mail.bounce ? QStringLiteral("a delivery status notification")
                                        : automaticSign(object, mail);
    mail.automatic = !mail.automaticBecause.isEmpty();
    return mail;
}

} // namespace Tandem::Server::MimeParser
