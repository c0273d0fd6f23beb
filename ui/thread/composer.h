// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>
#include <QTimer>

namespace Tandem {

class CannedPopup;
class LocalCache;

//! Where a reply is written: Enter (or Ctrl+Enter) sends, Shift+Enter starts a new line.
//! The unsent text of each conversation is kept as a draft in the local cache, so
//! switching conversations or quitting loses nothing. "/" at the start of a reply opens the
//! canned responses; the one chosen takes the "/"'s place.
class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(LocalCache &cache, QWidget *parent = nullptr);
    ~Composer() override;

    //! Saves the draft of the conversation being left and shows the next one's.
    void setConversation(qint64 conversationId);
    qint64 conversation() const { return m_conversation; }

    //! Sends what is written (if anything) and clears it.
    void submit();
    //! Saves the draft now rather than after the pause in typing.
    void saveDraft();

    QSize sizeHint() const override;
    //! The canned responses' list (made when first needed).
    CannedPopup *cannedPopup();
    //! Whether the canned responses' list is open over this composer.
    bool cannedOpen() const;

Q_SIGNALS:
    void submitted(const QString &text);
    //! The text is too long for one message; `limit` characters are allowed.
    void tooLong(int limit);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void insertCanned(const QString &text);
    void returnFocus();

    LocalCache &m_cache;
    qint64 m_conversation = 0;
    QTimer m_draftTimer;
    bool m_loading = false;
    CannedPopup *m_canned = nullptr;
};

} // namespace Tandem
