// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/conversation.h"
#include "../domain/event.h"
#include "../domain/message.h"
#include "../domain/presence.h"

//! The durable changes of docs/protocol.md ("Events") with their wire payloads, built in
//! one place for the server that records them and for anything that replays them.
namespace Tandem::Events {

Event conversationCreated(const Conversation &conversation);
//! `customerId`: whose conversation it is (who may see it).
Event messageCreated(const Message &message, qint64 customerId);
Event conversationRead(qint64 conversationId, qint64 customerId, const Party &reader,
                       qint64 upTo);
Event agentPresence(qint64 agentId, Presence presence);

} // namespace Tandem::Events
