// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailcomposer.h"

#include "gmimeobjects.h"

namespace Tandem::Server {
namespace {

using GMimeObjects::Owned;

QString htmlOf(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QLatin1String("<br>\n"));
    return html;
}

QString quotedText(const QString &lead, const QString &quoted)
{
    QStringList lines = quoted.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line =
            (line.startsWith(QLatin1Char('>')) ? QStringLiteral(">") : QStringLiteral("> ")) + line;
    return lead + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

GMimeObject *textPart(const char *subtype, const QString &content)
{
    GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
    g_mime_text_part_set_text(part, content.toUtf8().constData());
    g_mime_object_encode(GMIME_OBJECT(part), GMIME_ENCODING_CONSTRAINT_7BIT);
    return GMIME_OBJECT(part);
}

GMimeObject *attachmentPart(const MailAttachment &a)
{
    const QStringList type = a.contentType.split(QLatin1Char('/'));
    const QByteArray major = type.value(0, QStringLiteral("application")).toUtf8();
    const QByteArray minor = type.value(1, QStringLiteral("octet-stream")).toUtf8();
    GMimePart *part = g_mime_part_new_with_type(major.constData(), minor.constData());
    Owned<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(a.data.constData(), size_t(a.data.size())));
    Owned<GMimeDataWrapper> content(
        g_mime_data_wrapper_new_with_stream(stream.p, GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part, content.p);
    g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
    if (!a.fileName.isEmpty())
        g_mime_part_set_filename(part, a.fileName.toUtf8().constData());
    if (!a.contentId.isEmpty())
        g_mime_part_set_content_id(part, a.contentId.toUtf8().constData());
    g_mime_object_set_disposition(GMIME_OBJECT(part), a.isInline ? "inline" : "attachment");
    return GMIME_OBJECT(part);
}

void addAddresses(GMimeMessage *message, GMimeAddressType type, const QList<MailAddress> &list)
{
    for (const MailAddress &a : list)
        g_mime_message_add_mailbox(message, type, a.name.toUtf8().constData(),
                                   a.address.toUtf8().constData());
}

QByteArray bracketed(const QString &id)
{
    return '<' + id.toUtf8() + '>';
}

} // namespace

QByteArray composeMail(const OutgoingMail &mail)
{
    GMimeObjects::ensureInitialised();
    Owned<GMimeMessage> message(g_mime_message_new(TRUE));
    GMimeObject *headers = GMIME_OBJECT(message.p);
    addAddresses(message.p, GMIME_ADDRESS_TYPE_FROM, {mail.from});
    addAddresses(message.p, GMIME_ADDRESS_TYPE_TO, mail.to);
    addAddresses(message.p, GMIME_ADDRESS_TYPE_CC, mail.cc);
    if (!mail.replyTo.isEmpty())
        addAddresses(message.p, GMIME_ADDRESS_TYPE_REPLY_TO, {{mail.from.name, mail.replyTo}});
    g_mime_message_set_subject(message.p, mail.subject.toUtf8().constData(), "utf-8");
    g_mime_message_set_message_id(message.p, mail.messageId.toUtf8().constData());
    if (!mail.inReplyTo.isEmpty())
        g_mime_object_set_header(headers, "In-Reply-To", bracketed(mail.inReplyTo).constData(),
                                 nullptr);
    if (!mail.references.isEmpty()) {
        QByteArrayList refs;
        for (const QString &r : mail.references)
            refs.append(bracketed(r));
        g_mime_object_set_header(headers, "References", refs.join(' ').constData(), nullptr);
    }
    if (mail.automatic)
        g_mime_object_set_header(headers, "Auto-Submitted", "auto-replied", nullptr);
    const QDateTime date =
        (mail.date.isValid() ? mail.date : QDateTime::currentDateTimeUtc()).toUTC();
    GDateTime *when = g_date_time_new_from_unix_utc(date.toSecsSinceEpoch());
    g_mime_message_set_date(message.p, when);
    g_date_time_unref(when);

    QString plain = mail.text;
    QString html =
        QStringLiteral("<!DOCTYPE html><html><body><div>%1</div>").arg(htmlOf(mail.text));
    if (!mail.quoted.isEmpty()) {
        plain += QStringLiteral("\n\n") + quotedText(mail.quoteLead, mail.quoted);
        html += QStringLiteral("<div>%1</div><blockquote style=\"margin:0 0 0 .8ex;"
                               "border-left:1px solid #ccc;padding-left:1ex\">%2</blockquote>")
                    .arg(mail.quoteLead.toHtmlEscaped(), htmlOf(mail.quoted));
    }
    html += QStringLiteral("</body></html>");

    GMimeMultipart *alternative = g_mime_multipart_new_with_subtype("alternative");
    GMimeObject *plainPart = textPart("plain", plain);
    GMimeObject *htmlPart = textPart("html", html);
    g_mime_multipart_add(alternative, plainPart);
    g_mime_multipart_add(alternative, htmlPart);
    g_object_unref(plainPart);
    g_object_unref(htmlPart);
    GMimeObject *body = GMIME_OBJECT(alternative);
    if (!mail.attachments.isEmpty()) {
        GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
        g_mime_multipart_add(mixed, body);
        g_object_unref(body);
        for (const MailAttachment &a : mail.attachments) {
            GMimeObject *part = attachmentPart(a);
            g_mime_multipart_add(mixed, part);
            g_object_unref(part);
        }
        body = GMIME_OBJECT(mixed);
    }
    g_mime_message_set_mime_part(message.p, body);
    g_object_unref(body);

    GMimeFormatOptions *options = g_mime_format_options_clone(nullptr);
    g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
    char *text = g_mime_object_to_string(headers, options);
    g_mime_format_options_free(options);
    QByteArray out(text);
    g_free(text);
    return out;
}

} // namespace Tandem::Server
