// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace Tandem {

class AgentPresenceModel;
class AgentSession;

//! Hands a live chat to a colleague: pick one of the agents who are online (with their
//! current load), add a note only the team sees, and send `transfer`. What the server
//! refuses (the colleague went away or is full) is said here, and the dialog stays.
class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    TransferDialog(AgentSession &session, AgentPresenceModel &team, qint64 conversationId,
                   const QString &customerName, QWidget *parent = nullptr);

    QListWidget *agentList() const { return m_agents; }
    QPlainTextEdit *noteField() const { return m_note; }
    QLabel *errorLabel() const { return m_error; }
    //! Chooses the agent with this id; false if they are not in the list.
    bool selectAgent(qint64 agentId);

    void accept() override;

private:
    void fill();

    AgentSession &m_session;
    AgentPresenceModel &m_team;
    qint64 m_conversation = 0;
    QListWidget *m_agents = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};

} // namespace Tandem
