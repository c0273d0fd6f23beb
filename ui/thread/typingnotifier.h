// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Tandem {

class SyncClient;

//! Tells the customer that the agent is typing: "on" when typing starts (repeated every few
//! seconds while it goes on), "off" after a pause or when the reply is sent. Ephemeral
//! and best effort: nothing is sent while offline.
class TypingNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TypingNotifier(SyncClient &sync, QObject *parent = nullptr);

    void setConversation(qint64 conversationId);
    //! The text being written changed.
    void edited(bool empty);
    //! The reply went out, or the user left: typing is over.
    void stop();

private:
    void send(bool on);

    SyncClient &m_sync;
    qint64 m_conversation = 0;
    bool m_on = false;
    QElapsedTimer m_lastOn;
    QTimer m_idle;
};

} // namespace Tandem
