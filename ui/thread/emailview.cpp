// SPDX-License-Identifier: GPL-3.0-or-later
#include "emailview.h"

#include "files/messagefiles.h"
#include "mailbrowser.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>
#include <QVBoxLayout>

namespace Tandem {
namespace {

QString addressesText(const QVariant &list)
{
    QStringList out;
    for (const QVariant &a : list.toList())
        out.append(EmailView::addressText(a));
    return out.join(QStringLiteral(", "));
}

} // namespace

QString EmailView::addressText(const QVariant &address)
{
    const QVariantMap a = address.toMap();
    const QString name = a.value(QStringLiteral("name")).toString();
    const QString mail = a.value(QStringLiteral("address")).toString();
    return name.isEmpty() ? mail : QStringLiteral("%1 <%2>").arg(name, mail);
}

QString EmailView::fileText(const QVariantMap &file)
{
    QString name = file.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        name = tr("Unnamed file (%1)").arg(file.value(QStringLiteral("type")).toString());
    const QString size =
        QLocale().formattedDataSize(file.value(QStringLiteral("size")).toLongLong());
    if (file.value(QStringLiteral("tooLarge")).toBool())
        return tr("%1 (%2, too large: not kept)").arg(name, size);
    return tr("%1 (%2)").arg(name, size);
}

EmailView::EmailView(MessageFiles &files, qint64 messageId, const QVariantMap &email,
                     const QString &text, QWidget *parent)
    : QDialog(parent)
    , m_files(files)
    , m_messageId(messageId)
    , m_email(email)
    , m_text(text)
{
    const QString subject = email.value(QStringLiteral("subject")).toString();
    setWindowTitle(subject.isEmpty() ? tr("Email") : subject);
    resize(760, 640);
    auto *layout = new QVBoxLayout(this);
    auto *headers = new QFormLayout;
    auto addRow = [&](const QString &label, const QString &value) {
        if (value.isEmpty())
            return;
        auto *field = new QLabel(value);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        headers->addRow(label, field);
    };
    addRow(tr("From:"), addressText(email.value(QStringLiteral("from"))));
    addRow(tr("To:"), addressesText(email.value(QStringLiteral("to"))));
    addRow(tr("Cc:"), addressesText(email.value(QStringLiteral("cc"))));
    addRow(tr("Subject:"), subject);
    const QString automatic = email.value(QStringLiteral("automatic")).toString();
    if (!automatic.isEmpty())
        addRow(tr("Sent by a machine:"), automatic);
    layout->addLayout(headers);

    m_blocked = new QLabel(tr("Remote images and content were blocked to protect your privacy."));
    m_blocked->setObjectName(QStringLiteral("remoteBlockedBar"));
    m_blocked->setStyleSheet(QStringLiteral("background: palette(alternate-base); padding: 4px;"));
    m_blocked->hide();
    layout->addWidget(m_blocked);

    m_browser = new MailBrowser(this);
    layout->addWidget(m_browser, 1);
    m_status = new QLabel(this);
    m_status->hide();
    layout->addWidget(m_status);
    connect(m_browser, &MailBrowser::remoteBlocked, m_blocked, &QWidget::show);
    connect(m_browser, &MailBrowser::linkActivated, this, [](const QUrl &url) {
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("https") || scheme == QLatin1String("http")
            || scheme == QLatin1String("mailto"))
            QDesktopServices::openUrl(url);
    });
    // Inline images come from the mail's own parts.
    QHash<QString, int> byContentId;
    const QVariantList list = email.value(QStringLiteral("attachments")).toList();
    for (const QVariant &f : list) {
        const QVariantMap file = f.toMap();
        const QString id = file.value(QStringLiteral("contentId")).toString();
        if (!id.isEmpty())
            byContentId.insert(id, file.value(QStringLiteral("index")).toInt());
    }
    connect(m_browser, &MailBrowser::inlineWanted, this, [this, byContentId](const QString &id) {
        if (!byContentId.contains(id))
            return;
        m_files.fetch(m_messageId, byContentId.value(id), this,
                      [this, id](Result<QByteArray> bytes) {
                          if (bytes)
                              m_browser->setInlineFile(id, bytes.value());
                      });
    });

    m_attachments = new QListWidget(this);
    for (const QVariant &f : list) {
        const QVariantMap file = f.toMap();
        if (file.value(QStringLiteral("inline")).toBool())
            continue; // shown in the text
        auto *item = new QListWidgetItem(fileText(file), m_attachments);
        item->setData(Qt::UserRole, file);
        item->setToolTip(tr("Double-click to save"));
    }
    m_attachments->setVisible(m_attachments->count() > 0);
    m_attachments->setMaximumHeight(m_attachments->sizeHintForRow(0) * 4 + 8);
    connect(m_attachments, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { saveFile(item->data(Qt::UserRole).toMap()); });
    layout->addWidget(m_attachments);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (!email.contains(QStringLiteral("html"))) {
        showPlain();
        return;
    }
    m_browser->setPlainText(tr("Loading…"));
    m_files.fetch(messageId, email.value(QStringLiteral("html")).toInt(), this,
                  [this](Result<QByteArray> html) {
                      if (!html) {
                          // The plain words, and why the HTML is not here.
                          showPlain();
                          m_status->setText(html.failure().message);
                          m_status->show();
                          return;
                      }
                      m_browser->setHtml(QString::fromUtf8(html.value()));
                      Q_EMIT shown();
                  });
}

void EmailView::showPlain()
{
    QString text = m_text;
    const QString quoted = m_email.value(QStringLiteral("quoted")).toString();
    if (!quoted.isEmpty())
        text += QStringLiteral("\n\n") + quoted;
    m_browser->setPlainText(text);
    Q_EMIT shown();
}

void EmailView::saveFile(const QVariantMap &file)
{
    if (file.value(QStringLiteral("tooLarge")).toBool())
        return;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
            .filePath(file.value(QStringLiteral("name")).toString());
    const QString path = QFileDialog::getSaveFileName(this, tr("Save attachment"), suggested);
    if (path.isEmpty())
        return;
    m_status->setText(tr("Downloading %1…").arg(fileText(file)));
    m_status->show();
    m_files.fetch(m_messageId, file.value(QStringLiteral("index")).toInt(), this,
                  [this, path](Result<QByteArray> bytes) {
                      if (!bytes) {
                          m_status->setText(bytes.failure().message);
                          return;
                      }
                      // Written off the window's thread: a large file on a slow disk.
                      QPointer<QLabel> status = m_status;
                      QThreadPool::globalInstance()->start([status, path, data = bytes.value()] {
                          QSaveFile out(path);
                          const bool saved = out.open(QIODevice::WriteOnly)
                                             && out.write(data) == data.size() && out.commit();
                          QMetaObject::invokeMethod(
                              qApp,
                              [status, path, saved] {
                                  if (status)
                                      status->setText(saved ? tr("Saved to %1").arg(path)
                                                            : tr("Could not save to %1").arg(path));
                              },
                              Qt::QueuedConnection);
                      });
                  });
}

} // namespace Tandem
