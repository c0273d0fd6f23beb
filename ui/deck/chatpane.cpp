// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatpane.h"

#include "deckrequest.h"
#include "livetimes.h"
#include "models/livechatsmodel.h"
#include "models/messagelistmodel.h"
#include "shell/agentsession.h"
#include "thread/composer.h"
#include "thread/conversationview.h"
#include "thread/messagedelegate.h"
#include "thread/messagelistview.h"
#include "thread/olderhistoryproxy.h"
#include "thread/typingindicator.h"
#include "thread/typingnotifier.h"

#include <QAction>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tandem {
namespace {
QLabel *shrunk(QLabel *label)
{
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    label->setFont(f);
    return label;
}

QLabel *smallLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    return shrunk(label);
}
} // namespace

ChatPane::ChatPane(AgentSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MessageListModel(session.cache(), &session.sync(), this))
    , m_proxy(new OlderHistoryProxy(this))
    , m_typingNotifier(new TypingNotifier(session.sync(), this))
    , m_typing(new TypingIndicator(session.sync()))
{
    setObjectName(QStringLiteral("chatPane"));
    setAttribute(Qt::WA_StyledBackground, false);
    m_proxy->setSourceModel(m_model);

    m_badge = new QLabel;
    m_badge->setObjectName(QStringLiteral("paneNumber"));
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMinimumWidth(m_badge->fontMetrics().horizontalAdvance(QStringLiteral("88")) + 8);
    m_name = new QLabel;
    m_name->setObjectName(QStringLiteral("customerName"));
    m_name->setTextFormat(Qt::PlainText);
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_name->setFont(bold);
    m_name->setMinimumWidth(40);
    m_channel = smallLabel(QStringLiteral("channel"));
    m_channel->setEnabled(false);
    m_unread = smallLabel(QStringLiteral("unread"));
    m_unread->setAlignment(Qt::AlignCenter);
    m_unread->setForegroundRole(QPalette::HighlightedText);
    m_unread->setContentsMargins(6, 0, 6, 0);
    m_unread->hide();

    m_end = new QAction(tr("End Chat"), this);
    m_end->setObjectName(QStringLiteral("endChat"));
    m_end->setToolTip(tr("End this chat (Ctrl+Shift+E)"));
    m_transfer = new QAction(tr("Transfer…"), this);
    m_transfer->setObjectName(QStringLiteral("transferChat"));
    m_followup = new QAction(tr("Follow Up Later"), this);
    m_followup->setObjectName(QStringLiteral("followUp"));
    m_followup->setToolTip(tr("Take the chat off the deck; it stays in the inbox to answer "
                              "later"));
    connect(m_end, &QAction::triggered, this, &ChatPane::endChat);
    m_close = new QAction(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("closePane"));
    m_close->setToolTip(tr("Close this ended chat (Ctrl+Shift+E)"));
    connect(m_close, &QAction::triggered, this, [this] {
        m_closed = true;
        Q_EMIT closed(m_conversation);
    });
    connect(m_transfer, &QAction::triggered, this,
            [this] { Q_EMIT transferRequested(m_conversation); });
    connect(m_followup, &QAction::triggered, this, &ChatPane::followUpLater);
    m_endButton = new QToolButton;
    m_endButton->setDefaultAction(m_end);
    m_endButton->setText(tr("End"));
    m_endButton->setAutoRaise(true);
    m_more = new QToolButton;
    m_more->setObjectName(QStringLiteral("paneMenu"));
    m_more->setText(QStringLiteral("⋯"));
    m_more->setToolTip(tr("More actions"));
    m_more->setAutoRaise(true);
    m_more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_more);
    menu->addAction(m_transfer);
    menu->addAction(m_followup);
    menu->addSeparator();
    menu->addAction(m_end);
    m_more->setMenu(menu);

    m_wait = smallLabel(QStringLiteral("waiting"));
    m_duration = smallLabel(QStringLiteral("duration"));
    m_duration->setEnabled(false);
    shrunk(m_typing);
    m_transferNote = smallLabel(QStringLiteral("transferNote"));
    m_transferNote->setWordWrap(true);
    m_transferNote->setTextFormat(Qt::PlainText);
    m_transferNote->hide();

    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(m_badge);
    top->addWidget(m_name, 1);
    top->addWidget(m_unread);
    top->addWidget(m_endButton);
    top->addWidget(m_more);
    auto *clocks = new QHBoxLayout;
    clocks->setSpacing(10);
    clocks->addWidget(m_channel);
    clocks->addWidget(m_wait);
    clocks->addWidget(m_duration);
    clocks->addStretch(1);
    auto *header = new QVBoxLayout;
    header->setContentsMargins(10, 8, 8, 6);
    header->setSpacing(2);
    header->addLayout(top);
    header->addLayout(clocks);
    header->addWidget(m_transferNote);

    m_messages = new MessageListView;
    m_messages->setObjectName(QStringLiteral("messages"));
    m_messages->setItemDelegate(new MessageDelegate(m_messages));
    m_messages->setModel(m_proxy);
    m_messages->setFrameShape(QFrame::NoFrame);
    connect(m_messages, &MessageListView::olderWanted, m_proxy, &OlderHistoryProxy::fetchOlder,
            Qt::QueuedConnection);

    m_notice = smallLabel(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(10, 2, 10, 2);
    m_notice->hide();

    m_composer = new Composer(session.cache());
    m_composer->setPlaceholderText(tr("Reply… “/” for canned responses"));
    m_composer->installEventFilter(this);
    m_send = new QPushButton(QIcon(QStringLiteral(":/icons/send.svg")), QString());
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setToolTip(tr("Send the reply (Enter)"));
    m_send->setAccessibleName(tr("Send"));
    m_send->setEnabled(false);
    m_send->setFocusPolicy(Qt::NoFocus);
    connect(m_send, &QPushButton::clicked, m_composer, &Composer::submit);
    connect(m_composer, &Composer::submitted, this, &ChatPane::send);
    connect(m_composer, &Composer::tooLong, this, [this](int limit) {
        showNotice(tr("This reply is too long: at most %1 characters.").arg(limit));
    });
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        const bool empty = m_composer->toPlainText().trimmed().isEmpty();
        m_send->setEnabled(!empty && m_conversation != 0);
        m_typingNotifier->edited(empty);
    });
    auto *composerRow = new QHBoxLayout;
    composerRow->setContentsMargins(8, 6, 8, 8);
    composerRow->setSpacing(6);
    composerRow->addWidget(m_composer, 1);
    composerRow->addWidget(m_send, 0, Qt::AlignBottom);

    auto *typingRow = new QHBoxLayout;
    typingRow->setContentsMargins(12, 0, 12, 0);
    typingRow->addWidget(m_typing);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_messages, 1);
    layout->addLayout(typingRow);
    layout->addWidget(m_notice);
    layout->addLayout(composerRow);

    connect(&session.outbox(), &Outbox::refused, this,
            [this](const QUuid &clientId, const QString &why) {
                if (m_model->setFailed(clientId, true))
                    showNotice(tr("A reply was not accepted by the server: %1").arg(why));
            });
    // New messages while the agent is in this chat are read as they come.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_active)
            markRead();
    });
}

QAbstractItemModel *ChatPane::messages() const
{
    return m_proxy;
}

QLabel *ChatPane::typingLabel() const
{
    return m_typing;
}

CannedPopup *ChatPane::cannedPopup()
{
    return m_composer->cannedPopup();
}

void ChatPane::setChat(const QModelIndex &row)
{
    m_row = row;
    const qint64 id = row.data(ConversationListModel::IdRole).toLongLong();
    if (id != m_conversation) {
        m_conversation = id;
        m_composer->setConversation(id);
        m_typingNotifier->setConversation(id);
        m_typing->setConversation(id);
        m_model->setConversation(id);
        m_notice->hide();
        m_send->setEnabled(!m_composer->toPlainText().trimmed().isEmpty());
        setEnabled(true);
    }
    refresh();
}

void ChatPane::setNumber(int number)
{
    m_number = number;
    m_badge->setText(QString::number(number));
    m_badge->setToolTip(number <= 9 ? tr("Ctrl+%1 goes to this chat").arg(number) : QString());
}

void ChatPane::refresh()
{
    if (!m_row.isValid())
        return;
    const QString name = m_row.data(ConversationListModel::CustomerNameRole).toString();
    m_name->setText(name.isEmpty() ? tr("Customer") : name);
    m_name->setToolTip(name);
    m_channel->setText(
        ConversationView::channelName(m_row.data(ConversationListModel::ChannelRole).toString()));
    const int unread = m_row.data(ConversationListModel::UnreadRole).toInt();
    m_unread->setVisible(unread > 0);
    m_unread->setText(tr("%n new", nullptr, unread));
    m_waitingSince = m_row.data(ConversationListModel::WaitingSinceRole).toDateTime();
    m_startedAt = m_row.data(ConversationListModel::AssignedAtRole).toDateTime();
    if (!m_startedAt.isValid())
        m_startedAt = m_row.data(ConversationListModel::QueuedAtRole).toDateTime();
    const QString from = m_row.data(LiveChatsModel::TransferFromRole).toString();
    const QString note = m_row.data(LiveChatsModel::TransferNoteRole).toString();
    if (from.isEmpty()) {
        m_transferNote->hide();
    } else {
        m_transferNote->setText(note.isEmpty()
                                    ? tr("Transferred to you by %1.").arg(from)
                                    : tr("Transferred to you by %1: “%2”").arg(from, note));
        m_transferNote->show();
    }
    tick(QDateTime::currentDateTimeUtc());
    update();
}

void ChatPane::tick(const QDateTime &now)
{
    if (m_ended)
        return; // its clocks stopped when it ended
    m_waitingSeconds = LiveTimes::secondsSince(m_waitingSince, now);
    if (m_waitingSince.isValid()) {
        const auto urgency = LiveTimes::urgencyOf(m_waitingSeconds);
        const QColor color = LiveTimes::colorOf(urgency, palette().color(QPalette::Window));
        m_wait->setText(tr("Waiting %1").arg(LiveTimes::clock(m_waitingSeconds)));
        m_wait->setStyleSheet(color.isValid()
                                  ? QStringLiteral("color: %1; font-weight: bold").arg(color.name())
                                  : QString());
        m_wait->setToolTip(tr("The customer has waited this long for an answer"));
    } else {
        m_wait->setText(tr("Answered"));
        m_wait->setStyleSheet(QString());
        m_wait->setToolTip(QString());
    }
    m_wait->setEnabled(m_waitingSince.isValid());
    m_duration->setText(
        tr("Chat %1").arg(LiveTimes::clock(LiveTimes::secondsSince(m_startedAt, now))));
}

void ChatPane::focusComposer()
{
    m_composer->setFocus(Qt::ShortcutFocusReason);
}

void ChatPane::markRead()
{
    if (window()->isActiveWindow() && isVisible())
        m_session.markRead(m_conversation);
}

void ChatPane::send(const QString &text)
{
    m_typingNotifier->stop();
    m_notice->hide();
    m_session.outbox().send(m_conversation, text);
    m_messages->scrollToNewest();
}

void ChatPane::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ChatPane::routingRequest(Requests::Request (*make)(qint64), const QString &pending)
{
    if (m_conversation == 0)
        return;
    showNotice(pending);
    DeckRequest::send(m_session.sync(), make(m_conversation), this,
                      [this](const QJsonObject &, const QString &error) {
                          // On success the pane goes when the change reaches the cache.
                          showNotice(error);
                      });
}

void ChatPane::endChat()
{
    if (m_ended) {
        m_close->trigger();
        return;
    }
    if (m_conversation == 0)
        return;
    for (const QMessageBox *open : findChildren<QMessageBox *>(QStringLiteral("confirmEnd"))) {
        if (open->isVisible())
            return; // asked already
    }
    // Ending cannot be taken back: the customer can no longer write in the chat.
    auto *box = new QMessageBox(QMessageBox::Question, tr("End the chat?"),
                                tr("End the chat with %1? They can no longer write in it, and "
                                   "are asked to rate it.")
                                    .arg(m_name->text()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmEnd"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *end = box->addButton(tr("End Chat"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(end);
    connect(end, &QPushButton::clicked, this, [this] {
        m_leftHere = true;
        m_composer->saveDraft();
        routingRequest(Requests::end, tr("Ending the chat…"));
    });
    box->open();
}

void ChatPane::showEnded()
{
    if (m_ended)
        return;
    m_ended = true;
    // What was typed stays, to copy; nothing more can be sent.
    m_composer->saveDraft();
    m_composer->setReadOnly(true);
    m_send->setEnabled(false);
    m_send->hide();
    m_typingNotifier->stop();
    for (QAction *action : {m_end, m_transfer, m_followup})
        action->setEnabled(false);
    m_endButton->setDefaultAction(m_close);
    m_wait->setText(tr("Ended"));
    m_wait->setStyleSheet(QString());
    m_wait->setEnabled(false);
    showNotice(m_composer->toPlainText().trimmed().isEmpty()
                   ? tr("The chat with %1 has ended.").arg(m_name->text())
                   : tr("The chat with %1 has ended. What you were writing is kept below.")
                         .arg(m_name->text()));
}

void ChatPane::followUpLater()
{
    m_leftHere = true;
    m_composer->saveDraft();
    routingRequest(Requests::followup, tr("Moving the chat to the inbox…"));
}

void ChatPane::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    m_badge->setForegroundRole(active ? QPalette::HighlightedText : QPalette::ButtonText);
    update();
    if (active) {
        markRead();
        Q_EMIT activated(m_conversation);
    }
}

bool ChatPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_composer) {
        if (event->type() == QEvent::FocusIn) {
            setActive(true);
        } else if (event->type() == QEvent::FocusOut) {
            // A popup of our own (the canned list) keeps the pane the agent's current one.
            if (!m_composer->cannedOpen())
                setActive(false);
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPane::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    QPainterPath frame;
    frame.addRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 8, 8);
    p.fillPath(frame, pal.color(QPalette::Base));
    QColor border = pal.color(QPalette::Mid);
    qreal width = 1;
    if (m_active) {
        border = pal.color(QPalette::Highlight);
        width = 2;
    } else if (m_waitingSince.isValid()) {
        const QColor urgent =
            LiveTimes::colorOf(LiveTimes::urgencyOf(m_waitingSeconds), pal.color(QPalette::Window));
        if (urgent.isValid()) {
            border = urgent;
            width = 1.5;
        }
    }
    p.setPen(QPen(border, width));
    p.drawPath(frame);
    // The pane's number, as a key cap: Ctrl+N.
    if (m_badge->isVisible()) {
        const QRect cap = m_badge->geometry().adjusted(-1, -1, 1, 1);
        QPainterPath key;
        key.addRoundedRect(QRectF(cap), 4, 4);
        p.fillPath(key, m_active ? pal.color(QPalette::Highlight) : pal.color(QPalette::Button));
    }
    if (m_unread->isVisible()) {
        QPainterPath pill;
        const QRect r = m_unread->geometry().adjusted(-2, 0, 2, 0);
        pill.addRoundedRect(QRectF(r), r.height() / 2.0, r.height() / 2.0);
        p.fillPath(pill, pal.color(QPalette::Highlight));
    }
}

} // namespace Tandem
