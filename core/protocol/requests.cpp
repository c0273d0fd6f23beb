// SPDX-License-Identifier: GPL-3.0-or-later
#include "requests.h"

#include "calendar/calendarjson.h"
#include "sla/slapolicyjson.h"

#include <QJsonArray>

#include "limits.h"
#include "wirecodec.h"

namespace Tandem::Requests {
namespace {

Request make(const char *type, QJsonObject fields = {})
{
    return {QString::fromLatin1(type), std::move(fields)};
}

void insertIf(QJsonObject &fields, const char *key, const std::optional<qint64> &value)
{
    if (value)
        fields.insert(QLatin1String(key), *value);
}

Request aboutConversation(const char *type, qint64 conversationId)
{
    return make(type, {{QStringLiteral("conversation"), conversationId}});
}

} // namespace

Request signIn(const Commands::SignIn &command)
{
    QJsonObject fields{{QStringLiteral("protocol"), Protocol::Version},
                       {QStringLiteral("email"), command.email},
                       {QStringLiteral("password"), command.password}};
    insertIf(fields, "resumeFrom", command.resumeFrom);
    return make("signin", fields);
}

Request agentHello(const Commands::AgentHello &command)
{
    QJsonObject fields{{QStringLiteral("protocol"), Protocol::Version},
                       {QStringLiteral("token"), command.token}};
    insertIf(fields, "resumeFrom", command.resumeFrom);
    return make("hello", fields);
}

Request customerHello(const Commands::CustomerHello &command)
{
    QJsonObject fields{{QStringLiteral("protocol"), Protocol::Version}};
    if (command.token) {
        fields.insert(QStringLiteral("token"), *command.token);
    } else {
        fields.insert(QStringLiteral("name"), command.name);
        if (!command.email.isEmpty())
            fields.insert(QStringLiteral("email"), command.email);
    }
    insertIf(fields, "resumeFrom", command.resumeFrom);
    if (!command.timezone.isEmpty())
        fields.insert(QStringLiteral("timezone"), command.timezone);
    if (!command.language.isEmpty())
        fields.insert(QStringLiteral("language"), command.language);
    return make("hello", fields);
}

Request send(const Commands::Send &command)
{
    QJsonObject fields{
        {QStringLiteral("clientId"), command.clientId.toString(QUuid::WithoutBraces)},
        {QStringLiteral("text"), command.text}};
    if (command.conversationId)
        fields.insert(QStringLiteral("conversation"), *command.conversationId);
    else if (!command.startsEmail())
        fields.insert(QStringLiteral("mode"), modeName(command.mode));
    insertIf(fields, "inbox", command.inboxId);
    if (command.note) {
        fields.insert(QStringLiteral("note"), true);
        if (!command.mentions.isEmpty()) {
            QJsonArray mentions;
            for (qint64 id : command.mentions)
                mentions.append(id);
            fields.insert(QStringLiteral("mentions"), mentions);
        }
    }
    if (!command.cc.isEmpty())
        fields.insert(QStringLiteral("cc"), QJsonArray::fromStringList(command.cc));
    if (!command.files.isEmpty()) {
        QJsonArray files;
        for (const QUuid &id : command.files)
            files.append(id.toString(QUuid::WithoutBraces));
        fields.insert(QStringLiteral("files"), files);
    }
    if (command.startsEmail()) {
        fields.insert(QStringLiteral("to"), command.to);
        if (!command.toName.isEmpty())
            fields.insert(QStringLiteral("toName"), command.toName);
        fields.insert(QStringLiteral("subject"), command.subject);
    }
    return make("send", fields);
}

Request setStatus(const Commands::SetStatus &command)
{
    QJsonObject fields{{QStringLiteral("conversation"), command.conversationId},
                       {QStringLiteral("status"), command.status}};
    if (command.until.isValid())
        fields.insert(QStringLiteral("until"), Wire::timeToString(command.until));
    return make("status", fields);
}

Request search(const Commands::Search &command)
{
    QJsonObject fields{{QStringLiteral("query"), command.query}};
    insertIf(fields, "before", command.before);
    if (command.limit > 0)
        fields.insert(QStringLiteral("limit"), command.limit);
    return make("search", fields);
}

Request history(const Commands::History &command)
{
    QJsonObject fields{{QStringLiteral("conversation"), command.conversationId}};
    insertIf(fields, "before", command.before);
    if (command.limit > 0)
        fields.insert(QStringLiteral("limit"), command.limit);
    return make("history", fields);
}

Request conversations(const Commands::ConversationPage &command)
{
    QJsonObject fields;
    if (command.limit > 0)
        fields.insert(QStringLiteral("limit"), command.limit);
    if (command.after)
        fields.insert(
            QStringLiteral("after"),
            QJsonObject{{QStringLiteral("updatedAt"), Wire::timeToString(command.after->first)},
                        {QStringLiteral("id"), command.after->second}});
    if (command.resolved)
        fields.insert(QStringLiteral("resolved"), true);
    return make("conversations", fields);
}

Request read(const Commands::MarkRead &command)
{
    return make("read", {{QStringLiteral("conversation"), command.conversationId},
                         {QStringLiteral("upTo"), command.upTo}});
}

Request received(const Commands::MarkRead &command)
{
    return make("received", {{QStringLiteral("conversation"), command.conversationId},
                             {QStringLiteral("upTo"), command.upTo}});
}

Request typing(const Commands::Typing &command)
{
    return make("typing", {{QStringLiteral("conversation"), command.conversationId},
                           {QStringLiteral("on"), command.on}});
}

Request presence(const Commands::SetPresence &command)
{
    return make("presence", {{QStringLiteral("status"), presenceName(command.status)}});
}

Request ping()
{
    return make("ping");
}

Request signOut()
{
    return make("signout");
}

Request clockAdvance(const Commands::ClockAdvance &command)
{
    return make("clock.advance", {{QStringLiteral("ms"), command.ms}});
}

Request accept(qint64 conversationId)
{
    return aboutConversation("accept", conversationId);
}

Request decline(qint64 conversationId)
{
    return aboutConversation("decline", conversationId);
}

Request end(qint64 conversationId)
{
    return aboutConversation("end", conversationId);
}

Request followup(qint64 conversationId)
{
    return aboutConversation("followup", conversationId);
}

Request transfer(const Commands::Transfer &command)
{
    QJsonObject fields{{QStringLiteral("conversation"), command.conversationId},
                       {QStringLiteral("agent"), command.agentId}};
    if (!command.note.isEmpty())
        fields.insert(QStringLiteral("note"), command.note);
    return make("transfer", fields);
}

Request rate(const Commands::Rate &command)
{
    QJsonObject fields{{QStringLiteral("conversation"), command.conversationId},
                       {QStringLiteral("score"), command.rating.score}};
    if (!command.rating.comment.isEmpty())
        fields.insert(QStringLiteral("comment"), command.rating.comment);
    return make("rate", fields);
}

Request priority(const Commands::SetPriority &command)
{
    return make("priority", {{QStringLiteral("conversation"), command.conversationId},
                             {QStringLiteral("priority"), command.priority}});
}

Request updateAgent(const Commands::UpdateAgent &command)
{
    QJsonObject fields{{QStringLiteral("agent"), command.agentId}};
    if (command.capacity)
        fields.insert(QStringLiteral("capacity"), *command.capacity);
    if (command.autoAccept)
        fields.insert(QStringLiteral("autoAccept"), *command.autoAccept);
    if (command.asyncCapacity)
        fields.insert(QStringLiteral("asyncCapacity"), *command.asyncCapacity);
    return make("agent.update", fields);
}

Request assign(const Commands::Assign &command)
{
    QJsonObject fields{{QStringLiteral("conversation"), command.conversationId}};
    fields.insert(QStringLiteral("agent"),
                  command.agentId ? QJsonValue(*command.agentId) : QJsonValue());
    if (command.force)
        fields.insert(QStringLiteral("force"), true);
    return make("assign", fields);
}

Request merge(const Commands::Merge &command)
{
    return make("merge", {{QStringLiteral("conversation"), command.conversationId},
                          {QStringLiteral("into"), command.intoId}});
}

Request customer(qint64 conversationId)
{
    return make("customer", {{QStringLiteral("conversation"), conversationId}});
}

Request updateCustomer(const Commands::CustomerCommand &command)
{
    QJsonObject fields{{QStringLiteral("conversation"), command.conversationId}};
    if (command.name)
        fields.insert(QStringLiteral("name"), *command.name);
    if (command.email)
        fields.insert(QStringLiteral("email"), *command.email);
    return make("customer.update", fields);
}

Request viewing(qint64 conversationId)
{
    return make("viewing", {{QStringLiteral("conversation"),
                             conversationId ? QJsonValue(conversationId) : QJsonValue()}});
}

Request unmerge(qint64 conversationId)
{
    return make("unmerge", {{QStringLiteral("conversation"), conversationId}});
}

Request saveCanned(const Commands::SaveCanned &command)
{
    QJsonObject fields{{QStringLiteral("shortcut"), command.shortcut},
                       {QStringLiteral("text"), command.text}};
    insertIf(fields, "canned", command.id);
    return make("canned.save", fields);
}

Request deleteCanned(const Commands::DeleteCanned &command)
{
    return make("canned.delete", {{QStringLiteral("canned"), command.id}});
}

Request saveLabel(const Commands::SaveLabel &command)
{
    QJsonObject fields{{QStringLiteral("name"), command.name},
                       {QStringLiteral("colour"), command.colour}};
    insertIf(fields, "label", command.id);
    return make("label.save", fields);
}

Request deleteLabel(const Commands::DeleteLabel &command)
{
    return make("label.delete", {{QStringLiteral("label"), command.id}});
}

Request saveTeam(const Commands::SaveTeam &command)
{
    QJsonArray members;
    for (qint64 id : command.members)
        members.append(id);
    QJsonObject fields{{QStringLiteral("name"), command.name},
                       {QStringLiteral("members"), members}};
    insertIf(fields, "team", command.id);
    if (command.setsCalendar)
        fields.insert(QStringLiteral("calendar"),
                      command.calendar ? QJsonValue(CalendarJson::encode(*command.calendar))
                                       : QJsonValue());
    if (command.setsSla)
        fields.insert(QStringLiteral("sla"),
                      command.sla ? QJsonValue(SlaPolicyJson::encode(*command.sla)) : QJsonValue());
    return make("team.save", fields);
}

Request saveInbox(const Commands::SaveInbox &command)
{
    QJsonObject fields{{QStringLiteral("name"), command.name}};
    insertIf(fields, "inbox", command.id);
    if (!command.id || !command.channel.isEmpty())
        fields.insert(QStringLiteral("channel"), command.channel);
    fields.insert(QStringLiteral("team"),
                  command.teamId != 0 ? QJsonValue(command.teamId) : QJsonValue(QJsonValue::Null));
    return make("inbox.save", fields);
}

Request saveMailbox(const Commands::SaveMailbox &command)
{
    QJsonObject fields{{QStringLiteral("name"), command.name},
                       {QStringLiteral("settings"), command.settings.toJson()}};
    insertIf(fields, "inbox", command.inboxId);
    fields.insert(QStringLiteral("team"),
                  command.teamId != 0 ? QJsonValue(command.teamId) : QJsonValue(QJsonValue::Null));
    if (command.imapPassword)
        fields.insert(QStringLiteral("imapPassword"), *command.imapPassword);
    if (command.smtpPassword)
        fields.insert(QStringLiteral("smtpPassword"), *command.smtpPassword);
    return make("mailbox.save", fields);
}

Request mailboxes()
{
    return make("mailboxes");
}

Request changeLabels(const Commands::ChangeLabels &command)
{
    const auto list = [](const QList<qint64> &ids) {
        QJsonArray array;
        for (qint64 id : ids)
            array.append(id);
        return array;
    };
    QJsonObject fields{{QStringLiteral("conversation"), command.conversationId}};
    if (!command.add.isEmpty())
        fields.insert(QStringLiteral("add"), list(command.add));
    if (!command.remove.isEmpty())
        fields.insert(QStringLiteral("remove"), list(command.remove));
    return make("labels", fields);
}

} // namespace Tandem::Requests
