// SPDX-License-Identifier: GPL-3.0-or-later
#include "visibility.h"

namespace Tandem::Server::Visibility {

Audience of(const Event &event)
{
    return {true, event.staffOnly ? 0 : event.customerId, event.inboxId, event.assigneeId,
            event.priorAssigneeId};
}

Audience of(const Conversation &conversation)
{
    return {true, conversation.customer.id, conversation.inboxId,
            conversation.assignee ? conversation.assignee->id : 0, 0};
}

bool includes(const Audience &audience, const Viewer &viewer)
{
    if (!viewer.isStaff())
        return audience.customerId != 0 && audience.customerId == viewer.party.id;
    if (!audience.staff)
        return false;
    if (viewer.seesAll() || audience.inboxId == 0)
        return true;
    const qint64 me = viewer.party.id;
    return viewer.inboxes.contains(audience.inboxId) || audience.assigneeId == me
           || audience.priorAssigneeId == me;
}

ReadScope scope(const Viewer &viewer)
{
    if (!viewer.isStaff())
        return {viewer.party.id, std::nullopt};
    if (viewer.seesAll())
        return {};
    return {std::nullopt, viewer.party.id};
}

} // namespace Tandem::Server::Visibility
