// SPDX-License-Identifier: GPL-3.0-or-later
#include "livenotifier.h"

#include "models/livechatsmodel.h"
#include "models/offersmodel.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Tandem {

LiveNotifier::LiveNotifier(QWidget *window, OffersModel &offers, LiveChatsModel &chats,
                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_offers(offers)
    , m_chats(chats)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/tandem.svg")), this);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] { Q_EMIT activated(); });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { Q_EMIT activated(); });
        m_tray->show();
    }
    connect(&m_offers, &OffersModel::offerArrived, this, &LiveNotifier::onOffer);
    connect(&m_chats, &LiveChatsModel::totalUnreadChanged, this, &LiveNotifier::setUnread);
    connect(&m_chats, &QAbstractItemModel::dataChanged, this, &LiveNotifier::onChatsChanged);
    connect(&m_chats, &QAbstractItemModel::rowsInserted, this, &LiveNotifier::onChatsChanged);
    connect(&m_chats, &QAbstractItemModel::modelReset, this, &LiveNotifier::onChatsChanged);
    onChatsChanged();
    setUnread(m_chats.totalUnread());
}

LiveNotifier::~LiveNotifier()
{
    if (m_tray)
        m_tray->hide();
}

void LiveNotifier::onOffer(const Offer &offer)
{
    QApplication::beep();
    const QString who = offer.conversation.customer.name.isEmpty()
                            ? tr("A customer")
                            : offer.conversation.customer.name;
    const QString first = offer.firstMessage ? offer.firstMessage->text.simplified() : QString();
    notify(tr("New live chat: %1").arg(who),
           first.isEmpty()
               ? tr("Accept within %n seconds.", nullptr, (offer.timeoutMs + 999) / 1000)
               : first);
}

void LiveNotifier::onChatsChanged()
{
    // Which chats have more unread than before: a customer wrote.
    QHash<qint64, int> now;
    QStringList writers;
    for (int row = 0; row < m_chats.rowCount(); ++row) {
        const QModelIndex i = m_chats.index(row, 0);
        const qint64 id = i.data(ConversationListModel::IdRole).toLongLong();
        const int unread = i.data(ConversationListModel::UnreadRole).toInt();
        now.insert(id, unread);
        if (unread > m_unread.value(id, unread))
            writers << i.data(ConversationListModel::CustomerNameRole).toString();
    }
    m_unread = now;
    if (!writers.isEmpty())
        notify(tr("New message from %1").arg(writers.join(QStringLiteral(", "))),
               tr("In your live chats"));
}

void LiveNotifier::notify(const QString &title, const QString &text)
{
    m_lastTitle = title;
    m_lastMessage = text;
    ++m_notified;
    // The agent is looking at the window already: the banner and panes say it.
    if (m_window && m_window->isActiveWindow())
        return;
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    else if (m_window)
        QApplication::alert(m_window, 0);
}

void LiveNotifier::setUnread(int unread)
{
    m_toolTip = unread > 0 ? tr("Tandem — %n unread in live chats", nullptr, unread) : tr("Tandem");
    if (m_tray)
        m_tray->setToolTip(m_toolTip);
}

} // namespace Tandem
