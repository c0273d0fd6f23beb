// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>

namespace Tandem {

//! The inbox list: one uniform row per conversation (fast with a very long inbox), arrow
//! keys to move, Enter to start answering. Keeps the open conversation selected while rows
//! move, arrive and are filtered.
class ConversationListView : public QListView
{
    Q_OBJECT
public:
    explicit ConversationListView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    //! Selects the row of conversation `id` (if shown) without announcing it.
    void setCurrentConversation(qint64 id);
    qint64 currentConversation() const { return m_current; }

Q_SIGNALS:
    //! The user moved to another conversation.
    void conversationChosen(qint64 id);
    //! Enter on a row: the user wants to write.
    void answerRequested();
    //! A right click (or the menu key) on a row, which is now the open conversation: its
    //! actions are wanted at `globalPos`.
    void menuRequested(const QPoint &globalPos);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void reselect();

    qint64 m_current = 0;
    bool m_reselecting = false;
};

} // namespace Tandem
