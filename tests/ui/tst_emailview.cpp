// SPDX-License-Identifier: GPL-3.0-or-later
// An email opened in the desktop: its HTML shown without anything remote or local loaded,
// inline images from its own parts, a bar when something was blocked, the plain text when
// there is no HTML, attachments listed; files come from what was kept beside the cache.
#include "files/messagefiles.h"
#include "thread/emailbar.h"
#include "thread/emailview.h"
#include "thread/mailbrowser.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Tandem;

namespace {

QByteArray png(const QColor &colour)
{
    QImage image(4, 3, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QVariantMap file(int index, const QString &name, const QString &type, qint64 size,
                 const QString &contentId = {})
{
    QVariantMap f{{QStringLiteral("index"), index},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("size"), size}};
    if (!contentId.isEmpty()) {
        f.insert(QStringLiteral("contentId"), contentId);
        f.insert(QStringLiteral("inline"), true);
    }
    return f;
}

//! Whether the document shows a real image for this URL (not the 1×1 stand-in).
int imagesShown(QTextDocument *document, const QString &url)
{
    const QImage image =
        document->resource(QTextDocument::ImageResource, QUrl(url)).value<QImage>();
    return !image.isNull() && image.width() > 1 ? 1 : 0;
}

} // namespace

class TestEmailView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void remoteContentIsNeverLoadedAndTheReaderIsTold()
    {
        QTemporaryDir folder;
        MessageFiles files(folder.path()); // no server: only what is kept
        const QByteArray logo = png(Qt::red);
        QVERIFY(QDir().mkpath(folder.path()));
        auto keep = [&](const QString &name, const QByteArray &bytes) {
            QFile f(QDir(folder.path()).filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        const QString secretFile = QDir(folder.path()).filePath(QStringLiteral("secret.png"));
        keep(QStringLiteral("secret.png"), png(Qt::blue));
        const QByteArray html =
            QStringLiteral(
                "<html><head><link rel=stylesheet href=\"https://tracker.example/s.css\">"
                "</head><body><p>Hello Dana</p>"
                "<img src=\"https://tracker.example/pixel.gif\">"
                "<img src=\"file://%1\"><img src=\"secret.png\">"
                "<img src=\"cid:logo@example\">"
                "<img src=\"data:image/png;base64,%2\"></body></html>")
                .arg(secretFile, QString::fromLatin1(png(Qt::green).toBase64()))
                .toUtf8();
        keep(QStringLiteral("42-0"), logo);
        keep(QStringLiteral("42-2"), html);
        const QVariantMap email{
            {QStringLiteral("subject"), QStringLiteral("Where is my order?")},
            {QStringLiteral("from"),
             QVariantMap{{QStringLiteral("name"), QStringLiteral("Ada")},
                         {QStringLiteral("address"), QStringLiteral("ada@example.org")}}},
            {QStringLiteral("html"), 2},
            {QStringLiteral("attachments"),
             QVariantList{file(0, QStringLiteral("logo.png"), QStringLiteral("image/png"),
                               logo.size(), QStringLiteral("logo@example")),
                          file(1, QStringLiteral("invoice.pdf"), QStringLiteral("application/pdf"),
                               48213)}}};
        EmailView view(files, 42, email, QStringLiteral("Hello Dana"));
        QSignalSpy shown(&view, &EmailView::shown);
        QVERIFY(shown.wait(5000));
        view.show();
        QTRY_VERIFY(imagesShown(view.browser()->document(), QStringLiteral("cid:logo@example")));
        QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("Hello Dana")));
        QVERIFY(view.browser()->blockedRemote());
        QVERIFY(!view.blockedBar()->isHidden());
        // Neither the remote image, nor the local files, nor the style sheet were loaded.
        QCOMPARE(imagesShown(view.browser()->document(),
                             QStringLiteral("https://tracker.example/pixel.gif")),
                 0);
        QCOMPARE(imagesShown(view.browser()->document(), QStringLiteral("file://") + secretFile),
                 0);
        QCOMPARE(imagesShown(view.browser()->document(), QStringLiteral("secret.png")), 0);
        QCOMPARE(view.browser()
                     ->loadResource(QTextDocument::ImageResource, QUrl::fromLocalFile(secretFile))
                     .value<QImage>()
                     .width(),
                 1);
        // A data: image is the mail's own.
        QVERIFY(!view.browser()
                     ->loadResource(QTextDocument::ImageResource,
                                    QUrl(QStringLiteral("data:image/png;base64,")
                                         + QString::fromLatin1(png(Qt::green).toBase64())))
                     .value<QImage>()
                     .isNull());
        // The attachment is listed; the inline image is in the text, not the list.
        QCOMPARE(view.attachments()->count(), 1);
        QVERIFY(view.attachments()->item(0)->text().startsWith(QStringLiteral("invoice.pdf")));
    }

    void aMailWithoutHtmlShowsItsTextAndHistory()
    {
        QTemporaryDir folder;
        MessageFiles files(folder.path());
        const QVariantMap email{{QStringLiteral("subject"), QStringLiteral("Re: order")},
                                {QStringLiteral("quoted"), QStringLiteral("> It left today.")}};
        EmailView view(files, 7, email, QStringLiteral("Thank you!"));
        QCOMPARE(view.browser()->toPlainText(), QStringLiteral("Thank you!\n\n> It left today."));
        QVERIFY(view.blockedBar()->isHidden());
        QVERIFY(view.attachments()->isHidden());
    }

    void htmlNotDownloadedYetFallsBackToTheTextAndSaysWhy()
    {
        QTemporaryDir folder;
        MessageFiles files(folder.path()); // offline, nothing kept
        const QVariantMap email{{QStringLiteral("html"), 0}};
        EmailView view(files, 9, email, QStringLiteral("Plain words"));
        QSignalSpy shown(&view, &EmailView::shown);
        QVERIFY(shown.wait(5000));
        QCOMPARE(view.browser()->toPlainText(), QStringLiteral("Plain words"));
        QVERIFY(!view.statusLabel()->isHidden());
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("online")),
                 qPrintable(view.statusLabel()->text()));
    }

    void theComposerKnowsItWritesAnEmail()
    {
        EmailBar bar;
        bar.show(Inbox{1, QStringLiteral("Website"), QStringLiteral("web"), 1},
                 QStringLiteral("Ada"));
        QVERIFY(bar.isHidden()); // a chat is no email
        bar.show(Inbox{2, QStringLiteral("Support email"), QStringLiteral("email"), 1,
                       QStringLiteral("support@example.com"),
                       QStringLiteral("The team\nexample.com")},
                 QStringLiteral("Ada"));
        QVERIFY(!bar.isHidden());
        QCOMPARE(bar.routeLabel()->text(),
                 QStringLiteral("Email to Ada, from support@example.com"));
        QCOMPARE(bar.signatureLabel()->text(), QStringLiteral("Signed: The team · example.com"));
        QVERIFY(bar.copied().isEmpty()); // nothing typed: the thread's own people
        bar.ccField()->setText(
            QStringLiteral("Bob@Example.org, <carol@example.org>; bob@example.org"));
        QString invalid;
        QCOMPARE(bar.copied(&invalid), (QStringList{QStringLiteral("bob@example.org"),
                                                    QStringLiteral("carol@example.org")}));
        QVERIFY(invalid.isEmpty());
        bar.ccField()->setText(QStringLiteral("bob@example.org, carol"));
        QCOMPARE(bar.copied(&invalid), QStringList{QStringLiteral("bob@example.org")});
        QCOMPARE(invalid, QStringLiteral("carol"));
        bar.clearCopied();
        QVERIFY(bar.ccField()->text().isEmpty());
    }

    void filesAndAddressesReadWell()
    {
        QCOMPARE(EmailView::addressText(
                     QVariantMap{{QStringLiteral("name"), QStringLiteral("Ada")},
                                 {QStringLiteral("address"), QStringLiteral("ada@example.org")}}),
                 QStringLiteral("Ada <ada@example.org>"));
        QCOMPARE(EmailView::addressText(
                     QVariantMap{{QStringLiteral("address"), QStringLiteral("b@example.org")}}),
                 QStringLiteral("b@example.org"));
        QVariantMap big =
            file(3, QStringLiteral("video.mov"), QStringLiteral("video/quicktime"), 50000000);
        big.insert(QStringLiteral("tooLarge"), true);
        QVERIFY(EmailView::fileText(big).contains(QStringLiteral("not kept")));
    }
};

QTEST_MAIN(TestEmailView)
#include "tst_emailview.moc"
