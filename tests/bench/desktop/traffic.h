// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"

#include <QList>
#include <random>
#include <utility>

namespace Tandem::Bench {

//! Server events as a client receives them: conversations created, then customers' messages
//! spread over them, in support language (a few words in most messages, order numbers, a long
//! tail of product names), so the search index has the shape a real inbox gives it.
class Traffic
{
public:
    explicit Traffic(int conversations);

    //! conversation.created with its first message, for every conversation.
    QList<Event> conversations();
    //! The next `count` messages, round-robin over the conversations.
    QList<Event> messages(int count);

    //! The messages made since the last call, for raw inserts of the same rows.
    struct Row {
        qint64 id;
        qint64 conversationId;
        QString text;
        qint64 createdAtMs;
    };
    QList<Row> takeRows() { return std::exchange(m_rows, {}); }

private:
    Event message(qint64 conversationId);
    QString sentence();

    int m_conversations;
    qint64 m_seq = 0;
    qint64 m_messageId = 0;
    qint64 m_next = 0;
    qint64 m_startMs;
    std::mt19937 m_random{20261201};
    QList<Row> m_rows;
};

} // namespace Tandem::Bench
