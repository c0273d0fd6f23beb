// SPDX-License-Identifier: GPL-3.0-or-later
#include "composer.h"

#include "cannedpopup.h"

#include "cache/localcache.h"
#include "protocol/limits.h"

#include <QKeyEvent>

namespace Tandem {

Composer::Composer(LocalCache &cache, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("composer"));
    setPlaceholderText(tr("Write a reply… Enter sends, Shift+Enter starts a new line"));
    setTabChangesFocus(true);
    setAccessibleName(tr("Reply"));
    m_draftTimer.setSingleShot(true);
    // A pause in typing, not every key, is worth a write to the cache.
    m_draftTimer.setInterval(500);
    connect(&m_draftTimer, &QTimer::timeout, this, &Composer::saveDraft);
    setEnabled(false); // until a conversation is open
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading && m_conversation != 0)
            m_draftTimer.start();
    });
}

Composer::~Composer()
{
    if (m_draftTimer.isActive())
        saveDraft();
}

QSize Composer::sizeHint() const
{
    // Room for about four lines; longer replies scroll.
    const int lines = 4;
    return {QPlainTextEdit::sizeHint().width(),
            fontMetrics().lineSpacing() * lines
                + 2 * (frameWidth() + int(document()->documentMargin()))};
}

void Composer::setConversation(qint64 conversationId)
{
    if (conversationId == m_conversation)
        return;
    if (m_draftTimer.isActive())
        saveDraft();
    m_conversation = conversationId;
    m_loading = true;
    setPlainText(conversationId ? m_cache.draft(conversationId) : QString());
    moveCursor(QTextCursor::End);
    m_loading = false;
    setEnabled(conversationId != 0);
}

void Composer::saveDraft()
{
    m_draftTimer.stop();
    if (m_conversation != 0)
        m_cache.setDraft(m_conversation, toPlainText());
}

void Composer::submit()
{
    const QString text = toPlainText().trimmed();
    if (text.isEmpty() || m_conversation == 0)
        return;
    if (text.size() > Protocol::MaxTextChars) {
        Q_EMIT tooLong(int(Protocol::MaxTextChars));
        return;
    }
    m_loading = true;
    clear();
    m_loading = false;
    m_draftTimer.stop();
    m_cache.setDraft(m_conversation, QString());
    Q_EMIT submitted(text);
}

CannedPopup *Composer::cannedPopup()
{
    if (!m_canned) {
        m_canned = new CannedPopup(m_cache, this);
        connect(m_canned, &CannedPopup::chosen, this, &Composer::insertCanned);
        // Queued: the focus goes back once the popup is really gone, not while it closes.
        connect(m_canned, &CannedPopup::dismissed, this, &Composer::returnFocus,
                Qt::QueuedConnection);
    }
    return m_canned;
}

bool Composer::cannedOpen() const
{
    return m_canned && m_canned->isVisible();
}

void Composer::insertCanned(const QString &text)
{
    // The "/" that opened the list goes; the response takes its place.
    QTextCursor cursor = textCursor();
    cursor.movePosition(QTextCursor::Start);
    if (toPlainText().startsWith(QLatin1Char('/')))
        cursor.deleteChar();
    cursor.insertText(text);
    setTextCursor(cursor);
    returnFocus();
}

void Composer::returnFocus()
{
    // Some platforms leave no window active once a popup closes: the keys would go nowhere.
    if (!window()->isActiveWindow())
        window()->activateWindow();
    setFocus(Qt::PopupFocusReason);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    if (event->text() == QLatin1String("/") && textCursor().position() == 0
        && !toPlainText().startsWith(QLatin1Char('/')) && !isReadOnly()) {
        textCursor().insertText(QStringLiteral("/"));
        cannedPopup()->popUp(this);
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter) {
        const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
        if (mods & Qt::ShiftModifier) {
            // A plain newline (not the U+2028 line separator Qt would insert).
            insertPlainText(QStringLiteral("\n"));
            return;
        }
        if (mods == Qt::NoModifier || mods == Qt::ControlModifier) {
            submit();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Tandem
