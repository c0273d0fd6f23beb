// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include <QLabel>
#include <QResizeEvent>
#include <QSplitter>
#include <QTabWidget>

namespace Tandem {

Workspace::Workspace(QWidget *deck, QWidget *inbox, QWidget *parent)
    : QStackedWidget(parent)
    , m_deck(deck)
    , m_inbox(inbox)
{
    setObjectName(QStringLiteral("workspace"));
    m_titles[Deck] = tr("Live Chats");
    m_titles[Inbox] = tr("Inbox");
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_deck, m_titles[Deck]);
    m_tabs->addTab(m_inbox, m_titles[Inbox]);
    m_tabs->setTabToolTip(Deck, tr("Your live chats side by side (Ctrl+Shift+L)"));
    m_tabs->setTabToolTip(Inbox, tr("Conversations answered at your pace (Ctrl+Shift+I)"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &Workspace::arrangementChanged);

    m_strip = new QLabel(tr("No live chat open.\n\nNew ones are offered above."));
    m_strip->setObjectName(QStringLiteral("deckStrip"));
    m_strip->setAlignment(Qt::AlignCenter);
    m_strip->setWordWrap(true);
    m_strip->setEnabled(false);
    m_strip->setFixedWidth(120);
    m_side = new QSplitter(Qt::Horizontal);
    m_side->setObjectName(QStringLiteral("sideBySide"));
    m_side->setChildrenCollapsible(false);
    addWidget(m_tabs);
    addWidget(m_side);
    // Side by side the parts want more room than a narrow window has; their wish must not
    // keep the window from narrowing, which puts them back into tabs.
    setMinimumSize(480, 320);
}

void Workspace::resizeEvent(QResizeEvent *event)
{
    QStackedWidget::resizeEvent(event);
    arrange(event->size().width() >= WideWidth);
}

void Workspace::arrange(bool wide)
{
    if (wide == m_wide)
        return;
    m_wide = wide;
    const Part current = currentPart();
    if (wide) {
        // Taking the pages out of the tabs does not delete them; the splitter adopts them.
        m_tabs->removeTab(m_tabs->indexOf(m_deck));
        m_tabs->removeTab(m_tabs->indexOf(m_inbox));
        m_side->addWidget(m_inbox);
        m_side->addWidget(m_deck);
        m_side->addWidget(m_strip);
        m_side->setStretchFactor(0, 3);
        m_side->setStretchFactor(1, 2);
        m_deck->setVisible(!m_deckEmpty);
        m_strip->setVisible(m_deckEmpty);
        m_inbox->show();
        setCurrentWidget(m_side);
    } else {
        m_strip->setParent(nullptr);
        m_strip->setParent(this);
        m_strip->hide();
        m_tabs->insertTab(Deck, m_deck, m_titles[Deck]);
        m_tabs->insertTab(Inbox, m_inbox, m_titles[Inbox]);
        m_deck->show();
        m_inbox->show();
        m_tabs->setCurrentIndex(current);
        setCurrentWidget(m_tabs);
    }
    Q_EMIT arrangementChanged();
}

void Workspace::showPart(Part part)
{
    if (!m_wide)
        m_tabs->setCurrentIndex(part);
}

bool Workspace::isShowing(Part part) const
{
    if (m_wide)
        return part == Inbox || !m_deckEmpty;
    return m_tabs->currentIndex() == part;
}

Workspace::Part Workspace::currentPart() const
{
    return m_tabs->currentIndex() == Inbox ? Inbox : Deck;
}

void Workspace::setDeckEmpty(bool empty)
{
    m_deckEmpty = empty;
    if (!m_wide)
        return;
    m_deck->setVisible(!empty);
    m_strip->setVisible(empty);
}

void Workspace::setPartTitle(Part part, const QString &title)
{
    m_titles[part] = title;
    const int index = m_tabs->indexOf(part == Deck ? m_deck : m_inbox);
    if (index >= 0)
        m_tabs->setTabText(index, title);
}

} // namespace Tandem
