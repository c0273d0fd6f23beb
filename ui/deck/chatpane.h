// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/requests.h"

#include <QDateTime>
#include <QPersistentModelIndex>
#include <QWidget>

class QAction;
class QAbstractItemModel;
class QLabel;
class QPushButton;
class QToolButton;

namespace Tandem {

class AgentSession;
class CannedPopup;
class Composer;
class MessageListModel;
class MessageListView;
class OlderHistoryProxy;
class TypingIndicator;
class TypingNotifier;

//! One live chat on the deck: who and where the customer is, how long they have waited for
//! an answer (amber, then red), how long the chat has run, whether they are typing, the
//! messages, and a composer whose replies go through the outbox. "/" at the start of a reply
//! opens the canned responses. End, Transfer… and Follow up later act on the chat.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPane(AgentSession &session, QWidget *parent = nullptr);

    //! Shows the chat at `row` of a LiveChatsModel (and keeps showing that chat).
    void setChat(const QModelIndex &row);
    qint64 conversation() const { return m_conversation; }
    //! The pane's place on the deck, 1-based: Ctrl+N focuses it.
    void setNumber(int number);
    int number() const { return m_number; }
    //! Reads the chat's row again (its summary changed).
    void refresh();
    //! Moves the clocks on; the deck calls it every second for all panes at once.
    void tick(const QDateTime &now);
    void focusComposer();
    //! Marks what the agent can see as read: the composer has focus in the active window.
    void markRead();

    //! Seconds the customer has waited for an answer (0 when not waiting).
    qint64 waitingSeconds() const { return m_waitingSeconds; }

    Composer *composer() const { return m_composer; }
    QAbstractItemModel *messages() const;
    MessageListView *messageList() const { return m_messages; }
    CannedPopup *cannedPopup();
    QLabel *nameLabel() const { return m_name; }
    QLabel *waitLabel() const { return m_wait; }
    QLabel *durationLabel() const { return m_duration; }
    QLabel *typingLabel() const;
    QLabel *unreadLabel() const { return m_unread; }
    QLabel *noticeLabel() const { return m_notice; }
    QLabel *transferNoteLabel() const { return m_transferNote; }
    QAction *endAction() const { return m_end; }
    QAction *transferAction() const { return m_transfer; }
    QAction *followupAction() const { return m_followup; }

    //! Ends the chat once the agent confirms it (the pane goes once the server does); on a
    //! chat that ended already, closes the pane.
    void endChat();
    //! The chat ended, not from here (the customer ended it, or a supervisor): the pane stays,
    //! says so and keeps what was typed, until the agent closes it.
    void showEnded();
    bool isEnded() const { return m_ended; }
    //! The agent ended the chat or moved it off the deck from this pane.
    bool leftHere() const { return m_leftHere; }
    //! The agent closed the pane of an ended chat.
    bool isClosed() const { return m_closed; }
    QAction *closeAction() const { return m_close; }
    void followUpLater();
    void showNotice(const QString &text);

Q_SIGNALS:
    //! The agent wants to hand this chat to a colleague (the deck asks whom).
    void transferRequested(qint64 conversationId);
    //! The composer took the focus.
    void activated(qint64 conversationId);
    //! The agent closed the pane of a chat that ended.
    void closed(qint64 conversationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void send(const QString &text);
    void routingRequest(Requests::Request (*make)(qint64), const QString &pending);
    void setActive(bool active);

    AgentSession &m_session;
    QPersistentModelIndex m_row;
    qint64 m_conversation = 0;
    int m_number = 0;
    bool m_active = false;
    bool m_ended = false;
    bool m_leftHere = false;
    bool m_closed = false;
    QDateTime m_waitingSince;
    QDateTime m_startedAt;
    qint64 m_waitingSeconds = 0;

    MessageListModel *m_model = nullptr;
    OlderHistoryProxy *m_proxy = nullptr;
    TypingNotifier *m_typingNotifier = nullptr;
    TypingIndicator *m_typing = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_channel = nullptr;
    QLabel *m_unread = nullptr;
    QLabel *m_wait = nullptr;
    QLabel *m_duration = nullptr;
    QLabel *m_transferNote = nullptr;
    QLabel *m_notice = nullptr;
    MessageListView *m_messages = nullptr;
    Composer *m_composer = nullptr;
    QPushButton *m_send = nullptr;
    QToolButton *m_endButton = nullptr;
    QToolButton *m_more = nullptr;
    QAction *m_end = nullptr;
    QAction *m_transfer = nullptr;
    QAction *m_followup = nullptr;
    QAction *m_close = nullptr;
};

} // namespace Tandem
