// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStackedWidget>

class QLabel;
class QSplitter;
class QTabWidget;

namespace Tandem {

//! Where the live chat deck and the inbox live. On a wide window they stand side by side,
//! the inbox on the left, and the deck shrinks to a strip while no chat is open; on a
//! narrow one they are two tabs. The widgets move between the two arrangements, so
//! nothing in them is built twice and nothing typed is lost.
class Workspace : public QStackedWidget
{
    Q_OBJECT
public:
    enum Part { Deck, Inbox };
    //! From this width (in device-independent pixels) the two stand side by side.
    static constexpr int WideWidth = 1600;

    Workspace(QWidget *deck, QWidget *inbox, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    bool isWide() const { return m_wide; }
    //! Brings `part` forward (a tab on a narrow window; the focus stays the caller's).
    void showPart(Part part);
    //! Whether `part` can be seen now.
    bool isShowing(Part part) const;
    //! The part on top on a narrow window.
    Part currentPart() const;
    //! No live chat is open: on a wide window the deck gives its room to the inbox.
    void setDeckEmpty(bool empty);
    void setPartTitle(Part part, const QString &title);

Q_SIGNALS:
    //! What is seen changed: another tab, or the window became wide or narrow.
    void arrangementChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void arrange(bool wide);

    QWidget *m_deck;
    QWidget *m_inbox;
    QTabWidget *m_tabs = nullptr;
    QSplitter *m_side = nullptr;
    QLabel *m_strip = nullptr;
    bool m_wide = false;
    bool m_deckEmpty = true;
    QString m_titles[2];
};

} // namespace Tandem
