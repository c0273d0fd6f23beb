// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/commands.h"
#include "store/store.h"
#include "viewer.h"

//! The customer panel beside a thread (docs/protocol.md, "Customers"): who the customer
//! is, where else they are reached, their other conversations; staff correct the name and
//! email.
namespace Tandem::Server::CustomerOperations {

//! The most conversations `customer` lists.
constexpr int MaxListed = 50;

struct CustomerCard {
    Customer customer;
    QList<std::pair<QString, QString>> identities; //!< (channel, address), not the widget's
    QList<Conversation> conversations;             //!< those the viewer sees, newest first
};

//! `customer`: of a conversation the viewer sees.
Result<CustomerCard> card(Store &store, const Viewer &viewer,
                          const Commands::CustomerCommand &command);
//! `customer.update`: staff who see the conversation.
Result<Customer> update(Store &store, const Viewer &viewer,
                        const Commands::CustomerCommand &command);

} // namespace Tandem::Server::CustomerOperations
