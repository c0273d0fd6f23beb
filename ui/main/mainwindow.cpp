// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "commandpalette.h"
#include "compose/newemaildialog.h"
#include "conversations/conversationlistview.h"
#include "conversations/inboxpanel.h"
#include "customer/customerpanel.h"
#include "deck/cannedresponsesdialog.h"
#include "deck/chatdeck.h"
#include "deck/chatpane.h"
#include "deck/livenotifier.h"
#include "deck/offerstrip.h"
#include "deck/ratingwatcher.h"
#include "deck/teamdialog.h"
#include "deck/transferdialog.h"
#include "labels/labelsdialog.h"
#include "mailboxes/mailboxesdialog.h"
#include "models/agentpresencemodel.h"
#include "models/conversationlistmodel.h"
#include "models/livechatsmodel.h"
#include "models/offersmodel.h"
#include "presenceselector.h"
#include "shell/agentsession.h"
#include "status/connectionindicator.h"
#include "status/queueindicator.h"
#include "status/slaalerter.h"
#include "teams/teamsdialog.h"
#include "thread/conversationactions.h"
#include "thread/conversationview.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Tandem {
namespace {
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString ConversationKey = QStringLiteral("window/conversation");
const QString TabKey = QStringLiteral("window/tab");
const QString SavedViewsKey = QStringLiteral("inbox/savedViews");
enum Tab { DeckTab, InboxTab };
} // namespace

MainWindow::MainWindow(AgentSession &session, QSettings &settings, const QString &profile,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tandem.svg")));

    m_inbox = new InboxPanel(session);
    m_conversation = new ConversationView(session);
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(m_inbox);
    m_splitter->addWidget(m_conversation);
    m_customer = new CustomerPanel(session);
    m_splitter->addWidget(m_customer);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setChildrenCollapsible(false);
    m_inbox->setMinimumWidth(240);
    m_splitter->setSizes({400, 700, 260}); // room for the views and their counts

    m_offers = new OffersModel(&session.sync(), this);
    m_liveChats = new LiveChatsModel(session.cache(), this);
    m_team = new AgentPresenceModel(session.cache(), this);
    connect(&session.sync(), &SyncClient::queueStatsChanged, m_team, &AgentPresenceModel::setLoad);
    m_deck = new ChatDeck(session, *m_liveChats);
    m_offerStrip = new OfferStrip(session, *m_offers);
    m_workspace = new Workspace(m_deck, m_splitter);
    m_tabs = m_workspace->tabs();
    m_workspace->setDeckEmpty(m_deck->panes().isEmpty());
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_offerStrip);
    centralLayout->addWidget(m_workspace, 1);
    setCentralWidget(central);

    m_indicator = new ConnectionIndicator(session.sync(), session.outbox());
    m_queue = new QueueIndicator(session.sync());
    m_presence = new PresenceSelector(session);
    statusBar()->addWidget(m_indicator, 1);
    m_promises = new QLabel;
    m_promises->setObjectName(QStringLiteral("promisesKept"));
    m_promises->setToolTip(tr("Customers told when to expect an answer (out of hours), and how "
                              "many were answered by then, over the last 7 days"));
    m_promises->hide();
    statusBar()->addPermanentWidget(m_promises);
    statusBar()->addPermanentWidget(m_queue);
    statusBar()->addPermanentWidget(m_presence);

    m_notifier = new LiveNotifier(this, *m_offers, *m_liveChats, this);
    // A customer rated a chat this agent handled: their word to the agent, told once.
    auto *ratings = new RatingWatcher(
        session.cache(), [&session] { return session.sync().agent().id; }, this);
    connect(ratings, &RatingWatcher::rated, this, [this](const QString &text) {
        m_offerStrip->showNotice(text);
        m_notifier->notify(tr("Rated by a customer"), text);
    });
    connect(m_notifier, &LiveNotifier::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
        showDeck();
    });
    connect(m_offerStrip, &OfferStrip::accepted, this, [this](qint64 id) {
        showDeck();
        m_deck->focusWhenShown(id);
    });
    connect(m_deck, &ChatDeck::transferRequested, this, &MainWindow::transferChat);
    connect(m_deck, &ChatDeck::paneCountChanged, this, &MainWindow::updateDeckTab);
    connect(m_liveChats, &LiveChatsModel::totalUnreadChanged, this, [this] {
        updateTitle();
        updateDeckTab();
    });

    createMenus();
    createDeckMenus();
    updateDeckTab();
    connect(m_workspace, &Workspace::arrangementChanged, this, [this] {
        markRead();
        if (m_workspace->isShowing(Workspace::Deck))
            m_deck->markCurrentRead();
    });
    connect(m_deck, &ChatDeck::paneCountChanged, m_workspace,
            [this] { m_workspace->setDeckEmpty(m_deck->panes().isEmpty()); });

    // A reply that could not be saved must not vanish silently.
    connect(&session.cache(), &LocalCache::writeFailed, this, [this] {
        QMessageBox::warning(this, tr("Could not save"),
                             tr("Tandem could not write to its local storage (is the disk "
                                "full?). Your last reply or draft may not have been kept; "
                                "please check it before you go on."));
    });

    connect(m_inbox, &InboxPanel::conversationChosen, this, &MainWindow::openConversation);
    connect(m_conversation, &ConversationView::conversationRequested, this,
            &MainWindow::openConversation);
    connect(m_customer, &CustomerPanel::conversationRequested, this, &MainWindow::openConversation);
    connect(m_inbox->conversations(), &ConversationListModel::countsChanged, this,
            &MainWindow::updateTitle);
    // A colleague's note names this agent: told once per new mention, in the tray too.
    // Counted from the whole list only: the first page's counts are no news.
    m_mentions = m_inbox->conversations()->unread(ConversationListModel::View::Mentions);
    m_mentionsKnown = m_inbox->conversations()->isComplete();
    connect(m_inbox->conversations(), &ConversationListModel::countsChanged, this, [this] {
        if (!m_inbox->conversations()->isComplete())
            return;
        const int now = m_inbox->conversations()->unread(ConversationListModel::View::Mentions);
        const bool news = m_mentionsKnown && now > m_mentions;
        m_mentionsKnown = true;
        if (news)
            m_notifier->notify(tr("You were mentioned"),
                               tr("A colleague's note names you: see Mentions in the inbox."));
        m_mentions = now;
    });
    // SLA warnings (SlaAlerter says how).
    auto *sla = new SlaAlerter(session, *m_inbox->conversations(), *m_notifier, this);
    connect(m_inbox->conversations(), &ConversationListModel::countsChanged, sla,
            &SlaAlerter::check);
    connect(m_inbox->conversations(), &ConversationListModel::slaMoved, sla, &SlaAlerter::check);
    connect(m_inbox->conversations(), &ConversationListModel::slaMoved, this,
            &MainWindow::updatePromises);
    connect(&session.cache(), &LocalCache::applied, this, &MainWindow::updatePromises);
    connect(m_inbox, &InboxPanel::answerRequested, m_conversation,
            &ConversationView::focusComposer);
    connect(&session.sync(), &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        updateTitle();
        updateRoleActions();
        if (state == SyncClient::State::Online)
            markRead();
    });
    connect(&session.cache(), &LocalCache::applied, this,
            [this](qint64, const QSet<qint64> &changed) {
                if (changed.contains(m_conversation->conversation()))
                    markRead();
            });

    if (!restoreGeometry(m_settings.value(GeometryKey).toByteArray()))
        resize(1100, 720);
    restoreState(m_settings.value(StateKey).toByteArray());
    m_splitter->restoreState(m_settings.value(SplitterKey).toByteArray());
    m_tabs->setCurrentIndex(m_settings.value(TabKey, int(DeckTab)).toInt() == InboxTab ? InboxTab
                                                                                       : DeckTab);
    updateTitle();
    updateRoleActions();

    // The agent's own views, kept in this profile.
    m_inbox->setSavedViews(SavedView::fromJson(m_settings.value(SavedViewsKey).toByteArray()));
    connect(m_inbox, &InboxPanel::savedViewsChanged, this, [this] {
        m_settings.setValue(SavedViewsKey, SavedView::toJson(m_inbox->savedViews()));
    });

    // Back where the agent left off, if that conversation is still there.
    const qint64 last = m_settings.value(ConversationKey).toLongLong();
    if (last != 0 && m_session.cache().conversation(last))
        openConversation(last);
}

MainWindow::~MainWindow()
{
    saveLayout();
}

void MainWindow::createMenus()
{
    // addAction(text) and an explicit connect: the addAction overloads that take a receiver
    // changed between Qt 6.3 and 6.8, and some are deprecated.
    const auto add = [](QMenu *menu, const QString &text, const QKeySequence &shortcut,
                        const QObject *receiver, auto slot) {
        QAction *action = menu->addAction(text);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, receiver, slot);
        return action;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    NewEmailDialog::watchRefusals(m_session, this);
    add(file, tr("New &Email…"), QKeySequence::New, this, [this] {
        auto *dialog = new NewEmailDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &NewEmailDialog::started, this, &MainWindow::openConversation);
        dialog->open();
    })->setObjectName(QStringLiteral("newEmailAction"));
    file->addSeparator();
    m_signOut = add(file, tr("Sign &Out"), {}, this, [this] { Q_EMIT signOutRequested(); });
    m_signOut->setObjectName(QStringLiteral("signOut"));
    file->addSeparator();
    QAction *quit = add(file, tr("&Quit"), QKeySequence::Quit, this, [this] { close(); });
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    add(edit, tr("&Find…"), QKeySequence::Find, m_inbox, [this] {
        showInbox();
        m_inbox->focusSearch();
    });
    add(edit, tr("&Reply"), QKeySequence(Qt::CTRL | Qt::Key_R), m_conversation, [this] {
        showInbox();
        m_conversation->focusComposer();
    });

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    add(connection, tr("&Retry Now"), QKeySequence(Qt::Key_F5), &m_session.sync(),
        [this] { m_session.sync().retryNow(); });

    // The open conversation, from the keyboard (the thread's buttons do the same).
    QMenu *conversation = menuBar()->addMenu(tr("C&onversation"));
    // The same actions on a row of the list (right click or the menu key).
    connect(m_inbox, &InboxPanel::conversationMenuRequested, conversation,
            [conversation](const QPoint &at) { conversation->popup(at); });
    const auto onThread = [this](auto call) {
        return [this, call] {
            showInbox();
            call(m_conversation->actions());
        };
    };
    add(conversation, tr("&Take It"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
        m_conversation, onThread([](ConversationActions *a) { a->take(); }));
    add(conversation, tr("&Assign…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
        m_conversation,
        onThread([](ConversationActions *a) { a->openMenu(QStringLiteral("assign")); }));
    add(conversation, tr("&Label…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), m_conversation,
        onThread([](ConversationActions *a) { a->openMenu(QStringLiteral("label")); }));
    add(conversation, tr("&Priority…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y),
        m_conversation,
        onThread([](ConversationActions *a) { a->openMenu(QStringLiteral("priority")); }));
    add(conversation, tr("Set &Pending"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
        m_conversation, onThread([](ConversationActions *a) { a->setPendingNow(); }));
    add(conversation, tr("&Snooze…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
        m_conversation,
        onThread([](ConversationActions *a) { a->openMenu(QStringLiteral("snooze")); }));
    add(conversation, tr("&Resolve or Reopen"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        m_conversation, onThread([](ConversationActions *a) { a->toggleResolved(); }));
    add(conversation, tr("&Merge Into…"), {}, m_conversation,
        onThread([](ConversationActions *a) { a->openMenu(QStringLiteral("merge")); }));
    add(conversation, tr("Write a &Note"), {}, m_conversation, [this] {
        showInbox();
        m_conversation->setNoteMode(true);
        m_conversation->focusComposer();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("&Commands…"), QKeySequence(Qt::CTRL | Qt::Key_K), this, [this] {
        openCommandPalette();
    })->setObjectName(QStringLiteral("commandPaletteAction"));
    add(help, tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this,
        [this] { showShortcuts(); });
    QAction *about = add(help, tr("&About Tandem"), {}, this, [this] {
        QMessageBox::about(this, tr("About Tandem"),
                           tr("<h3>Tandem %1</h3><p>A native desktop help desk: answer your "
                              "customers' conversations, live and asynchronous.</p>"
                              "<p>Licensed under the GNU General Public License, version 3 or "
                              "later.</p>")
                               .arg(QApplication::applicationVersion().toHtmlEscaped()));
    });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createDeckMenus()
{
    const auto add = [this](QMenu *menu, const QString &text, const QKeySequence &shortcut,
                            auto slot) {
        QAction *action = menu->addAction(text);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    // Before Help, which stays last.
    QAction *help = menuBar()->actions().constLast();
    QMenu *view = new QMenu(tr("&View"), this);
    menuBar()->insertMenu(help, view);
    add(view, tr("&Live Chats"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
        [this] { showDeck(); });
    add(view, tr("&Inbox"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
        [this] { showInbox(); });
    QAction *panel =
        add(view, tr("&Customer Panel"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
            [this](bool on) { m_customer->setVisible(on); });
    panel->setObjectName(QStringLiteral("customerPanelAction"));
    panel->setCheckable(true);
    panel->setChecked(true);

    QMenu *chat = new QMenu(tr("C&hat"), this);
    menuBar()->insertMenu(help, chat);
    add(chat, tr("&Accept Offer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        [this] { m_offerStrip->acceptOldest(); });
    add(chat, tr("&Decline Offer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
        [this] { m_offerStrip->declineOldest(); });
    chat->addSeparator();
    // Ctrl+1 … Ctrl+9: straight to that pane's composer.
    QMenu *go = chat->addMenu(tr("&Go to Chat"));
    for (int n = 1; n <= 9; ++n) {
        QAction *action = add(go, tr("Chat %1").arg(n),
                              QKeySequence(int(Qt::CTRL) | (int(Qt::Key_0) + n)), [this, n] {
                                  if (m_deck->panes().size() >= n) {
                                      showDeck();
                                      m_deck->focusPane(n);
                                  }
                              });
        action->setObjectName(QStringLiteral("focusChat%1").arg(n));
    }
    const auto current = [this] { return m_deck->currentPane(); };
    add(chat, tr("&End Chat"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [current] {
        if (ChatPane *p = current())
            p->endChat();
    });
    add(chat, tr("&Transfer Chat…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
        [this, current] {
            if (ChatPane *p = current())
                transferChat(p->conversation());
        });
    add(chat, tr("&Follow Up Later"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [current] {
        if (ChatPane *p = current())
            p->followUpLater();
    });

    QMenu *team = new QMenu(tr("&Team"), this);
    menuBar()->insertMenu(help, team);
    m_teamAction = add(team, tr("Team and &Capacity…"), {}, [this] { openTeamDialog(); });
    m_cannedAction = add(team, tr("C&anned Responses…"), {}, [this] { openCannedResponses(); });
    m_cannedAction->setObjectName(QStringLiteral("cannedResponses"));
    m_labelsAction = add(team, tr("&Labels…"), {}, [this] {
        auto *dialog = new LabelsDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_labelsAction->setObjectName(QStringLiteral("labelsAction"));
    m_teamsAction = add(team, tr("Teams and &Inboxes…"), {}, [this] {
        auto *dialog = new TeamsDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_teamsAction->setObjectName(QStringLiteral("teamsAction"));
    m_mailboxesAction = add(team, tr("&Email Inboxes…"), {}, [this] {
        auto *dialog = new MailboxesDialog(m_session, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_mailboxesAction->setObjectName(QStringLiteral("mailboxesAction"));
}

void MainWindow::updateRoleActions()
{
    // Supervisors keep the canned responses; everyone may look at the team.
    const Role role = m_session.sync().agent().role;
    const bool known = m_session.sync().agent().id != 0;
    m_cannedAction->setEnabled(known && (role == Role::Supervisor || role == Role::Admin));
    m_labelsAction->setEnabled(known && (role == Role::Supervisor || role == Role::Admin));
    m_teamsAction->setEnabled(known && (role == Role::Supervisor || role == Role::Admin));
    m_mailboxesAction->setEnabled(known && (role == Role::Supervisor || role == Role::Admin));
    m_teamAction->setEnabled(known);
    updatePromises();
}

void MainWindow::updatePromises()
{
    const Role role = m_session.sync().agent().role;
    const bool supervises = m_session.sync().agent().id != 0 && role != Role::Agent;
    if (!supervises) {
        m_promises->hide();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto tally = m_inbox->conversations()->promises(now.addDays(-7), now);
    m_promises->setVisible(tally.due > 0);
    if (tally.due > 0)
        m_promises->setText(tr("Promises kept: %1 % (%2 of %3)")
                                .arg(qRound(100.0 * tally.kept / tally.due))
                                .arg(tally.kept)
                                .arg(tally.due));
}

void MainWindow::updateDeckTab()
{
    const int count = m_deck->liveCount();
    const int unread = m_liveChats->totalUnread();
    QString label = count > 0 ? tr("Live Chats (%1)").arg(count) : tr("Live Chats");
    if (unread > 0)
        label += QStringLiteral(" •");
    m_workspace->setPartTitle(Workspace::Deck, label);
}

void MainWindow::showDeck()
{
    m_workspace->showPart(Workspace::Deck);
    // Side by side both are shown already: the keyboard goes there instead.
    if (m_workspace->isWide())
        if (ChatPane *pane = m_deck->currentPane())
            pane->focusComposer();
}

void MainWindow::showInbox()
{
    m_workspace->showPart(Workspace::Inbox);
    if (m_workspace->isWide() && !m_inbox->isAncestorOf(QApplication::focusWidget())
        && !m_conversation->isAncestorOf(QApplication::focusWidget()))
        m_inbox->conversationList()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::transferChat(qint64 conversationId)
{
    if (conversationId == 0)
        return;
    const auto summary = m_session.cache().conversation(conversationId);
    auto *dialog = new TransferDialog(m_session, *m_team, conversationId,
                                      summary ? summary->customerName : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openTeamDialog()
{
    auto *dialog = new TeamDialog(m_session, *m_team, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openCommandPalette()
{
    auto *palette = new CommandPalette(menuBar(), this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->open();
}

QString MainWindow::shortcutList() const
{
    QString rows;
    const auto row = [&rows](const QString &keys, const QString &what) {
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    for (const auto &[name, action] : CommandPalette::actionsOf(menuBar()))
        if (!action->shortcut().isEmpty())
            row(action->shortcut().toString(QKeySequence::NativeText), name);
    row(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N).toString(QKeySequence::NativeText),
        tr("Write a private note instead of a reply"));
    row(tr("Up, Down, Enter"), tr("Move through the list; open and answer"));
    row(tr("/ in a composer"), tr("Insert a canned response"));
    return QStringLiteral("<table cellspacing=\"6\">%1</table>").arg(rows);
}

void MainWindow::showShortcuts()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("Keyboard Shortcuts"));
    box.setTextFormat(Qt::RichText);
    box.setText(shortcutList());
    box.exec();
}

void MainWindow::openCannedResponses()
{
    auto *dialog = new CannedResponsesDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openConversation(qint64 id)
{
    showInbox();
    m_conversation->setConversation(id);
    m_customer->setConversation(id);
    m_inbox->setCurrentConversation(id);
    m_settings.setValue(ConversationKey, id);
    markRead();
}

void MainWindow::updateTitle()
{
    const Agent &me = m_session.sync().agent();
    const QString who = me.name.isEmpty() ? m_session.email() : me.name;
    QString title = tr("%1 on %2").arg(who, m_session.server().host());
    if (m_profile != QLatin1String("default"))
        title = tr("%1 (profile %2)").arg(title, m_profile);
    // Unread messages in the live chats and in the conversations assigned to this agent, as
    // chat apps count them in the title.
    // Mentions of the agent in notes count too: a colleague is asking for them.
    const int mentions = m_inbox->conversations()->unread(ConversationListModel::View::Mentions);
    const int unread = m_liveChats->totalUnread()
                       + m_inbox->conversations()->unread(ConversationListModel::View::Mine)
                       + mentions;
    if (unread > 0)
        title = QStringLiteral("(%1) %2").arg(unread).arg(title);
    setWindowTitle(title);
    const int mine = m_inbox->conversations()->unread(ConversationListModel::View::Mine) + mentions;
    m_workspace->setPartTitle(Workspace::Inbox,
                              mine > 0 ? tr("Inbox (%1)").arg(mine) : tr("Inbox"));
}

void MainWindow::markRead()
{
    // Only what the agent can see counts as read.
    if (isActiveWindow() && !isMinimized() && m_workspace->isShowing(Workspace::Inbox))
        m_session.markRead(m_conversation->conversation());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow()) {
        markRead();
        m_deck->markCurrentRead();
    }
}

void MainWindow::saveLayout()
{
    m_settings.setValue(GeometryKey, saveGeometry());
    m_settings.setValue(StateKey, saveState());
    m_settings.setValue(SplitterKey, m_splitter->saveState());
    m_settings.setValue(TabKey, int(m_workspace->currentPart()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace Tandem
