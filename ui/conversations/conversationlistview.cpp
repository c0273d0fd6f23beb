// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationlistview.h"

#include "conversationdelegate.h"
#include "models/conversationlistmodel.h"

#include <QContextMenuEvent>
#include <QKeyEvent>

namespace Tandem {

ConversationListView::ConversationListView(QWidget *parent)
    : QListView(parent)
{
    // Measured: 7 s to show a million rows without it, 48 ms with it.
    setUniformItemSizes(true);
    setItemDelegate(new ConversationDelegate(this));
    // Ctrl- and Shift-click select several, for the bulk actions; the current row is the
    // open conversation.
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setAccessibleName(tr("Conversations"));
}

void ConversationListView::contextMenuEvent(QContextMenuEvent *event)
{
    const bool fromKeyboard = event->reason() == QContextMenuEvent::Keyboard;
    const QModelIndex index = fromKeyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid())
        return;
    // The row clicked is the one the actions are for: it opens, as a left click would.
    if (index != currentIndex())
        setCurrentIndex(index);
    const QPoint at =
        fromKeyboard ? viewport()->mapToGlobal(visualRect(index).center()) : event->globalPos();
    Q_EMIT menuRequested(at);
}

void ConversationListView::setModel(QAbstractItemModel *model)
{
    if (!model) {
        QListView::setModel(model);
        return;
    }
    // Inserts and moves keep the current row (it is a persistent index). Removal, reset and
    // relayout may move the selection model's current row to a neighbour, or clear it: that
    // is not the user choosing another conversation, so the open one is chosen again instead.
    // Slots run in the order they were connected: the hold is connected before the view and
    // its selection model connect theirs, so it comes first (else the neighbour would be
    // announced as chosen when the open conversation leaves the view); the release after
    // them, so what they do (a reset clears the current row) comes before it.
    const auto hold = [this] { m_reselecting = true; };
    const auto release = [this] {
        m_reselecting = false;
        reselect();
    };
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, hold);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, hold);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, hold);
    QListView::setModel(model);
    connect(model, &QAbstractItemModel::rowsRemoved, this, release);
    connect(model, &QAbstractItemModel::modelReset, this, release);
    connect(model, &QAbstractItemModel::layoutChanged, this, release);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!currentIndex().isValid() && m_current != 0)
            reselect(); // the open conversation came back into the filter
    });
}

void ConversationListView::setCurrentConversation(qint64 id)
{
    m_current = id;
    reselect();
}

void ConversationListView::reselect()
{
    if (!model())
        return;
    QModelIndex found;
    if (m_current != 0) {
        if (auto *conversations = qobject_cast<ConversationListModel *>(model())) {
            const int row = conversations->rowOf(m_current);
            found = row >= 0 ? model()->index(row, 0) : QModelIndex();
        }
    }
    if (found == currentIndex() && (!found.isValid() || selectionModel()->isSelected(found)))
        return;
    m_reselecting = true;
    if (found.isValid()) {
        selectionModel()->setCurrentIndex(found, QItemSelectionModel::ClearAndSelect);
    } else {
        selectionModel()->clearSelection();
        selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
    }
    m_reselecting = false;
}

void ConversationListView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QListView::currentChanged(current, previous);
    if (m_reselecting || !current.isValid())
        return;
    const qint64 id = current.data(ConversationListModel::IdRole).toLongLong();
    if (id != m_current) {
        m_current = id;
        Q_EMIT conversationChosen(id);
    }
}

void ConversationListView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && currentIndex().isValid()) {
        Q_EMIT answerRequested();
        return;
    }
    QListView::keyPressEvent(event);
}

} // namespace Tandem
