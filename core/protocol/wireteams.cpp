// SPDX-License-Identifier: GPL-3.0-or-later
#include "wireteams.h"

#include "fieldreader.h"
#include "limits.h"

#include <QJsonArray>

namespace Tandem::Wire {

QJsonObject encode(const Team &team)
{
    QJsonArray members;
    for (qint64 id : team.members)
        members.append(id);
    return {{QStringLiteral("id"), team.id},
            {QStringLiteral("name"), team.name},
            {QStringLiteral("members"), members}};
}

QJsonObject encode(const Inbox &inbox)
{
    QJsonObject o{{QStringLiteral("id"), inbox.id},
                  {QStringLiteral("name"), inbox.name},
                  {QStringLiteral("channel"), inbox.channel}};
    o.insert(QStringLiteral("team"), inbox.teamId ? QJsonValue(inbox.teamId) : QJsonValue());
    return o;
}

Result<Team> decodeTeam(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("team"));
    Team t;
    t.id = r.id("id");
    t.name = r.string("name", 1, Protocol::MaxNameChars);
    const QJsonArray members = r.array("members");
    if (!r.ok())
        return r.failure();
    for (const QJsonValue &v : members) {
        const qint64 id = v.toInteger(0);
        if (!v.isDouble() || id < 1 || id > Protocol::MaxId) {
            r.fail("members", QStringLiteral("must hold agent ids"));
            return r.failure();
        }
        t.members.append(id);
    }
    return t;
}

Result<Inbox> decodeInbox(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("inbox"));
    Inbox i;
    i.id = r.id("id");
    i.name = r.string("name", 1, Protocol::MaxNameChars);
    i.channel = r.string("channel", 1, 32);
    const QJsonValue team = json.value(QLatin1String("team"));
    if (!team.isNull() && !team.isUndefined())
        i.teamId = r.id("team");
    if (!r.ok())
        return r.failure();
    return i;
}

bool isChannelName(const QString &name)
{
    static const QStringList names{QStringLiteral("web"), QStringLiteral("email"),
                                   QStringLiteral("whatsapp"), QStringLiteral("telegram")};
    return names.contains(name);
}

} // namespace Tandem::Wire
