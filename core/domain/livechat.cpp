// SPDX-License-Identifier: GPL-3.0-or-later
#include "livechat.h"

namespace Tandem {

QString modeName(ConversationMode mode)
{
    return mode == ConversationMode::Live ? QStringLiteral("live") : QStringLiteral("async");
}

std::optional<ConversationMode> modeFromName(const QString &name)
{
    if (name == QLatin1String("live"))
        return ConversationMode::Live;
    if (name == QLatin1String("async"))
        return ConversationMode::Async;
    return std::nullopt;
}

QString liveStateName(LiveState state)
{
    switch (state) {
    case LiveState::None:
        return {};
    case LiveState::Queued:
        return QStringLiteral("queued");
    case LiveState::Active:
        return QStringLiteral("active");
    case LiveState::Ended:
        return QStringLiteral("ended");
    }
    return {};
}

std::optional<LiveState> liveStateFromName(const QString &name)
{
    for (LiveState s : {LiveState::Queued, LiveState::Active, LiveState::Ended}) {
        if (liveStateName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace Tandem
