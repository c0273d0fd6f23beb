// SPDX-License-Identifier: GPL-3.0-or-later
// The email intake's reading of mail, over a corpus of the shapes mail clients send:
// alternative and mixed parts, charsets and transfer encodings, inline images and
// attachments, forwarded mail, machines' mail (out-of-office, lists, bounces), and mail
// broken in several ways, which must be read as far as it goes, never crash.
#include "channels/email/mimeparser.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Tandem;
using namespace Tandem::Server;

namespace {

QByteArray corpus(const char *name)
{
    QFile f(QStringLiteral(QT_TESTCASE_SOURCEDIR "/mail/corpus/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ParsedMail read(const char *name)
{
    const QByteArray raw = corpus(name);
    if (raw.isEmpty())
        qWarning() << "no such mail in the corpus:" << name;
    const auto parsed = MimeParser::parse(raw);
    if (!parsed)
        qWarning() << name << "was refused:" << parsed.failure().message;
    return parsed ? parsed.value() : ParsedMail{};
}

} // namespace

class TestMimeParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aReplyFromAppleMailKeepsItsThreadAndItsText()
    {
        const ParsedMail m = read("apple-alternative.eml");
        QCOMPARE(m.messageId, QStringLiteral("A1B2C3@mail.example.org"));
        QCOMPARE(m.inReplyTo, QStringLiteral("tandem.42.abc@example.com"));
        QCOMPARE(m.references, (QStringList{QStringLiteral("first@example.org"),
                                            QStringLiteral("tandem.42.abc@example.com")}));
        QCOMPARE(m.subject, QStringLiteral("Re: Bestellung 1042 – wo bleibt sie?"));
        QCOMPARE(m.from.name, QStringLiteral("Zoë Müller"));
        QCOMPARE(m.from.address, QStringLiteral("zoe@example.org"));
        QCOMPARE(m.to.size(), 1);
        QCOMPARE(m.cc.size(), 2);
        QCOMPARE(m.cc.at(1).address, QStringLiteral("anna@example.org"));
        QCOMPARE(m.date, QDateTime(QDate(2026, 12, 1), QTime(8, 15), QTimeZone::utc()));
        QVERIFY(m.text.startsWith(QStringLiteral("Grüße aus Köln – die Bestellung")));
        QVERIFY(m.html.contains(QStringLiteral("<b>noch nicht</b>")));
        QVERIFY(m.attachments.isEmpty());
        QVERIFY(!m.automatic);
        QVERIFY(!m.bounce);
    }

    void othersCharsetsAreReadAsUtf8()
    {
        const ParsedMail latin = read("latin1.eml");
        QCOMPARE(latin.subject, QStringLiteral("Réclamation"));
        QCOMPARE(latin.from.name, QStringLiteral("François"));
        QVERIFY2(latin.text.contains(QStringLiteral("abîmé")), qPrintable(latin.text));
        const ParsedMail japanese = read("shift-jis.eml");
        QCOMPARE(japanese.subject, QStringLiteral("注文"));
        QCOMPARE(japanese.from.name, QStringLiteral("山田"));
        QVERIFY2(japanese.text.startsWith(QStringLiteral("こんにちは、注文について")),
                 qPrintable(japanese.text));
    }

    void inlineImagesAndAttachmentsAreKeptApart()
    {
        const ParsedMail m = read("gmail-inline-and-attachment.eml");
        QCOMPARE(m.text, QStringLiteral("See the screenshot and the invoice."));
        QVERIFY(m.html.contains(QLatin1String("cid:shot@local")));
        QCOMPARE(m.attachments.size(), 2);
        const MailAttachment &image = m.attachments.at(0);
        QCOMPARE(image.contentId, QStringLiteral("shot@local"));
        QVERIFY(image.isInline);
        QCOMPARE(image.contentType, QStringLiteral("image/png"));
        QVERIFY(image.data.startsWith("\x89PNG"));
        const MailAttachment &pdf = m.attachments.at(1);
        QCOMPARE(pdf.fileName, QStringLiteral("Rechnung März.pdf"));
        QVERIFY(!pdf.isInline);
        QCOMPARE(pdf.contentType, QStringLiteral("application/pdf"));
        QVERIFY(pdf.data.startsWith("%PDF-1.4"));
        QCOMPARE(pdf.size, qint64(pdf.data.size()));
        // Over the limit, an attachment is listed but not kept.
        MimeParser::Limits small;
        small.maxAttachmentBytes = 1000;
        const auto limited = MimeParser::parse(corpus("gmail-inline-and-attachment.eml"), small);
        QVERIFY(limited);
        QVERIFY(limited->attachments.at(1).tooLarge);
        QVERIFY(limited->attachments.at(1).data.isEmpty());
        QVERIFY(limited->attachments.at(1).size > 1000);
        QVERIFY(!limited->attachments.at(0).tooLarge);
    }

    void aForwardedMailIsAnAttachment()
    {
        const ParsedMail m = read("forwarded.eml");
        QCOMPARE(m.text, QStringLiteral("This is what the shop told me."));
        QCOMPARE(m.attachments.size(), 1);
        QCOMPARE(m.attachments.first().contentType, QStringLiteral("message/rfc822"));
        QVERIFY(m.attachments.first().data.contains("Subject: Your order 1042"));
    }

    void machinesAreToldApart_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("automatic");
        QTest::addColumn<bool>("bounce");
        QTest::addColumn<QString>("because");
        QTest::newRow("RFC 3834 out-of-office")
            << "out-of-office.eml" << true << false << "Auto-Submitted: auto-replied";
        QTest::newRow("Outlook's subject only")
            << "outlook-automatic-reply.eml" << true << false << "an out-of-office subject";
        QTest::newRow("a bounce") << "bounce.eml" << true << true
                                  << "a delivery status notification";
        QTest::newRow("a mailing list")
            << "mailing-list.eml" << true << false << "Precedence: list";
        QTest::newRow("a person") << "apple-alternative.eml" << false << false << "";
    }

    void machinesAreToldApart()
    {
        QFETCH(QString, file);
        QFETCH(bool, automatic);
        QFETCH(bool, bounce);
        QFETCH(QString, because);
        const ParsedMail m = read(file.toLatin1().constData());
        QCOMPARE(m.automatic, automatic);
        QCOMPARE(m.bounce, bounce);
        QCOMPARE(m.automaticBecause, because);
    }

    void brokenMailIsReadAsFarAsItGoes()
    {
        const auto parsed = MimeParser::parse(corpus("malformed.eml"));
        QVERIFY(parsed);
        QVERIFY(parsed->text.contains(QLatin1String("Still readable text.")));
        QCOMPARE(parsed->from.address, QStringLiteral("broken@example.org"));
        // Whatever else is in there, nothing crashed and nothing was made up.
        for (const QByteArray &junk :
             {QByteArray(), QByteArray("\0\1\2\3", 4), QByteArray(5000, '\n'),
              QByteArray("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n--x\r\n"),
              QByteArray(100000, 'a')})
            (void)MimeParser::parse(junk);
    }

    void outlooksWinmailDatGivesTheFilesItWraps()
    {
        // A TNEF written by the format's rules (MS-OXTNEF): two files, one name in Latin-1.
        const ParsedMail mail = read("outlook-winmail-files.eml");
        QVERIFY(mail.text.startsWith(QStringLiteral("Here are the corrected invoice")));
        QCOMPARE(mail.attachments.size(), 2);
        const MailAttachment &invoice = mail.attachments.at(0);
        QCOMPARE(invoice.fileName, QStringLiteral("Rechnung März.pdf"));
        QCOMPARE(invoice.contentType, QStringLiteral("application/pdf"));
        QVERIFY(invoice.data.startsWith("%PDF-1.4\n% invoice 1142 corrected\n"));
        QCOMPARE(invoice.size, 34 + 256 * 8);
        QCOMPARE(invoice.data.size(), invoice.size);
        const MailAttachment &note = mail.attachments.at(1);
        QCOMPARE(note.fileName, QStringLiteral("delivery-note.txt"));
        QCOMPARE(note.contentType, QStringLiteral("text/plain"));
        QCOMPARE(note.data, QByteArray("Delivered: 3 boxes, 1 damaged.\r\n"));
    }

    // A winmail.dat that cannot be read stays the one file it is.
    void outlookWithWinmailDatIsReadAndItsAttachmentKept()
    {
        const ParsedMail mail = read("outlook-winmail.eml");
        QCOMPARE(mail.from.name, QStringLiteral("Kim Lee"));
        QVERIFY(mail.text.startsWith(QStringLiteral("Thanks – the new invoice is fine.")));
        QCOMPARE(mail.subject, QStringLiteral("RE: Invoice 2026-1142 [#17]"));
        QCOMPARE(mail.attachments.size(), 1);
        QCOMPARE(mail.attachments.first().fileName, QStringLiteral("winmail.dat"));
        QCOMPARE(mail.attachments.first().contentType, QStringLiteral("application/ms-tnef"));
        QCOMPARE(mail.attachments.first().size, 204);
        QVERIFY(!mail.automatic);
    }

    void outlookHtmlInWindows1252IsReadAsUtf8()
    {
        const ParsedMail mail = read("outlook-html.eml");
        QCOMPARE(mail.from.name, QStringLiteral("René Müller"));
        QCOMPARE(mail.subject, QStringLiteral("Lieferung für Bestellung 8812"));
        QVERIFY(mail.text.contains(QStringLiteral("unvollständig – das Kabel fehlt")));
        QVERIFY(mail.html.contains(QStringLiteral("unvollständig – das")));
        QCOMPARE(mail.cc.size(), 1);
        QCOMPARE(mail.cc.first().address, QStringLiteral("office@fabrikam.example"));
        QVERIFY(mail.attachments.isEmpty());
    }

    void aHugeAttachmentIsListedNotKept()
    {
        // 12 MB of attachment in a mail under the mail limit: over the attachment limit.
        const QByteArray payload(12 * 1024 * 1024, 'x');
        QByteArray raw = "From: big@example.org\r\nTo: support@example.com\r\nSubject: Video\r\n"
                         "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                         "--b\r\nContent-Type: text/plain\r\n\r\nThe video of the fault.\r\n"
                         "--b\r\nContent-Type: video/mp4\r\nContent-Disposition: attachment; "
                         "filename=fault.mp4\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        raw += payload.toBase64();
        raw += "\r\n--b--\r\n";
        const auto parsed = MimeParser::parse(raw);
        QVERIFY(parsed);
        QCOMPARE(parsed->text.trimmed(), QStringLiteral("The video of the fault."));
        QCOMPARE(parsed->attachments.size(), 1);
        QCOMPARE(parsed->attachments.first().fileName, QStringLiteral("fault.mp4"));
        QCOMPARE(parsed->attachments.first().size, payload.size());
        QVERIFY(parsed->attachments.first().tooLarge);
        QVERIFY(parsed->attachments.first().data.isEmpty());
    }

    void aBounceNamesTheMailItReturnsAndWhy()
    {
        const ParsedMail mail = read("bounce.eml");
        QVERIFY(mail.bounce);
        QVERIFY(mail.automatic);
        QCOMPARE(mail.bouncedMessageId, QStringLiteral("tandem.42.abc@example.com"));
        QCOMPARE(mail.bounceReason,
                 QStringLiteral("550 5.1.1 <nobody@example.org>: Recipient address rejected"));
    }

    void limitsAreHeld()
    {
        MimeParser::Limits tiny;
        tiny.maxMailBytes = 100;
        const auto big = MimeParser::parse(corpus("apple-alternative.eml"), tiny);
        QVERIFY(!big);
        QCOMPARE(big.failure().code, ErrorCode::BadRequest);
        MimeParser::Limits few;
        few.maxParts = 2;
        const auto many = MimeParser::parse(corpus("gmail-inline-and-attachment.eml"), few);
        QVERIFY(!many);
        QVERIFY(many.failure().message.contains(QLatin1String("parts")));
    }
};

QTEST_GUILESS_MAIN(TestMimeParser)
#include "tst_mimeparser.moc"
