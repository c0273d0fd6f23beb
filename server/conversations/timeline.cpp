// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline.h"

#include "protocol/events.h"

namespace Tandem::Server::Timeline {

Result<Message> record(Store &store, const Conversation &conversation, const Party &by,
                       const QJsonObject &activity, const QString &text)
{
    Message m;
    m.conversationId = conversation.id;
    m.clientId = QUuid::createUuid();
    m.author = by;
    m.text = text;
    m.createdAt = store.now();
    m.kind = MessageKind::Activity;
    m.activity = activity;
    auto inserted = store.insertMessage(m);
    if (!inserted)
        return storageFailed(inserted.failure());
    Event e = Events::messageCreated(inserted.value(), conversation);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return inserted.value();
}

} // namespace Tandem::Server::Timeline
