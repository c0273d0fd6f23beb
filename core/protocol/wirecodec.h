// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/agent.h"
#include "../domain/cannedresponse.h"
#include "../domain/conversation.h"
#include "../domain/customer.h"
#include "../domain/message.h"
#include "../domain/party.h"
#include "result.h"

#include <QJsonObject>

//! JSON forms of the objects in docs/protocol.md. Decoders validate every field they read
//! and say which one was wrong; they never trust a value's type or size.
namespace Tandem {
class JsonWriter;
}

namespace Tandem::Wire {

QString timeToString(const QDateTime &time);

QJsonObject encode(const Party &party);
QJsonObject encode(const Customer &customer);
QJsonObject encode(const Conversation &conversation);
QJsonObject encode(const Message &message);
enum class AgentDetail { Public, WithEmail };
QJsonObject encode(const Agent &agent, AgentDetail detail = AgentDetail::Public);
QJsonObject encode(const CannedResponse &canned);

//! The same objects written as JSON text, for the hot paths (every message's event and
//! reply); the text equals what QJsonDocument makes of encode()'s object.
void write(JsonWriter &writer, const Party &party);
void write(JsonWriter &writer, const Conversation &conversation);
void write(JsonWriter &writer, const Message &message);

Result<Party> decodeParty(const QJsonObject &json);
Result<Customer> decodeCustomer(const QJsonObject &json);
Result<Conversation> decodeConversation(const QJsonObject &json);
Result<Message> decodeMessage(const QJsonObject &json);
Result<Agent> decodeAgent(const QJsonObject &json);
Result<CannedResponse> decodeCanned(const QJsonObject &json);

} // namespace Tandem::Wire
