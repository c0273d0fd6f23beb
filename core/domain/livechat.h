// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Tandem {

//! How a conversation is worked: a real-time chat routed to one agent, or an exchange each
//! side answers at its own pace.
enum class ConversationMode { Async, Live };

//! Where a live chat is in its life; `None` for async conversations.
enum class LiveState { None, Queued, Active, Ended };

QString modeName(ConversationMode mode);
std::optional<ConversationMode> modeFromName(const QString &name);
QString liveStateName(LiveState state); // empty for None
std::optional<LiveState> liveStateFromName(const QString &name);

//! The customer's verdict on an ended chat.
struct Rating {
    int score = 0; // 1–5
    QString comment;

    bool operator==(const Rating &o) const { return score == o.score && comment == o.comment; }
};

} // namespace Tandem
