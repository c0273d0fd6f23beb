// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatdeck.h"

#include "cache/localcache.h"
#include "chatpane.h"
#include "models/livechatsmodel.h"
#include "shell/agentsession.h"
#include "thread/composer.h"

#include <QApplication>
#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QStackedLayout>
#include <algorithm>

namespace Tandem {

ChatDeck::ChatDeck(AgentSession &session, LiveChatsModel &chats, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_chats(chats)
{
    setObjectName(QStringLiteral("chatDeck"));
    m_grid = new QWidget;
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(8, 8, 8, 8);
    m_gridLayout->setSpacing(8);
    m_empty = new QLabel(tr("No live chats right now.\n\nWhile you are Online, new chats are "
                            "offered to you above; accepted ones open here, side by side."));
    m_empty->setObjectName(QStringLiteral("deckEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_grid);

    connect(&m_chats, &QAbstractItemModel::rowsInserted, this, &ChatDeck::sync);
    connect(&m_chats, &QAbstractItemModel::rowsRemoved, this, &ChatDeck::sync);
    connect(&m_chats, &QAbstractItemModel::rowsMoved, this, &ChatDeck::sync);
    connect(&m_chats, &QAbstractItemModel::modelReset, this, &ChatDeck::sync);
    connect(&m_chats, &QAbstractItemModel::dataChanged, this, &ChatDeck::refreshRows);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &ChatDeck::tick);
    sync();
}

ChatPane *ChatDeck::pane(qint64 conversationId) const
{
    for (ChatPane *p : m_panes) {
        if (p->conversation() == conversationId)
            return p;
    }
    return nullptr;
}

bool ChatDeck::focusPane(int number)
{
    if (number < 1 || number > m_panes.size())
        return false;
    m_panes.at(number - 1)->focusComposer();
    return true;
}

ChatPane *ChatDeck::currentPane() const
{
    return pane(m_current);
}

void ChatDeck::focusWhenShown(qint64 conversationId)
{
    if (ChatPane *p = pane(conversationId)) {
        p->focusComposer();
        return;
    }
    m_focusWanted = conversationId;
}

void ChatDeck::markCurrentRead()
{
    if (ChatPane *p = currentPane(); p && p->composer()->hasFocus())
        p->markRead();
}

bool ChatDeck::endedElsewhere(qint64 conversationId) const
{
    const auto summary = m_session.cache().conversation(conversationId);
    return summary && summary->liveState == LiveState::Ended;
}

int ChatDeck::liveCount() const
{
    return int(std::count_if(m_panes.cbegin(), m_panes.cend(),
                             [](const ChatPane *p) { return !p->isEnded(); }));
}

void ChatDeck::sync()
{
    // Panes follow the model's rows; a chat that stays keeps its pane (draft, scroll place
    // and all), so only the ones that came or went are made or dropped.
    QList<ChatPane *> panes;
    QList<ChatPane *> old = m_panes;
    for (int row = 0; row < m_chats.rowCount(); ++row) {
        const QModelIndex index = m_chats.index(row, 0);
        const qint64 id = index.data(ConversationListModel::IdRole).toLongLong();
        ChatPane *p = nullptr;
        for (ChatPane *candidate : std::as_const(old)) {
            if (candidate->conversation() == id) {
                p = candidate;
                break;
            }
        }
        if (p) {
            old.removeOne(p);
        } else {
            p = new ChatPane(m_session, m_grid);
            connect(p, &ChatPane::transferRequested, this, &ChatDeck::transferRequested);
            connect(p, &ChatPane::activated, this, [this](qint64 id) { m_current = id; });
            connect(p, &ChatPane::closed, this, &ChatDeck::sync);
        }
        p->setChat(index);
        p->setNumber(row + 1);
        panes.append(p);
    }
    bool focusLost = false;
    QList<ChatPane *> ended;
    for (ChatPane *gone : std::as_const(old)) {
        // A chat that ended without this agent ending it stays, saying so, until closed: it
        // must not vanish with what the agent was writing.
        if (!gone->isClosed()
            && (gone->isEnded() || (!gone->leftHere() && endedElsewhere(gone->conversation())))) {
            gone->showEnded();
            ended.append(gone);
            continue;
        }
        // The chat being answered went (its pane had the keyboard, or was the one in use
        // when a confirmation took it).
        focusLost = focusLost || gone->isAncestorOf(QApplication::focusWidget())
                    || (gone->leftHere() && gone->conversation() == m_current);
        gone->hide();
        gone->deleteLater();
    }
    for (ChatPane *p : std::as_const(ended)) {
        p->setNumber(int(panes.size()) + 1);
        panes.append(p);
    }
    const bool changed = panes != m_panes;
    m_panes = panes;
    m_columns = 0; // lay out afresh
    relayout();
    m_stack->setCurrentWidget(m_panes.isEmpty() ? static_cast<QWidget *>(m_empty) : m_grid);
    if (m_panes.isEmpty())
        m_clock.stop();
    else if (!m_clock.isActive())
        m_clock.start();
    if (m_focusWanted != 0) {
        if (ChatPane *p = pane(m_focusWanted)) {
            m_focusWanted = 0;
            p->focusComposer();
            focusLost = false;
        }
    }
    // The chat being answered went (ended, transferred): the next one takes the keyboard.
    if (focusLost && !m_panes.isEmpty())
        m_panes.first()->focusComposer();
    if (changed)
        Q_EMIT paneCountChanged(liveCount());
}

void ChatDeck::relayout()
{
    const int count = int(m_panes.size());
    const int available = std::max(1, (width() - 16) / (MinPaneWidth + 8));
    const int columns = std::max(1, std::min(count, available));
    if (columns == m_columns && m_gridLayout->count() == count)
        return;
    m_columns = columns;
    while (m_gridLayout->count() > 0)
        delete m_gridLayout->takeAt(0);
    for (int c = 0; c < m_gridLayout->columnCount(); ++c)
        m_gridLayout->setColumnStretch(c, 0);
    for (int r = 0; r < m_gridLayout->rowCount(); ++r)
        m_gridLayout->setRowStretch(r, 0);
    for (int i = 0; i < count; ++i) {
        m_gridLayout->addWidget(m_panes.at(i), i / columns, i % columns);
        m_panes.at(i)->show();
    }
    for (int c = 0; c < columns; ++c)
        m_gridLayout->setColumnStretch(c, 1);
    for (int r = 0; r < (count + columns - 1) / columns; ++r)
        m_gridLayout->setRowStretch(r, 1);
}

void ChatDeck::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void ChatDeck::refreshRows(const QModelIndex &from, const QModelIndex &to)
{
    for (int row = from.row(); row <= to.row() && row < m_panes.size(); ++row)
        m_panes.at(row)->refresh();
}

void ChatDeck::tick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (ChatPane *p : std::as_const(m_panes)) {
        p->tick(now);
        p->update();
    }
}

} // namespace Tandem
