// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "conversations/inboxpanel.h"
#include "models/conversationlistmodel.h"
#include "presenceselector.h"
#include "shell/agentsession.h"
#include "status/connectionindicator.h"
#include "thread/conversationview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>

namespace Tandem
{
namespace
{
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter");
const QString ConversationKey = QStringLiteral("window/conversation");
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
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_inbox->setMinimumWidth(240);
    m_splitter->setSizes({320, 700});
    setCentralWidget(m_splitter);

    m_indicator = new ConnectionIndicator(session.sync(), session.outbox());
    m_presence = new PresenceSelector(session);
    statusBar()->addWidget(m_indicator, 1);
    statusBar()->addPermanentWidget(m_presence);

    createMenus();

    // A reply that could not be saved must not vanish silently.
    connect(&session.cache(), &LocalCache::writeFailed, this, [this] {
        QMessageBox::warning(this, tr("Could not save"),
                             tr("Tandem could not write to its local storage (is the disk "
                                "full?). Your last reply or draft may not have been kept; "
                                "please check it before you go on."));
    });

    connect(m_inbox, &InboxPanel::conversationChosen, this, &MainWindow::openConversation);
    connect(m_inbox, &InboxPanel::answerRequested, m_conversation,
            &ConversationView::focusComposer);
    connect(&session.sync(), &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        updateTitle();
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
    updateTitle();

    // Back where the agent left off, if that conversation is still there.
    const qint64 last = m_settings.value(ConversationKey).toLongLong();
    if (last != 0 && m_inbox->conversations()->rowOf(last) >= 0)
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
    m_signOut = add(file, tr("Sign &Out"), {}, this, [this] { Q_EMIT signOutRequested(); });
    m_signOut->setObjectName(QStringLiteral("signOut"));
    file->addSeparator();
    QAction *quit = add(file, tr("&Quit"), QKeySequence::Quit, this, [this] { close(); });
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    add(edit, tr("&Find…"), QKeySequence::Find, m_inbox, [this] { m_inbox->focusSearch(); });
    add(edit, tr("&Reply"), QKeySequence(Qt::CTRL | Qt::Key_R), m_conversation,
        [this] { m_conversation->focusComposer(); });

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    add(connection, tr("&Retry Now"), QKeySequence(Qt::Key_F5), &m_session.sync(),
        [this] { m_session.sync().retryNow(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
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

void MainWindow::openConversation(qint64 id)
{
    m_conversation->setConversation(id);
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
    setWindowTitle(title);
}

void MainWindow::markRead()
{
    // Only what the agent can see counts as read.
    const qint64 id = m_conversation->conversation();
    if (id == 0 || !isActiveWindow() || isMinimized())
        return;
    const auto summary = m_session.cache().conversation(id);
    if (!summary || summary->unread == 0 || summary->lastMessageId == 0)
        return;
    const QPair<qint64, qint64> marker{id, summary->lastMessageId};
    if (marker == m_markedRead)
        return;
    m_markedRead = marker;
    m_session.cache().setReadMarker(id, summary->lastMessageId);
    m_session.sync().request(
        QStringLiteral("read"),
        {{QStringLiteral("conversation"), id}, {QStringLiteral("upTo"), summary->lastMessageId}},
        this, [](bool, const QJsonObject &) {});
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        markRead();
}

void MainWindow::saveLayout()
{
    m_settings.setValue(GeometryKey, saveGeometry());
    m_settings.setValue(StateKey, saveState());
    m_settings.setValue(SplitterKey, m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace Tandem
