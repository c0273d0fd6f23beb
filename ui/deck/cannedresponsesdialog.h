// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace Tandem {

class AgentSession;
class CannedResponsesModel;

//! Where supervisors keep the team's canned responses: pick one to edit it, or start a new
//! one; Save and Delete go to the server (`canned.save`, `canned.delete`) and the list
//! follows the events that come back.
class CannedResponsesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CannedResponsesDialog(AgentSession &session, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QLineEdit *shortcutField() const { return m_shortcut; }
    QPlainTextEdit *textField() const { return m_text; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *newButton() const { return m_new; }
    QLabel *errorLabel() const { return m_error; }
    CannedResponsesModel *model() const { return m_model; }

    //! Starts a new response (clears the fields).
    void startNew();
    void save();
    void remove();

private:
    void edit(const QModelIndex &index);
    void updateButtons();
    void showError(const QString &text);

    AgentSession &m_session;
    CannedResponsesModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QLineEdit *m_shortcut = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_error = nullptr;
    qint64 m_editing = 0; // 0: a new one
    bool m_busy = false;
};

} // namespace Tandem
