// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands.h"
#include "mailboxcommands.h"
#include "teamcommands.h"
#include "wirelabels.h"

#include <QJsonObject>
#include <QString>

//! Typed encoders for every request a client makes: the inverse of the decoders in
//! commands.h, so a client never writes protocol JSON by hand, and what one side writes
//! the other reads field for field (tst_codec checks each round trip).
namespace Tandem::Requests {

//! A request before it gets its `id`: the command and its own fields.
struct Request {
    QString type;
    QJsonObject fields;
};

Request signIn(const Commands::SignIn &command);
Request agentHello(const Commands::AgentHello &command);
Request customerHello(const Commands::CustomerHello &command);
Request send(const Commands::Send &command);
Request setStatus(const Commands::SetStatus &command);
Request assign(const Commands::Assign &command);
Request merge(const Commands::Merge &command);
Request customer(qint64 conversationId);
Request updateCustomer(const Commands::CustomerCommand &command);
//! Undoes the merge of `conversationId` (the one merged away).
Request unmerge(qint64 conversationId);
Request history(const Commands::History &command);
Request search(const Commands::Search &command);
Request conversations(const Commands::ConversationPage &command);
Request read(const Commands::MarkRead &command);
//! Customers only (the widget): the replies up to `upTo` arrived.
Request received(const Commands::MarkRead &command);
Request typing(const Commands::Typing &command);
//! Staff: the conversation open now (0: none), for colleagues' "also here".
Request viewing(qint64 conversationId);
Request presence(const Commands::SetPresence &command);
Request ping();
Request signOut();
Request clockAdvance(const Commands::ClockAdvance &command);

// Live chat.
Request accept(qint64 conversationId);
Request decline(qint64 conversationId);
Request end(qint64 conversationId);
Request followup(qint64 conversationId);
Request transfer(const Commands::Transfer &command);
Request rate(const Commands::Rate &command);
Request priority(const Commands::SetPriority &command);
Request updateAgent(const Commands::UpdateAgent &command);
Request saveCanned(const Commands::SaveCanned &command);
Request deleteCanned(const Commands::DeleteCanned &command);

// Labels.
Request saveLabel(const Commands::SaveLabel &command);
Request deleteLabel(const Commands::DeleteLabel &command);
Request saveTeam(const Commands::SaveTeam &command);
Request saveInbox(const Commands::SaveInbox &command);
Request saveMailbox(const Commands::SaveMailbox &command);
//! Every email inbox's settings and how reading it goes (supervisors and admins).
Request mailboxes();
Request changeLabels(const Commands::ChangeLabels &command);

} // namespace Tandem::Requests
