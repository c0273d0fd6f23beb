// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QTimer>

namespace Tandem {

class SyncClient;

//! "Ada is typing…" for one conversation, from the SyncClient's typing signals. The words go
//! when the "off" comes, when another conversation is shown, or after a while without news,
//! should the "off" never come.
class TypingIndicator : public QLabel
{
    Q_OBJECT
public:
    //! How long an "on" holds without being repeated.
    static constexpr int LapseMs = 8000;

    explicit TypingIndicator(SyncClient &sync, QWidget *parent = nullptr);

    void setConversation(qint64 conversationId);

private:
    qint64 m_conversation = 0;
    QTimer m_lapse;
};

} // namespace Tandem
