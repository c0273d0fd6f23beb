// SPDX-License-Identifier: GPL-3.0-or-later
#include "visibility.h"

namespace Tandem::Server::Visibility {

Audience of(const Event &event)
{
    return {true, event.staffOnly ? 0 : event.customerId};
}

Audience of(const Conversation &conversation)
{
    return {true, conversation.customer.id};
}

bool includes(const Audience &audience, const Viewer &viewer)
{
    if (viewer.isStaff())
        return audience.staff;
    return audience.customerId != 0 && audience.customerId == viewer.party.id;
}

ReadScope scope(const Viewer &viewer)
{
    if (viewer.isStaff())
        return {};
    return {viewer.party.id};
}

} // namespace Tandem::Server::Visibility
