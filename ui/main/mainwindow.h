// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPair>

class QAction;
class QSettings;
class QSplitter;

namespace Tandem
{

class AgentSession;
class ConnectionIndicator;
class ConversationView;
class InboxPanel;
class PresenceSelector;

//! The agent's desk: the inbox on the left, the open conversation on the right, and a
//! status bar that always says whether the app is connected and how many replies wait.
//! It shows what the session's cache holds, so it opens at once, online or not.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AgentSession &session, QSettings &settings, const QString &profile,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void openConversation(qint64 id);

    InboxPanel *inbox() const { return m_inbox; }
    ConversationView *conversationView() const { return m_conversation; }
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    PresenceSelector *presenceSelector() const { return m_presence; }
    QAction *signOutAction() const { return m_signOut; }

Q_SIGNALS:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void updateTitle();
    void markRead();
    void saveLayout();

    AgentSession &m_session;
    QSettings &m_settings;
    QString m_profile;
    QSplitter *m_splitter = nullptr;
    InboxPanel *m_inbox = nullptr;
    ConversationView *m_conversation = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    PresenceSelector *m_presence = nullptr;
    QAction *m_signOut = nullptr;
    //! The last read marker sent, so that one is never sent twice.
    QPair<qint64, qint64> m_markedRead{0, 0};
};

} // namespace Tandem
