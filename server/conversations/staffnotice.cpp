// SPDX-License-Identifier: GPL-3.0-or-later
#include "staffnotice.h"

#include "protocol/events.h"

namespace Tandem::Server::StaffNotice {

Result<Done> record(Store &store, const Conversation &conversation, const QString &change,
                    const Party &by)
{
    if (auto updated = store.updateConversation(conversation); !updated)
        return storageFailed(updated.failure());
    Event e = Events::conversationUpdated(conversation, change, by,
                                          conversation.assignee ? conversation.assignee->id : 0);
    e.staffOnly = true;
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return Done{};
}

} // namespace Tandem::Server::StaffNotice
