// SPDX-License-Identifier: GPL-3.0-or-later
#include "message.h"

namespace Tandem {

QString messageKindName(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Ordinary:
        return QStringLiteral("message");
    case MessageKind::Note:
        return QStringLiteral("note");
    case MessageKind::Activity:
        return QStringLiteral("activity");
    }
    return {};
}

std::optional<MessageKind> messageKindFromName(const QString &name)
{
    for (MessageKind kind : {MessageKind::Ordinary, MessageKind::Note, MessageKind::Activity})
        if (messageKindName(kind) == name)
            return kind;
    return std::nullopt;
}

} // namespace Tandem
