// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagelistview.h"

#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTimer>

namespace Tandem {

MessageListView::MessageListView(QWidget *parent)
    : QListView(parent)
{
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Row heights depend on the width: lay out again when it changes.
    setResizeMode(QListView::Adjust);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setWordWrap(true);
    setAccessibleName(tr("Messages"));
    verticalScrollBar()->setSingleStep(20);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &MessageListView::onRangeChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageListView::onScrolled);
}

void MessageListView::setModel(QAbstractItemModel *model)
{
    QListView::setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int) {
                // Older messages go in at the top: what is on screen must not jump.
                // Measured from the end of the content, not of the scroll range: the viewport
                // may change height meanwhile (the "loading" line comes and goes).
                if (first == 0 && this->model()->rowCount() > 0 && !m_pinned) {
                    const QScrollBar *bar = verticalScrollBar();
                    m_keepFromBottom = bar->maximum() + viewport()->height() - bar->value();
                }
            });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_pinned = true;
        m_keepFromBottom.reset();
        // After the delayed layout, so that the range is known.
        QTimer::singleShot(0, this, &MessageListView::scrollToNewest);
    });
}

void MessageListView::scrollToNewest()
{
    m_pinned = true;
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->maximum());
}

void MessageListView::onRangeChanged(int min, int max)
{
    QScrollBar *bar = verticalScrollBar();
    m_adjusting = true;
    if (m_keepFromBottom) {
        bar->setValue(std::max(min, max + viewport()->height() - *m_keepFromBottom));
        m_keepFromBottom.reset();
    } else if (m_pinned) {
        bar->setValue(max);
    }
    m_adjusting = false;
}

void MessageListView::updateGeometries()
{
    QListView::updateGeometries();
    // A short conversation has no scroll bar at all: its top is already in view. (The range
    // may not even change, so this is checked after every layout.)
    const QScrollBar *bar = verticalScrollBar();
    if (model() && bar->maximum() == bar->minimum())
        Q_EMIT olderWanted();
}

void MessageListView::onScrolled(int value)
{
    if (m_adjusting)
        return;
    const QScrollBar *bar = verticalScrollBar();
    m_pinned = value >= bar->maximum();
    if (value <= bar->minimum() && bar->maximum() > bar->minimum()) {
        // Not pinned any more: the rows that arrive must not drag the view down.
        m_pinned = false;
        Q_EMIT olderWanted();
    }
}

void MessageListView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy) && currentIndex().isValid()) {
        QApplication::clipboard()->setText(currentIndex().data(Qt::DisplayRole).toString());
        return;
    }
    QListView::keyPressEvent(event);
}

} // namespace Tandem
