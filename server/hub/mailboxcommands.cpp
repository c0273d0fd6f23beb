// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailboxcommands.h"

#include "connection.h"
#include "hub.h"
#include "mailboxoperations.h"
#include "protocol/wireteams.h"
#include "storecommand.h"

#include <QJsonArray>

namespace Tandem::Server::MailboxCommands {
namespace {

Result<Done> nothing(const QJsonObject &)
{
    return Done{};
}

} // namespace

void registerIn(CommandTable &table)
{
    using T = CommandTable;
    table.add(QStringLiteral("mailbox.save"), T::Admins,
              [](Connection &connection, Hub &hub, const Frames::Request &request) {
                  auto command = Commands::decodeSaveMailbox(request.fields);
                  // Sealed here, before anything is queued: the store and its log never
                  // hold a password in clear.
                  if (command && !hub.mayKeepSecrets())
                      command =
                          Failure{ErrorCode::Unavailable,
                                  QStringLiteral("This server cannot keep mailbox passwords")};
                  if (command && command->imapPassword)
                      command->imapPassword = hub.sealSecret(command->imapPassword->toUtf8());
                  if (command && command->smtpPassword)
                      command->smtpPassword = hub.sealSecret(command->smtpPassword->toUtf8());
                  connection.perform(
                      request.id, command, MailboxOperations::save,
                      [&connection, &hub, id = request.id](const MailboxOperations::Saved &saved) {
                          hub.mailboxesChanged();
                          connection.reply(
                              id, {{QStringLiteral("inbox"), Wire::encode(saved.inbox)},
                                   {QStringLiteral("mailbox"), encodeMailboxStatus(saved.status)}});
                      });
              });
    table.add(QStringLiteral("mailboxes"), T::Supervisors,
              readCommand(
                  nothing, MailboxOperations::list,
                  [](Connection &c, Hub &, const QJsonValue &id, const QList<MailboxStatus> &list) {
                      QJsonArray out;
                      for (const MailboxStatus &s : list)
                          out.append(encodeMailboxStatus(s));
                      c.reply(id, {{QStringLiteral("mailboxes"), out}});
                  }));
}

} // namespace Tandem::Server::MailboxCommands
