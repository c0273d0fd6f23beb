// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QSettings;
class QSplitter;
class QTabWidget;

namespace Tandem {

class AgentPresenceModel;
class AgentSession;
class ChatDeck;
class CustomerPanel;
class Workspace;
class ConnectionIndicator;
class ConversationView;
class InboxPanel;
class LiveChatsModel;
class LiveNotifier;
class OfferStrip;
class OffersModel;
class PresenceSelector;
class QueueIndicator;

//! The agent's desk: the live chat deck and the async inbox (the conversation list on the
//! left, the open conversation on the right) as two tabs, the offers of new live chats above
//! both, and a status bar that always says whether the app is connected, how many replies
//! wait and how long the live-chat queue is. It shows what the session's cache holds, so it
//! opens at once, online or not.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AgentSession &session, QSettings &settings, const QString &profile,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    void openConversation(qint64 id);
    //! Ctrl+K: every action, by name.
    void openCommandPalette();
    //! Help > Keyboard Shortcuts: every shortcut, as a table (rich text).
    QString shortcutList() const;
    //! The tabs: the live chat deck and the inbox.
    void showDeck();
    void showInbox();
    //! Asks whom to hand a live chat to (a dialog), then transfers it.
    void transferChat(qint64 conversationId);
    void openTeamDialog();
    void openCannedResponses();
    void showShortcuts();

    InboxPanel *inbox() const { return m_inbox; }
    ConversationView *conversationView() const { return m_conversation; }
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    PresenceSelector *presenceSelector() const { return m_presence; }
    QAction *signOutAction() const { return m_signOut; }
    QTabWidget *tabs() const { return m_tabs; }
    Workspace *workspace() const { return m_workspace; }
    CustomerPanel *customerPanel() const { return m_customer; }
    ChatDeck *deck() const { return m_deck; }
    OfferStrip *offerStrip() const { return m_offerStrip; }
    OffersModel *offers() const { return m_offers; }
    LiveChatsModel *liveChats() const { return m_liveChats; }
    AgentPresenceModel *team() const { return m_team; }
    LiveNotifier *notifier() const { return m_notifier; }
    QueueIndicator *queueIndicator() const { return m_queue; }
    QLabel *promisesLabel() const { return m_promises; }
    QAction *cannedResponsesAction() const { return m_cannedAction; }

Q_SIGNALS:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void createDeckMenus();
    void updateTitle();
    void updateRoleActions();
    void updateDeckTab();
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
    QTabWidget *m_tabs = nullptr; // the workspace's, on a narrow window
    Workspace *m_workspace = nullptr;
    CustomerPanel *m_customer = nullptr;
    OffersModel *m_offers = nullptr;
    LiveChatsModel *m_liveChats = nullptr;
    AgentPresenceModel *m_team = nullptr;
    ChatDeck *m_deck = nullptr;
    OfferStrip *m_offerStrip = nullptr;
    LiveNotifier *m_notifier = nullptr;
    int m_mentions = 0;           // unread mentions of this agent, as last counted
    bool m_mentionsKnown = false; // m_mentions counts the whole list
    QueueIndicator *m_queue = nullptr;
    QLabel *m_promises = nullptr; // supervisors: the share of promises kept this week
    void updatePromises();
    QAction *m_teamAction = nullptr;
    QAction *m_cannedAction = nullptr;
    QAction *m_labelsAction = nullptr;
    QAction *m_teamsAction = nullptr;
    QAction *m_mailboxesAction = nullptr;
};

} // namespace Tandem
