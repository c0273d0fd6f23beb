// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/mailboxcommands.h"

#include <QDialog>

class QCheckBox;
class QFormLayout;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Tandem {

class AgentSession;

//! Email inboxes (docs/protocol.md, "Email"): supervisors see each mailbox's address, when
//! its last mail came, how long filing took and why it cannot be read; admins also add
//! inboxes and change their settings and passwords (which are sent once, sealed by the
//! server, and never shown again: a password field left empty keeps the one stored).
class MailboxesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MailboxesDialog(AgentSession &session, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *saveButton() const { return m_save; }
    //! One mailbox's line in the list: "support@example.com · last mail 10:02 (0.6 s) ·
    //! cannot be read: …".
    static QString statusText(const MailboxStatus &status, const QDateTime &now);
    //! The settings the form says, or why they are not right.
    Result<MailboxSettings> formSettings() const;

    void refresh();

Q_SIGNALS:
    void refreshed();
    void saved(qint64 inboxId);

private:
    struct ServerFields {
        QLineEdit *host;
        QSpinBox *port;
        QComboBox *security;
        QLineEdit *user;
        QLineEdit *password;
        QLineEdit *fingerprint;
    };
    ServerFields serverFields(QFormLayout *form, int defaultPort, const QString &which);
    void edit(const MailboxStatus &status);
    void startNew();
    void save();
    void showError(const QString &text);

    AgentSession &m_session;
    QList<MailboxStatus> m_mailboxes;
    qint64 m_editing = 0; // 0: a new inbox
    bool m_isAdmin = false;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_team = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_folder = nullptr;
    QPlainTextEdit *m_signature = nullptr;
    QCheckBox *m_tokenReplyTo = nullptr;
    ServerFields m_imap{};
    ServerFields m_smtp{};
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_add = nullptr;
};

} // namespace Tandem
