// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QTimer>
#include <QUuid>
#include <QWidget>

class QAbstractButton;
class QAbstractItemModel;
class QLabel;
class QToolButton;
class QPushButton;
class QStackedWidget;

namespace Tandem {

struct ConversationSummary;

class AgentSession;
class Composer;
class EmailBar;
class EmailView;
class ConversationActions;
class MessageListModel;
class MessageListView;
class OlderHistoryProxy;
class TypingIndicator;
class TypingNotifier;

//! One open conversation: who it is with, its messages (older ones paged in on scrolling
//! up), whether the customer is typing, and the composer. Replies go to the outbox, so they
//! show at once as "sending" and go out whenever the connection allows.
class ConversationView : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationView(AgentSession &session, QWidget *parent = nullptr);

    //! A channel's name for people ("web" is "Web chat").
    static QString channelName(const QString &channel);

    void setConversation(qint64 conversationId);
    qint64 conversation() const { return m_conversation; }
    void focusComposer();
    //! Opens the email the message at `index` came as (none for other messages).
    EmailView *openEmail(const QModelIndex &index);

    Composer *composer() const { return m_composer; }
    MessageListView *messageList() const { return m_messages; }
    //! The messages as the view shows them.
    QAbstractItemModel *messages() const;
    MessageListModel *messageModel() const { return m_model; }
    QLabel *typingLabel() const;
    //! The customer's rating of the chat and their comment (hidden until they rated it).
    QLabel *ratingLabel() const { return m_rating; }
    //! "★★★★☆ The customer rated this chat 4 of 5: “…”".
    static QString ratingText(int score, const QString &comment);
    //! Its SLA clocks in words, and the reply time promised to the customer and whether it
    //! was kept, one a line (empty: neither).
    QString slaText(const ConversationSummary &summary, const QDateTime &now) const;
    ConversationActions *actions() const { return m_actions; }
    //! Where the conversation stands, for its header: "Snoozed until tomorrow 09:00 · Dana".
    QLabel *stateLabel() const { return m_state; }
    QLabel *slaLabel() const { return m_sla; }
    //! Over the composer of an email conversation: to, from, Cc and the signature.
    EmailBar *emailBar() const { return m_emailBar; }
    //! "Also here: Bo": colleagues who have this conversation open too.
    QLabel *alsoHereLabel() const { return m_viewers; }
    //! The composer writes a private note instead of a reply.
    void setNoteMode(bool note);
    bool noteMode() const;
    QAbstractButton *noteToggle() const;
    //! "Undo" for a merge just made, while the server still allows it.
    QPushButton *undoMergeButton() const { return m_undoMerge; }
    //! "Take It Back to Edit", beside the notice of a reply the server refused.
    QPushButton *takeBackButton() const { return m_takeBack; }

Q_SIGNALS:
    //! Another conversation should be opened (the one a merge went into, or came back).
    void conversationRequested(qint64 id);

private:
    void send(const QString &text);
    void updateHeader();
    void showNotice(const QString &text);
    void takeBackRefused();
    void updateViewers();

    AgentSession &m_session;
    EmailBar *m_emailBar = nullptr;
    qint64 m_conversation = 0;
    MessageListModel *m_model = nullptr;
    OlderHistoryProxy *m_proxy = nullptr;
    TypingNotifier *m_typingNotifier = nullptr;
    TypingIndicator *m_typing = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_rating = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_sla = nullptr; // its SLA clocks and the promise made to the customer
    QLabel *m_viewers = nullptr;
    ConversationActions *m_actions = nullptr;
    QToolButton *m_note = nullptr;
    QLabel *m_loading = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_takeBack = nullptr;
    QUuid m_refusedReply; //!< the reply the notice is about
    QWidget *m_undoBar = nullptr;
    QLabel *m_undoText = nullptr;
    QPushButton *m_undoMerge = nullptr;
    QTimer m_undoExpiry;
    qint64 m_undoFrom = 0;
    QHash<qint64, QString> m_refusals; //!< offline changes refused, by conversation
    qint64 m_undoInto = 0;
    MessageListView *m_messages = nullptr;
    Composer *m_composer = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace Tandem
