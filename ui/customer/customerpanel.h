// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Tandem {

class AgentSession;
struct ConversationSummary;

//! Beside the open thread: who the customer is (name and email, which agents correct),
//! where else channels reach them, the inbox, their other conversations with the ratings
//! they gave (docs/protocol.md, "Customers"). It shows what the cache holds at once, and
//! what the server knows beyond that when online.
class CustomerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CustomerPanel(AgentSession &session, QWidget *parent = nullptr);

    void setConversation(qint64 conversationId);
    qint64 conversation() const { return m_conversation; }

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *emailField() const { return m_email; }
    QPushButton *saveButton() const { return m_save; }
    //! The customer's conversations, newest first; each item's data is its id.
    QListWidget *conversations() const { return m_list; }
    QLabel *ratingsLabel() const { return m_ratings; }
    QLabel *identitiesLabel() const { return m_identities; }

    //! "★★★★☆ 4.5 from 2 ratings"; empty for none.
    static QString ratingsText(const QList<int> &scores);

Q_SIGNALS:
    void conversationRequested(qint64 id);

private:
    void showCached();
    void askServer();
    void fillList(const QList<ConversationSummary> &conversations);
    void save();
    void updateSave();

    AgentSession &m_session;
    qint64 m_conversation = 0;
    qint64 m_customer = 0;
    QString m_savedName;
    QString m_savedEmail;
    QLabel *m_inbox = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_identities = nullptr;
    QLabel *m_ratings = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace Tandem
