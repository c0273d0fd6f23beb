// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationview.h"

#include "activitytext.h"
#include "attachmentpicker.h"
#include "composer.h"
#include "conversationactions.h"
#include "conversations/conversationdelegate.h"
#include "conversations/slawords.h"
#include "emailbar.h"
#include "emailview.h"
#include "messagedelegate.h"
#include "messagelistview.h"
#include "models/slaboard.h"
#include "olderhistoryproxy.h"
#include "shell/agentsession.h"
#include "typingindicator.h"
#include "typingnotifier.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace Tandem {
namespace {
QFrame *line()
{
    auto *f = new QFrame;
    f->setFrameShape(QFrame::HLine);
    f->setFrameShadow(QFrame::Sunken);
    return f;
}
} // namespace

ConversationView::ConversationView(AgentSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MessageListModel(session.cache(), &session.sync(), this))
    , m_proxy(new OlderHistoryProxy(this))
    , m_typingNotifier(new TypingNotifier(session.sync(), this))
    , m_typing(new TypingIndicator(session.sync()))
{
    m_proxy->setSourceModel(m_model);

    m_title = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_subtitle = new QLabel;
    m_subtitle->setEnabled(false);
    // The customer's own words: shown as they wrote them, never as markup.
    m_rating = new QLabel;
    m_rating->setObjectName(QStringLiteral("rating"));
    m_rating->setTextFormat(Qt::PlainText);
    m_rating->setWordWrap(true);
    m_rating->hide();
    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("conversationState"));
    m_state->setTextFormat(Qt::PlainText);
    m_sla = new QLabel;
    m_sla->setObjectName(QStringLiteral("slaClocks"));
    m_sla->setTextFormat(Qt::PlainText);
    m_sla->hide();
    // The clocks move with time, not only with the conversation.
    auto *minutes = new QTimer(this);
    minutes->setInterval(60 * 1000);
    connect(minutes, &QTimer::timeout, this, [this] {
        if (m_conversation && m_sla->isVisible())
            updateHeader();
    });
    minutes->start();
    m_viewers = new QLabel;
    m_viewers->setObjectName(QStringLiteral("alsoHere"));
    m_viewers->setTextFormat(Qt::PlainText);
    m_viewers->hide();
    // Colleagues with this conversation open: two agents answering one customer at once
    // is what this prevents (their typing shows in the typing line).
    connect(&session.sync(), &SyncClient::viewersChanged, this, [this](qint64 id) {
        if (id == m_conversation)
            updateViewers();
    });
    m_actions = new ConversationActions(session);
    connect(m_actions, &ConversationActions::failed, this, &ConversationView::showNotice);
    m_undoText = new QLabel;
    m_undoText->setObjectName(QStringLiteral("mergeUndoText"));
    m_undoMerge = new QPushButton(tr("Undo"));
    m_undoMerge->setObjectName(QStringLiteral("mergeUndo"));
    m_undoBar = new QWidget;
    auto *undoRow = new QHBoxLayout(m_undoBar);
    undoRow->setContentsMargins(14, 4, 14, 4);
    undoRow->addWidget(m_undoText, 1);
    undoRow->addWidget(m_undoMerge);
    m_undoBar->hide();
    m_undoExpiry.setSingleShot(true);
    connect(&m_undoExpiry, &QTimer::timeout, m_undoBar, &QWidget::hide);
    connect(m_actions, &ConversationActions::merged, this,
            [this](qint64 from, qint64 into, const QDateTime &undoUntil) {
                m_undoFrom = from;
                m_undoInto = into;
                Q_EMIT conversationRequested(into);
                m_undoText->setText(tr("Conversation %1 was merged into this one.").arg(from));
                m_undoBar->show();
                m_undoExpiry.start(int(std::clamp<qint64>(
                    QDateTime::currentDateTimeUtc().msecsTo(undoUntil), 0, 3'600'000)));
            });
    connect(m_undoMerge, &QPushButton::clicked, this, [this] {
        if (m_undoFrom)
            m_actions->undoMerge(m_undoFrom);
    });
    connect(m_actions, &ConversationActions::unmerged, this, [this](qint64 from) {
        m_undoBar->hide();
        m_undoExpiry.stop();
        m_undoFrom = m_undoInto = 0;
        Q_EMIT conversationRequested(from);
    });
    m_loading = new QLabel(tr("Loading older messages…"));
    m_loading->setAlignment(Qt::AlignCenter);
    m_loading->setEnabled(false);
    m_loading->hide();

    auto *header = new QHBoxLayout;
    header->setContentsMargins(14, 10, 14, 8);
    auto *names = new QVBoxLayout;
    names->setSpacing(2);
    names->addWidget(m_title);
    names->addWidget(m_subtitle);
    names->addWidget(m_state);
    names->addWidget(m_sla);
    names->addWidget(m_viewers);
    names->addWidget(m_rating);
    header->addLayout(names, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_actions, 0, Qt::AlignRight);
    right->addWidget(m_typing, 0, Qt::AlignRight | Qt::AlignBottom);
    header->addLayout(right);

    m_messages = new MessageListView;
    m_messages->setObjectName(QStringLiteral("messages"));
    m_messages->setItemDelegate(new MessageDelegate(m_messages));
    m_messages->setModel(m_proxy);
    // Queued: the view asks from inside its layout pass, where rows must not change.
    connect(m_messages, &MessageListView::olderWanted, m_proxy, &OlderHistoryProxy::fetchOlder,
            Qt::QueuedConnection);
    connect(m_model, &MessageListModel::loadingChanged, m_loading, &QWidget::setVisible);
    // An email opens whole: its HTML, its headers, its attachments.
    connect(m_messages, &QAbstractItemView::activated, this, &ConversationView::openEmail);

    m_notice = new QLabel;
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(14, 4, 14, 0);
    m_notice->hide();

    m_composer = new Composer(session.cache());
    m_send = new QPushButton(QIcon(QStringLiteral(":/icons/send.svg")), tr("Send"));
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setToolTip(tr("Send the reply (Enter or Ctrl+Enter)"));
    m_send->setEnabled(false);
    connect(m_send, &QPushButton::clicked, m_composer, &Composer::submit);
    connect(m_composer, &Composer::submitted, this, &ConversationView::send);
    connect(m_composer, &Composer::tooLong, this, [this](int limit) {
        showNotice(
            tr("This reply is too long: a message can have at most %1 characters.").arg(limit));
    });
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        const bool empty = m_composer->toPlainText().trimmed().isEmpty();
        m_send->setEnabled(!empty && m_conversation != 0);
        // A note is the team's: the customer is not told someone is typing one.
        if (noteMode())
            m_typingNotifier->stop();
        else
            m_typingNotifier->edited(empty);
    });
    m_note = new QToolButton;
    m_note->setObjectName(QStringLiteral("noteMode"));
    m_note->setText(tr("Note"));
    m_note->setCheckable(true);
    m_note->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_note->setToolTip(tr("Write a private note that only the team sees; @name tells a colleague "
                          "(Ctrl+Shift+N)"));
    connect(m_note, &QToolButton::toggled, this, &ConversationView::setNoteMode);
    auto *composerRow = new QHBoxLayout;
    composerRow->setContentsMargins(10, 8, 10, 10);
    composerRow->addWidget(m_note, 0, Qt::AlignBottom);
    composerRow->addWidget(m_composer, 1);
    composerRow->addWidget(m_send, 0, Qt::AlignBottom);

    auto *thread = new QWidget;
    auto *layout = new QVBoxLayout(thread);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(line());
    layout->addWidget(m_undoBar);
    layout->addWidget(m_loading);
    layout->addWidget(m_messages, 1);
    // A reply the server refused for good can be taken back into the composer to be put
    // right (it leaves the outbox, where it would otherwise stay).
    m_takeBack = new QPushButton(tr("Take It Back to Edit"));
    m_takeBack->setObjectName(QStringLiteral("takeBackReply"));
    m_takeBack->hide();
    connect(m_takeBack, &QPushButton::clicked, this, &ConversationView::takeBackRefused);
    auto *noticeRow = new QHBoxLayout;
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(m_takeBack);
    noticeRow->setContentsMargins(0, 0, 14, 0);
    layout->addLayout(noticeRow);
    layout->addWidget(line());
    m_emailBar = new EmailBar(thread);
    connect(m_emailBar->attachments(), &AttachmentPicker::refused, this,
            &ConversationView::showNotice);
    layout->addWidget(m_emailBar);
    layout->addLayout(composerRow);

    auto *placeholder = new QLabel(tr("Choose a conversation on the left to read and answer it."));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setEnabled(false);
    placeholder->setWordWrap(true);

    m_pages = new QStackedWidget;
    m_pages->addWidget(placeholder);
    m_pages->addWidget(thread);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    connect(&session.outbox(), &Outbox::refused, this,
            [this](const QUuid &clientId, const QString &why) {
                if (!m_model->setFailed(clientId, true))
                    return;
                showNotice(tr("A reply was not accepted by the server: %1").arg(why));
                m_refusedReply = clientId;
                m_takeBack->show();
            });
    connect(&session.cache(), &LocalCache::applied, this,
            [this](qint64, const QSet<qint64> &changed) {
                if (changed.contains(m_conversation))
                    updateHeader();
            });
    // Changes made offline: the header counts those waiting; a refusal stays with its
    // conversation until the agent has seen it there.
    connect(&session.cache(), &LocalCache::actionsChanged, this, &ConversationView::updateHeader);
    connect(&session.actions(), &ActionOutbox::refused, this,
            [this](qint64 id, const QString &why) {
                const QString text = tr("A change made offline was refused: %1").arg(why);
                if (id == m_conversation)
                    showNotice(text);
                else
                    m_refusals.insert(id, text);
            });
}

QAbstractItemModel *ConversationView::messages() const
{
    return m_proxy;
}

QString ConversationView::channelName(const QString &channel)
{
    return ConversationDelegate::channelName(channel);
}

QLabel *ConversationView::typingLabel() const
{
    return m_typing;
}

void ConversationView::setConversation(qint64 conversationId)
{
    if (conversationId == m_conversation)
        return;
    m_composer->setConversation(conversationId);
    m_emailBar->attachments()->clear(); // files chosen for one thread never go to another
    m_typingNotifier->setConversation(conversationId);
    m_typing->setConversation(conversationId);
    m_conversation = conversationId;
    m_session.sync().setViewing(conversationId);
    updateViewers();
    m_notice->hide();
    m_takeBack->hide();
    m_refusedReply = QUuid();
    m_undoBar->setVisible(m_undoExpiry.isActive() && conversationId == m_undoInto);
    if (m_refusals.contains(conversationId))
        showNotice(m_refusals.take(conversationId));
    m_model->setConversation(conversationId);
    updateHeader();
    m_pages->setCurrentIndex(conversationId ? 1 : 0);
    m_send->setEnabled(!m_composer->toPlainText().trimmed().isEmpty());
}

void ConversationView::focusComposer()
{
    if (m_conversation != 0)
        m_composer->setFocus(Qt::OtherFocusReason);
}

void ConversationView::updateHeader()
{
    const auto summary =
        m_conversation ? m_session.cache().conversation(m_conversation) : std::nullopt;
    if (!summary) {
        m_title->clear();
        m_subtitle->clear();
        m_state->clear();
        m_sla->hide();
        m_rating->hide();
        m_actions->clear();
        return;
    }
    m_actions->setConversation(*summary);
    // Only an email conversation needs its inbox (its address and signature) read.
    Inbox through;
    through.channel = summary->channel;
    if (summary->channel == QLatin1String("email"))
        for (const Inbox &i : m_session.cache().inboxes())
            if (i.id == summary->inboxId)
                through = i;
    m_emailBar->show(through, summary->customerName);
    QString state;
    if (summary->mergedInto)
        state = tr("Merged into conversation %1").arg(summary->mergedInto);
    else if (summary->status == ConversationStatus::Snoozed)
        state = summary->snoozedUntil.isValid()
                    ? tr("Snoozed until %1")
                          .arg(ActivityText::wakeTime(summary->snoozedUntil,
                                                      QDateTime::currentDateTime()))
                    : tr("Snoozed until the customer writes");
    else if (summary->status == ConversationStatus::Pending)
        state = tr("Pending: waiting on the customer");
    else if (summary->status == ConversationStatus::Resolved)
        state = tr("Resolved");
    else if (summary->wokeBecause == WokeBecause::Customer)
        state = tr("Open again: the customer wrote");
    else if (summary->wokeBecause == WokeBecause::Time)
        state = tr("Open again: its snooze ran out");
    else
        state = tr("Open");
    state += summary->assigneeId ? tr(" · %1 has it").arg(summary->assigneeName)
                                 : tr(" · nobody has it yet");
    if (const int waiting = m_session.actions().pending(m_conversation); waiting > 0)
        state += waiting == 1 ? tr(" · 1 change waiting to be sent")
                              : tr(" · %1 changes waiting to be sent").arg(waiting);
    m_state->setText(state);
    const QString sla = slaText(*summary, QDateTime::currentDateTimeUtc());
    m_sla->setText(sla);
    m_sla->setVisible(!sla.isEmpty());
    m_title->setText(summary->customerName.isEmpty() ? tr("Customer") : summary->customerName);
    QString inbox;
    for (const Inbox &i : m_session.cache().inboxes())
        if (i.id == summary->inboxId)
            inbox = i.name;
    m_subtitle->setText(
        inbox.isEmpty()
            ? tr("%1 · conversation %2").arg(channelName(summary->channel)).arg(summary->id)
            : tr("%1 · %2 · conversation %3")
                  .arg(channelName(summary->channel), inbox)
                  .arg(summary->id));
    m_rating->setText(ratingText(summary->ratingScore, summary->ratingComment));
    m_rating->setVisible(summary->ratingScore > 0);
}

QString ConversationView::slaText(const ConversationSummary &summary, const QDateTime &now) const
{
    SlaBoard board;
    board.setTerms(m_session.cache().teams(), m_session.cache().inboxes());
    board.setNow(now);
    QStringList lines;
    for (const SlaClock &clock : board.clocksOf(summary))
        lines << SlaWords::clock(clock, summary.status, now);
    if (summary.promisedBy.isValid()) {
        const QLocale locale;
        const QString by = locale.toString(summary.promisedBy.toLocalTime(), QLocale::ShortFormat);
        if (!summary.promiseAnsweredAt.isValid())
            lines << (summary.promisedBy < now ? tr("Promised a reply by %1: not kept").arg(by)
                                               : tr("Promised a reply by %1").arg(by));
        else
            lines << (summary.promiseAnsweredAt <= summary.promisedBy
                          ? tr("Promised a reply by %1: kept").arg(by)
                          : tr("Promised a reply by %1: answered %2 late")
                                .arg(by, SlaWords::duration(summary.promisedBy.secsTo(
                                             summary.promiseAnsweredAt))));
    }
    return lines.join(QLatin1Char('\n'));
}

QString ConversationView::ratingText(int score, const QString &comment)
{
    if (score <= 0)
        return {};
    const int stars = std::clamp(score, 1, 5);
    const QString shown = QString(stars, QChar(0x2605)) + QString(5 - stars, QChar(0x2606));
    if (comment.trimmed().isEmpty())
        return tr("%1 The customer rated this chat %2 of 5.").arg(shown).arg(score);
    return tr("%1 The customer rated this chat %2 of 5: “%3”")
        .arg(shown)
        .arg(score)
        .arg(comment.trimmed());
}

void ConversationView::send(const QString &text)
{
    m_typingNotifier->stop();
    m_notice->hide();
    QStringList cc;
    QStringList files;
    if (!noteMode() && m_emailBar->isVisible()) {
        QString invalid;
        cc = m_emailBar->copied(&invalid);
        if (!invalid.isEmpty()) {
            // Nothing is sent with an address that cannot be right; the text stays.
            m_composer->setPlainText(text);
            showNotice(tr("“%1” in Cc is not an email address.").arg(invalid));
            return;
        }
        m_emailBar->clearCopied();
        files = m_emailBar->attachments()->files();
        m_emailBar->attachments()->clear();
    }
    m_session.outbox().send(m_conversation, text, noteMode(), cc, files);
    m_messages->scrollToNewest();
}

void ConversationView::setNoteMode(bool note)
{
    if (m_note->isChecked() != note)
        m_note->setChecked(note); // toggles back into here
    if (note)
        m_typingNotifier->stop();
    m_composer->setPlaceholderText(
        note ? tr("Private note: only the team sees it. @name tells a colleague.")
             : tr("Write a reply… Enter sends, Shift+Enter starts a new line"));
    m_send->setText(note ? tr("Add note") : tr("Send"));
}

bool ConversationView::noteMode() const
{
    return m_note->isChecked();
}

QAbstractButton *ConversationView::noteToggle() const
{
    return m_note;
}

void ConversationView::updateViewers()
{
    const QStringList others = m_session.sync().viewersOf(m_conversation);
    m_viewers->setText(others.isEmpty()
                           ? QString()
                           : tr("Also here: %1").arg(QLocale().createSeparatedList(others)));
    m_viewers->setVisible(!others.isEmpty());
}

void ConversationView::takeBackRefused()
{
    const QUuid clientId = std::exchange(m_refusedReply, QUuid());
    m_takeBack->hide();
    m_notice->hide();
    for (const OutboxEntry &entry : m_session.cache().outbox(m_conversation)) {
        if (entry.clientId != clientId)
            continue;
        if (m_composer->toPlainText().trimmed().isEmpty())
            m_composer->setPlainText(entry.text);
        m_session.outbox().discard(clientId);
        m_composer->setFocus();
        return;
    }
}

void ConversationView::showNotice(const QString &text)
{
    m_takeBack->hide(); // shown again only with a refused reply's notice
    m_notice->setText(text);
    m_notice->show();
}

EmailView *ConversationView::openEmail(const QModelIndex &index)
{
    const QVariantMap email = index.data(MessageListModel::EmailRole).toMap();
    // A reply still in the outbox has no files on the server yet.
    if (email.isEmpty() || index.data(MessageListModel::IdRole).toLongLong() == 0)
        return nullptr;
    auto *view = new EmailView(m_session.files(), index.data(MessageListModel::IdRole).toLongLong(),
                               email, index.data(MessageListModel::TextRole).toString(), this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    return view;
}

} // namespace Tandem
