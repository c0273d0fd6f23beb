// SPDX-License-Identifier: GPL-3.0-or-later
#include "inboxpanel.h"

#include "bulkbar.h"
#include "conversationdelegate.h"
#include "conversationlistview.h"
#include "models/conversationlistmodel.h"
#include "narrowingbutton.h"
#include "search/searchresultsmodel.h"
#include "shell/agentsession.h"
#include "shell/startupreport.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace Tandem {

InboxPanel::InboxPanel(AgentSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_conversations(new ConversationListModel(session.cache(), this, false))
    , m_resultsModel(new SearchResultsModel(session.cache(), &session.sync(), this))
{
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search conversations and messages (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);

    using View = ConversationListModel::View;
    m_views = new QTabBar;
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setExpanding(false);
    m_views->setDrawBase(false);
    m_views->setUsesScrollButtons(true);
    for (View v : {View::Mine, View::Unassigned, View::MyTeams, View::All, View::Mentions,
                   View::SlaAtRisk, View::Snoozed, View::Resolved})
        m_views->setTabData(m_views->addTab(QString()), int(v));
    m_views->setCurrentIndex(2); // My teams
    connect(m_views, &QTabBar::currentChanged, this, &InboxPanel::showTab);
    // A saved view's tab is deleted from its own menu.
    m_views->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_views, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const int saved = savedIndex(m_views->tabAt(at));
        if (saved < 0)
            return;
        QMenu menu;
        menu.addAction(tr("Delete View “%1”").arg(m_saved.at(saved).name), this,
                       [this, saved] { deleteSavedView(saved); });
        menu.exec(m_views->mapToGlobal(at));
    });
    connect(m_conversations, &ConversationListModel::countsChanged, this,
            &InboxPanel::updateViewCounts);
    // A saved view's count can move with a label or priority, which no built-in view counts.
    connect(&session.cache(), &LocalCache::applied, this, [this] {
        if (!m_saved.isEmpty())
            updateViewCounts();
    });
    // "Mine" is whoever the cache says signed in (known offline too), or the connection;
    // "My teams" the inboxes of their teams. "All" is for supervisors and admins, who see
    // more than their teams.
    const auto whoAmI = [this, &session] {
        const qint64 me =
            session.sync().agent().id ? session.sync().agent().id : session.cache().ownAgent();
        m_conversations->setOwnAgent(me);
        QSet<qint64> teams, inboxes;
        for (const Team &t : session.cache().teams())
            if (t.members.contains(me))
                teams.insert(t.id);
        for (const Inbox &i : session.cache().inboxes())
            if (teams.contains(i.teamId))
                inboxes.insert(i.id);
        m_conversations->setOwnInboxes(inboxes);
        m_conversations->setSlaTerms(session.cache().teams(), session.cache().inboxes());
        const bool supervises =
            session.sync().agent().id != 0 && session.sync().agent().role != Role::Agent;
        for (int i = 0; i < m_views->count(); ++i)
            if (m_views->tabData(i).toInt() == int(ConversationListModel::View::All))
                m_views->setTabVisible(i, supervises);
    };
    // SLA clocks move with time: what is at risk is looked at again every minute.
    m_conversations->setSlaNow(QDateTime::currentDateTimeUtc());
    auto *slaTick = new QTimer(this);
    slaTick->setInterval(60 * 1000);
    connect(slaTick, &QTimer::timeout, this,
            [this] { m_conversations->setSlaNow(QDateTime::currentDateTimeUtc()); });
    slaTick->start();
    whoAmI();
    connect(&session.sync(), &SyncClient::stateChanged, this, whoAmI);
    connect(&session.cache(), &LocalCache::teamsChanged, this, whoAmI);
    updateViewCounts();

    m_narrowing = new NarrowingButton(session.cache());
    connect(m_narrowing, &NarrowingButton::narrowingChanged, m_conversations,
            &ConversationListModel::setNarrowing);
    connect(m_narrowing, &NarrowingButton::saveRequested, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save View"), tr("Name of the view:"),
                                                   QLineEdit::Normal, QString(), &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            saveView(name);
    });
    m_order = new QComboBox;
    m_order->setObjectName(QStringLiteral("order"));
    m_order->addItem(tr("Newest activity"), int(ConversationListModel::Order::NewestActivity));
    m_order->addItem(tr("Longest waiting"), int(ConversationListModel::Order::LongestWaiting));
    m_order->addItem(tr("SLA due first"), int(ConversationListModel::Order::SlaDue));
    m_order->setToolTip(tr("Longest waiting: customers waiting for an answer the longest first. "
                           "SLA due first: the least business time left to answer first"));
    m_order->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_conversations->setOrder(ConversationListModel::Order(m_order->itemData(index).toInt()));
    });

    m_list = new ConversationListView;
    m_list->setObjectName(QStringLiteral("conversations"));
    m_list->setModel(m_conversations);
    m_bulk = new BulkBar(session, *m_list);
    updateNames(session);
    connect(&session.cache(), &LocalCache::labelsChanged, this,
            [this, &session] { updateNames(session); });
    connect(&session.cache(), &LocalCache::teamsChanged, this,
            [this, &session] { updateNames(session); });
    connect(&session.sync(), &SyncClient::viewersChanged, this, [this, &session](qint64 id) {
        if (auto *delegate = qobject_cast<ConversationDelegate *>(m_list->itemDelegate()))
            delegate->setViewers(id, session.sync().viewersOf(id));
        const int row = m_conversations->rowOf(id);
        if (row >= 0)
            m_list->update(m_conversations->index(row));
    });
    StartupReport::watch(m_list);
    // The rest of a long inbox is read once the first screen is painted (reading 10,000
    // summaries on the cache's thread would compete with building the window), or after
    // a moment if the list is not on screen.
    m_list->viewport()->installEventFilter(this);
    QTimer::singleShot(300, m_conversations, &ConversationListModel::readRest);
    // The Resolved view goes on with the server's older pages as the agent nears its end.
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &InboxPanel::fetchMoreResolved);
    // A page too short to scroll (a narrowed view) goes on by itself.
    connect(m_list->verticalScrollBar(), &QScrollBar::rangeChanged, this,
            &InboxPanel::fetchMoreResolved, Qt::QueuedConnection);
    connect(m_conversations, &QAbstractItemModel::modelReset, this, &InboxPanel::fetchMoreResolved,
            Qt::QueuedConnection);

    m_empty = new QLabel(tr("No conversations yet.\nNew ones appear here as customers write."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    m_empty->setWordWrap(true);

    m_resultsLabel = new QLabel;
    m_resultsLabel->setContentsMargins(10, 6, 10, 2);
    QFont bold = m_resultsLabel->font();
    bold.setBold(true);
    m_resultsLabel->setFont(bold);
    m_results = new QListView;
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setUniformItemSizes(true);
    auto *resultsDelegate = new ConversationDelegate(m_results);
    resultsDelegate->setTwoLines(true);
    m_results->setItemDelegate(resultsDelegate);
    m_results->setModel(m_resultsModel);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results->setAccessibleName(tr("Messages found"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *searchRow = new QVBoxLayout;
    searchRow->setContentsMargins(8, 8, 8, 8);
    searchRow->addWidget(m_search);
    layout->addLayout(searchRow);
    layout->addWidget(m_views);
    auto *listTools = new QHBoxLayout;
    listTools->setContentsMargins(8, 2, 8, 2);
    listTools->addWidget(m_narrowing);
    listTools->addStretch();
    listTools->addWidget(m_order);
    layout->addLayout(listTools);
    layout->addWidget(m_bulk);
    layout->addWidget(m_list, 3);
    layout->addWidget(m_empty, 3);
    layout->addWidget(m_resultsLabel);
    layout->addWidget(m_results, 2);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200); // search as the user types, not on every key
    connect(&m_debounce, &QTimer::timeout, this, &InboxPanel::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_askServer = true;
        m_debounce.start();
    });
    connect(m_resultsModel, &QAbstractItemModel::modelReset, this, &InboxPanel::updateResultsLabel);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_askServer = true;
        runSearch();
    });
    // New messages may match what is being searched for.
    connect(&session.cache(), &LocalCache::applied, this, [this] {
        if (!m_resultsModel->query().isEmpty() && !m_debounce.isActive())
            m_debounce.start();
    });

    connect(m_list, &ConversationListView::conversationChosen, this,
            &InboxPanel::conversationChosen);
    connect(m_list, &ConversationListView::answerRequested, this, &InboxPanel::answerRequested);
    connect(m_list, &ConversationListView::menuRequested, this,
            &InboxPanel::conversationMenuRequested);
    connect(m_results, &QListView::activated, this, [this](const QModelIndex &index) {
        const qint64 id = index.data(ConversationListModel::IdRole).toLongLong();
        m_list->setCurrentConversation(id);
        Q_EMIT conversationChosen(id);
    });
    connect(m_results, &QListView::clicked, m_results, &QListView::activated);

    // The welcome text stands in for the list only while there is nothing at all: an empty
    // view is an empty list (its tab says so), so the list does not vanish under the keyboard.
    const auto updateEmpty = [this] {
        const bool none = m_conversations->holdsNone() && m_conversations->filter().isEmpty();
        m_empty->setVisible(none);
        m_list->setVisible(!none);
    };
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_conversations, signal, this, updateEmpty);
    connect(m_conversations, &QAbstractItemModel::modelReset, this, updateEmpty);
    connect(m_conversations, &ConversationListModel::countsChanged, this, updateEmpty);
    updateEmpty();
    runSearch();
}

void InboxPanel::updateNames(AgentSession &session)
{
    auto *delegate = qobject_cast<ConversationDelegate *>(m_list->itemDelegate());
    if (!delegate)
        return;
    delegate->setLabels(session.cache().labels());
    QHash<qint64, QString> inboxes;
    const QList<Inbox> all = session.cache().inboxes();
    // One inbox needs no naming on every row.
    if (all.size() > 1)
        for (const Inbox &inbox : all)
            inboxes.insert(inbox.id, inbox.name);
    delegate->setInboxNames(inboxes);
    m_list->viewport()->update();
}

void InboxPanel::updateViewCounts()
{
    using View = ConversationListModel::View;
    for (int i = 0; i < m_views->count(); ++i) {
        if (const int saved = savedIndex(i); saved >= 0) {
            const SavedView &s = m_saved.at(saved);
            const int count = m_conversations->count(s.view, s.narrowing);
            m_views->setTabText(i, count == 0 ? s.name : tr("%1 (%2)").arg(s.name).arg(count));
            continue;
        }
        const View v = View(m_views->tabData(i).toInt());
        QString name;
        switch (v) {
        case View::Mine:
            name = tr("Mine");
            break;
        case View::Unassigned:
            name = tr("Unassigned");
            break;
        case View::All:
            name = tr("All");
            break;
        case View::Snoozed:
            name = tr("Snoozed");
            break;
        case View::Resolved:
            name = tr("Resolved");
            break;
        case View::Mentions:
            name = tr("Mentions");
            break;
        case View::MyTeams:
            name = tr("My teams");
            break;
        case View::SlaAtRisk:
            name = tr("SLA at risk");
            break;
        }
        // Mentions counts what is new to the agent; the others what they hold.
        const int count =
            v == View::Mentions ? m_conversations->unread(v) : m_conversations->count(v);
        m_views->setTabText(
            i, v == View::Resolved || count == 0 ? name : tr("%1 (%2)").arg(name).arg(count));
    }
}

int InboxPanel::savedIndex(int tab) const
{
    const int data = tab >= 0 ? m_views->tabData(tab).toInt() : -1;
    return data >= SavedTabBase ? data - SavedTabBase : -1;
}

void InboxPanel::showTab(int index)
{
    using View = ConversationListModel::View;
    if (!m_narrowing || !m_order)
        return; // still being built
    const int saved = savedIndex(index);
    if (saved >= 0) {
        const SavedView &s = m_saved.at(saved);
        m_conversations->setView(s.view);
        m_narrowing->setNarrowing(s.narrowing);
        m_order->setCurrentIndex(std::max(0, m_order->findData(int(s.order))));
    } else {
        // Leaving a saved view leaves its filter behind too.
        if (m_showingSaved)
            m_narrowing->setNarrowing({});
        m_conversations->setView(View(m_views->tabData(index).toInt()));
    }
    m_showingSaved = saved >= 0;
    // Resolved conversations are not in the snapshot: the server lists them on demand.
    if (m_conversations->view() == View::Resolved
        && m_session.sync().state() == SyncClient::State::Online)
        m_session.sync().fetchResolved();
}

void InboxPanel::fetchMoreResolved()
{
    const QScrollBar *bar = m_list->verticalScrollBar();
    const auto after = m_session.sync().moreResolvedAfter();
    if (m_conversations->view() == ConversationListModel::View::Resolved && after
        && bar->value() >= bar->maximum() - bar->pageStep()
        && m_session.sync().state() == SyncClient::State::Online)
        m_session.sync().fetchResolved(after);
}

QList<SavedView> InboxPanel::savedViews() const
{
    return m_saved;
}

void InboxPanel::setSavedViews(const QList<SavedView> &views)
{
    const int shown = m_views->tabData(m_views->currentIndex()).toInt();
    {
        const QSignalBlocker quiet(m_views);
        for (int i = m_views->count() - 1; i >= 0; --i)
            if (savedIndex(i) >= 0)
                m_views->removeTab(i);
        m_saved = views.mid(0, SavedView::MaxCount);
        for (int i = 0; i < m_saved.size(); ++i)
            m_views->setTabData(m_views->addTab(m_saved.at(i).name), SavedTabBase + i);
    }
    // Removing tabs moves the current one silently: the one shown before stays shown.
    if (m_views->tabData(m_views->currentIndex()).toInt() != shown)
        selectTab(shown);
    updateViewCounts();
}

void InboxPanel::selectTab(int data)
{
    int index = 0; // Mine, when that tab is gone
    for (int i = 0; i < m_views->count(); ++i)
        if (m_views->tabData(i).toInt() == data)
            index = i;
    {
        const QSignalBlocker quiet(m_views);
        m_views->setCurrentIndex(index);
    }
    showTab(index);
}

void InboxPanel::saveView(const QString &name)
{
    SavedView view{name.trimmed().left(SavedView::MaxNameChars), m_conversations->view(),
                   m_narrowing->narrowing(), m_conversations->order()};
    if (view.name.isEmpty())
        return;
    QList<SavedView> views = m_saved;
    // The same name again replaces the view of that name.
    const auto same = std::find_if(views.begin(), views.end(), [&](const SavedView &v) {
        return v.name.compare(view.name, Qt::CaseInsensitive) == 0;
    });
    if (same != views.end())
        *same = view;
    else if (views.size() < SavedView::MaxCount)
        views.append(view);
    else
        return;
    setSavedViews(views);
    const int index = int(std::find(m_saved.cbegin(), m_saved.cend(), view) - m_saved.cbegin());
    selectTab(SavedTabBase + index);
    Q_EMIT savedViewsChanged();
}

void InboxPanel::deleteSavedView(int index)
{
    if (index < 0 || index >= m_saved.size())
        return;
    // Which tab to show after: the same one (a later saved view moves down by one), or Mine
    // when it is the one deleted.
    const int current = savedIndex(m_views->currentIndex());
    int shown = m_views->tabData(m_views->currentIndex()).toInt();
    if (current == index)
        shown = int(ConversationListModel::View::Mine);
    else if (current > index)
        shown = SavedTabBase + current - 1;
    QList<SavedView> views = m_saved;
    views.removeAt(index);
    setSavedViews(views);
    selectTab(shown);
    Q_EMIT savedViewsChanged();
}

void InboxPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void InboxPanel::setCurrentConversation(qint64 id)
{
    m_list->setCurrentConversation(id);
}

void InboxPanel::runSearch()
{
    m_debounce.stop();
    const QString query = m_search->text().trimmed();
    m_conversations->setFilter(query);
    // A change in the cache reruns only the cache's part: asking the server again would
    // store its answer, change the cache, and so on.
    m_resultsModel->search(query, std::exchange(m_askServer, false));
    const bool searching = !query.isEmpty();
    m_resultsLabel->setVisible(searching);
    m_results->setVisible(searching);
    updateResultsLabel();
}

void InboxPanel::updateResultsLabel()
{
    const QString query = m_resultsModel->query();
    if (query.isEmpty())
        return;
    m_resultsLabel->setText(m_resultsModel->rowCount() == 0
                                ? tr("No messages match “%1”").arg(query)
                                : tr("Messages matching “%1”").arg(query));
}

bool InboxPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Paint) {
        m_list->viewport()->removeEventFilter(this);
        QTimer::singleShot(0, m_conversations, &ConversationListModel::readRest);
        return false;
    }
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            runSearch();
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            // From the search box straight into the results with the arrow keys.
            QAbstractItemView *target = m_conversations->rowCount() > 0
                                            ? static_cast<QAbstractItemView *>(m_list)
                                            : m_results;
            target->setFocus(Qt::TabFocusReason);
            if (!target->currentIndex().isValid() && target->model()->rowCount() > 0)
                target->setCurrentIndex(target->model()->index(0, 0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Tandem
