// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/syncclient.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace Tandem {

class Outbox;
class StatusDot;

//! The status bar's account of the connection (online / syncing / reconnecting in N s /
//! offline / signed out) and of the replies still in the outbox, with "Retry now" while a
//! reconnect is pending. Always visible, so an agent never wonders whether replies go out.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT
public:
    ConnectionIndicator(SyncClient &sync, Outbox &outbox, QWidget *parent = nullptr);

    //! The text shown for a state (`seconds`: time to the next attempt while reconnecting).
    static QString describe(SyncClient::State state, int seconds);
    static QColor colorOf(SyncClient::State state);

    QString stateText() const;
    QString outboxText() const;
    QToolButton *retryButton() const { return m_retry; }

private:
    void refresh();

    SyncClient &m_sync;
    Outbox &m_outbox;
    StatusDot *m_dot = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_outboxLabel = nullptr;
    QToolButton *m_retry = nullptr;
    QTimer m_countdown;
};

} // namespace Tandem
