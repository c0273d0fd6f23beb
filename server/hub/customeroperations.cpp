// SPDX-License-Identifier: GPL-3.0-or-later
#include "customeroperations.h"

#include "deskoperations.h"
#include "protocol/events.h"
#include "visibility.h"

namespace Tandem::Server::CustomerOperations {

Result<CustomerCard> card(Store &store, const Viewer &viewer,
                          const Commands::CustomerCommand &command)
{
    if (!viewer.isStaff())
        return Failure{ErrorCode::Forbidden, QStringLiteral("Only staff see customer cards")};
    auto through = DeskOperations::accessibleConversation(store, viewer, command.conversationId);
    if (!through)
        return through.failure();
    CustomerCard card;
    auto customer = store.customer(through->customer.id);
    auto identities = store.identitiesOf(through->customer.id);
    // Read a few more than listed: some may be of inboxes the viewer does not see.
    auto conversations = store.conversationsOfCustomer(through->customer.id, MaxListed * 2);
    if (!customer || !identities || !conversations)
        return storageFailed(!customer     ? customer.failure()
                             : !identities ? identities.failure()
                                           : conversations.failure());
    card.customer = customer.value();
    card.identities = identities.value();
    for (const Conversation &c : std::as_const(conversations.value()))
        if (Visibility::mayAccess(viewer, c) && card.conversations.size() < MaxListed)
            card.conversations.append(c);
    return card;
}

Result<Customer> update(Store &store, const Viewer &viewer,
                        const Commands::CustomerCommand &command)
{
    if (!viewer.isStaff())
        return Failure{ErrorCode::Forbidden, QStringLiteral("Only staff edit customers")};
    auto through = DeskOperations::accessibleConversation(store, viewer, command.conversationId);
    if (!through)
        return through.failure();
    auto customer = store.customer(through->customer.id);
    if (!customer)
        return storageFailed(customer.failure());
    Customer changed = customer.value();
    changed.name = command.name.value_or(changed.name);
    changed.email = command.email.value_or(changed.email);
    if (changed == customer.value())
        return changed; // as it is: a retry, or nothing to change
    if (auto saved = store.updateCustomer(changed); !saved)
        return storageFailed(saved.failure());
    Event e = Events::customerUpdated(changed, through.value());
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return changed;
}

} // namespace Tandem::Server::CustomerOperations
