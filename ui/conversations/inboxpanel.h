// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "savedview.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QTabBar;

namespace Tandem {

class AgentSession;
class ConversationListModel;
class BulkBar;
class ConversationListView;
class NarrowingButton;
class SearchResultsModel;

//! The left side of the main window: a search box over the conversation list. While
//! searching, the list keeps the conversations whose customer or last message match, and
//! below it the cached messages that match are listed — all from the local cache, so
//! search works offline.
class InboxPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InboxPanel(AgentSession &session, QWidget *parent = nullptr);

    void focusSearch();
    void setCurrentConversation(qint64 id);

    QLineEdit *searchField() const { return m_search; }
    ConversationListView *conversationList() const { return m_list; }
    QListView *searchResults() const { return m_results; }
    ConversationListModel *conversations() const { return m_conversations; }
    SearchResultsModel *results() const { return m_resultsModel; }
    //! The views (Mine, Unassigned, All, Snoozed, Resolved), each with its count.
    QTabBar *views() const { return m_views; }
    NarrowingButton *narrowing() const { return m_narrowing; }
    //! Newest activity, or longest waiting for us.
    QComboBox *order() const { return m_order; }
    //! Shown while several conversations are selected.
    BulkBar *bulkBar() const { return m_bulk; }

    //! The views the agent saved, as tabs after the built-in ones.
    QList<SavedView> savedViews() const;
    void setSavedViews(const QList<SavedView> &views);
    //! Saves what the list shows now (view, filter, order) as a view called `name` (one of
    //! that name is replaced) and shows it.
    void saveView(const QString &name);
    void deleteSavedView(int index);

Q_SIGNALS:
    void conversationChosen(qint64 id);
    void answerRequested();
    //! The actions for the conversation of a row, now open, are wanted at `globalPos`.
    void conversationMenuRequested(const QPoint &globalPos);
    //! A view was saved or deleted: savedViews() is what to keep.
    void savedViewsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    //! Tab data of saved views: this plus their index (below it: a built-in View).
    static constexpr int SavedTabBase = 1000;
    //! The saved view a tab shows, or -1.
    int savedIndex(int tab) const;
    void showTab(int index);
    //! Shows the tab whose data is `data` (Mine if there is none), as if it were chosen.
    void selectTab(int data);
    //! In the Resolved view near its end: the server's next page, if it said there is one.
    void fetchMoreResolved();
    void runSearch();
    void updateResultsLabel();
    void updateViewCounts();
    void updateNames(AgentSession &session);

    AgentSession &m_session;
    ConversationListModel *m_conversations = nullptr;
    SearchResultsModel *m_resultsModel = nullptr;
    QLineEdit *m_search = nullptr;
    QTabBar *m_views = nullptr;
    NarrowingButton *m_narrowing = nullptr;
    QComboBox *m_order = nullptr;
    BulkBar *m_bulk = nullptr;
    ConversationListView *m_list = nullptr;
    QLabel *m_resultsLabel = nullptr;
    QListView *m_results = nullptr;
    QLabel *m_empty = nullptr;
    QTimer m_debounce;
    bool m_askServer = false; // the words changed: the next search asks the server too
    QList<SavedView> m_saved;
    bool m_showingSaved = false;
};

} // namespace Tandem
