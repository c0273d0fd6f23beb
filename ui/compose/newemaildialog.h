// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUuid>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Tandem {

class AgentSession;
class AttachmentPicker;
struct OutboxEntry;

//! A new email from one of the team's email inboxes to any address (docs/protocol.md,
//! `send`): from, to (and a name for someone new), Cc, subject, text and files. It goes
//! through the outbox like every reply, so written offline it goes out when the connection
//! returns. Online, the dialog waits for the server: taken, it says which conversation
//! the email started (`started`) and closes; refused, it says why and keeps what was
//! written, to be corrected and sent again.
class NewEmailDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewEmailDialog(AgentSession &session, QWidget *parent = nullptr);

    QComboBox *fromBox() const { return m_from; }
    QLineEdit *toField() const { return m_to; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *ccField() const { return m_cc; }
    QLineEdit *subjectField() const { return m_subject; }
    QPlainTextEdit *textField() const { return m_text; }
    AttachmentPicker *attachments() const { return m_files; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *statusLabel() const { return m_status; }

    void send();
    //! Shows a new email the server refused (`why`) to be corrected and sent again (it
    //! then takes the refused one's place) or given up (which drops it).
    void restore(const OutboxEntry &refused, const QString &why);
    //! Whenever the server refuses a new email no dialog waits for (written offline, its
    //! dialog closed), opens one restored with it over `parent`.
    static void watchRefusals(AgentSession &session, QWidget *parent);

    //! Cancel: given up (what the server refused leaves the outbox).
    void reject() override;

Q_SIGNALS:
    //! The server took the email: it is the first message of this conversation.
    void started(qint64 conversationId);

private:
    void setBusy(bool busy);
    void discardRefused();
    void showStatus(const QString &text, bool trouble);

    AgentSession &m_session;
    QComboBox *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_cc = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_text = nullptr;
    AttachmentPicker *m_files = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QUuid m_waiting; //!< the email on its way (null: none)
    QUuid m_refused; //!< the one the server refused, left in the outbox until sent anew
};

} // namespace Tandem
