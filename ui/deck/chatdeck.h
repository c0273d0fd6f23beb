// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QStackedLayout;

namespace Tandem {

class AgentSession;
class ChatPane;
class LiveChatsModel;

//! The agent's live chats side by side, one pane each, in a grid that follows the window:
//! as many columns as fit, rows for the rest. Every chat keeps its pane (and its number,
//! for Ctrl+N) while it lasts; one clock moves all panes' timers on each second.
class ChatDeck : public QWidget
{
    Q_OBJECT
public:
    //! The narrowest a pane gets before the grid takes another row instead.
    static constexpr int MinPaneWidth = 330;

    ChatDeck(AgentSession &session, LiveChatsModel &chats, QWidget *parent = nullptr);

    //! The panes in deck order (pane N is Ctrl+N).
    QList<ChatPane *> panes() const { return m_panes; }
    ChatPane *pane(qint64 conversationId) const;
    //! The panes of chats still going (not those that ended and wait to be closed).
    int liveCount() const;
    //! Focuses pane `number` (1-based); false if there is none.
    bool focusPane(int number);
    //! The pane whose composer has (or last had) the focus.
    ChatPane *currentPane() const;
    //! Focuses this chat's pane now, or as soon as it appears (after an accepted offer).
    void focusWhenShown(qint64 conversationId);
    int columns() const { return m_columns; }
    //! Marks the current pane's messages read (the window became active).
    void markCurrentRead();

Q_SIGNALS:
    void transferRequested(qint64 conversationId);
    void paneCountChanged(int count);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void sync();
    //! The chat ended, and not from its pane (the cache says so).
    bool endedElsewhere(qint64 conversationId) const;
    void relayout();
    void refreshRows(const QModelIndex &from, const QModelIndex &to);
    void tick();

    AgentSession &m_session;
    LiveChatsModel &m_chats;
    QList<ChatPane *> m_panes;
    QWidget *m_grid = nullptr;
    QGridLayout *m_gridLayout = nullptr;
    QLabel *m_empty = nullptr;
    QStackedLayout *m_stack = nullptr;
    QTimer m_clock;
    int m_columns = 0;
    qint64 m_current = 0;
    qint64 m_focusWanted = 0;
};

} // namespace Tandem
