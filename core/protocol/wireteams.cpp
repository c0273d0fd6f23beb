// SPDX-License-Identifier: GPL-3.0-or-later
#include "wireteams.h"

#include "calendar/calendarjson.h"
#include "fieldreader.h"
#include "limits.h"
#include "sla/slapolicyjson.h"

#include <QJsonArray>
#include <limits>

namespace Tandem::Wire {

QJsonObject encode(const Team &team)
{
    QJsonArray members;
    for (qint64 id : team.members)
        members.append(id);
    return {{QStringLiteral("id"), team.id},
            {QStringLiteral("name"), team.name},
            {QStringLiteral("members"), members},
            {QStringLiteral("calendar"),
             team.calendar ? QJsonValue(CalendarJson::encode(*team.calendar)) : QJsonValue()},
            {QStringLiteral("sla"),
             team.sla ? QJsonValue(SlaPolicyJson::encode(*team.sla)) : QJsonValue()}};
}

QJsonObject encode(const Inbox &inbox)
{
    QJsonObject o{{QStringLiteral("id"), inbox.id},
                  {QStringLiteral("name"), inbox.name},
                  {QStringLiteral("channel"), inbox.channel}};
    o.insert(QStringLiteral("team"), inbox.teamId ? QJsonValue(inbox.teamId) : QJsonValue());
    if (!inbox.address.isEmpty())
        o.insert(QStringLiteral("address"), inbox.address);
    if (!inbox.signature.isEmpty())
        o.insert(QStringLiteral("signature"), inbox.signature);
    return o;
}

Result<Team> decodeTeam(const QJsonObject &json)
{
    FieldReader r(json, QStringLiteral("team"));
    Team t;
    t.id = r.id("id");
    t.name = r.string("name", 1, Protocol::MaxNameChars);
    t.members = r.ids("members", std::numeric_limits<int>::max());
    // Absent from servers that predate business hours, null without them.
    const auto calendar = r.optionalObject("calendar");
    const auto sla = r.optionalObject("sla"); // absent from servers before SLA policies
    if (!r.ok())
        return r.failure();
    if (calendar) {
        auto decoded = CalendarJson::decode(*calendar);
        if (!decoded)
            return decoded.failure();
        t.calendar = decoded.value();
    }
    if (sla) {
        auto decoded = SlaPolicyJson::decode(*sla);
        if (!decoded)
            return decoded.failure();
        t.sla = decoded.value();
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
    i.address = r.optionalString("address", 1, Protocol::MaxEmailChars).value_or(QString());
    i.signature = r.optionalString("signature", 1, 4000).value_or(QString());
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
