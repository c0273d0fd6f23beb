// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QVariantMap>

class QLabel;
class QListWidget;

namespace Tandem {

class MailBrowser;
class MessageFiles;

//! One email as it came: who sent it, to whom and whom it copied, its subject, its HTML
//! (shown by MailBrowser: nothing remote is loaded, and a bar says when something was
//! blocked) or else its plain text with the quoted history, and its attachments, each
//! saved where the agent chooses. Files come through MessageFiles, so what was opened once
//! opens offline too.
class EmailView : public QDialog
{
    Q_OBJECT
public:
    EmailView(MessageFiles &files, qint64 messageId, const QVariantMap &email, const QString &text,
              QWidget *parent = nullptr);

    MailBrowser *browser() const { return m_browser; }
    QLabel *blockedBar() const { return m_blocked; }
    QListWidget *attachments() const { return m_attachments; }
    //! Why the HTML or a file is not there, or where a file was saved.
    QLabel *statusLabel() const { return m_status; }
    //! "Ada Lovelace <ada@example.org>".
    static QString addressText(const QVariant &address);
    //! "invoice.pdf (48 KB)".
    static QString fileText(const QVariantMap &file);

Q_SIGNALS:
    //! The HTML (or the plain text) is shown.
    void shown();

private:
    void showPlain();
    void saveFile(const QVariantMap &file);

    MessageFiles &m_files;
    qint64 m_messageId = 0;
    QVariantMap m_email;
    QString m_text;
    MailBrowser *m_browser = nullptr;
    QLabel *m_blocked = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_attachments = nullptr;
};

} // namespace Tandem
