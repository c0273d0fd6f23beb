// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

class QSystemTrayIcon;
class QWidget;

namespace Tandem {

class LiveChatsModel;
class OffersModel;
struct Offer;

//! Gets the agent's attention for live chat: a sound for each new offer, and — when the
//! window is not the active one — a tray notification for offers and for customers writing
//! in the agent's chats. The tray icon's tooltip counts the unread messages.
class LiveNotifier : public QObject
{
    Q_OBJECT
public:
    LiveNotifier(QWidget *window, OffersModel &offers, LiveChatsModel &chats,
                 QObject *parent = nullptr);
    ~LiveNotifier() override;

    //! The tray icon, or null where the desktop has no tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QString toolTip() const { return m_toolTip; }
    //! The newest notification's title and text (also where none could be shown).
    QString lastTitle() const { return m_lastTitle; }
    QString lastMessage() const { return m_lastMessage; }
    //! How many times notify() was called (whether or not the window showed it already).
    int notified() const { return m_notified; }
    //! A notification when the window is not the active one (it says so itself otherwise).
    void notify(const QString &title, const QString &text);

Q_SIGNALS:
    //! The agent clicked the notification or the tray icon.
    void activated();

private:
    void onOffer(const Tandem::Offer &offer);
    void onChatsChanged();
    void setUnread(int unread);

    QPointer<QWidget> m_window;
    OffersModel &m_offers;
    LiveChatsModel &m_chats;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_toolTip;
    QString m_lastTitle;
    QString m_lastMessage;
    int m_notified = 0;
    QHash<qint64, int> m_unread; // per chat, to tell new messages from old
};

} // namespace Tandem
