// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamcommands.h"

#include "calendar/calendarjson.h"
#include "fieldreader.h"
#include "limits.h"
#include "sla/slapolicyjson.h"

namespace Tandem::Commands {

Result<SaveTeam> decodeSaveTeam(const QJsonObject &fields)
{
    FieldReader r(fields);
    SaveTeam t;
    t.id = r.optionalId("team");
    t.name = r.string("name", 1, Protocol::MaxNameChars).trimmed();
    t.members = r.ids("members", MaxTeamMembers);
    t.setsCalendar = fields.contains(QLatin1String("calendar"));
    const auto calendar = r.optionalObject("calendar");
    t.setsSla = fields.contains(QLatin1String("sla"));
    const auto sla = r.optionalObject("sla");
    if (r.ok() && t.name.isEmpty())
        r.fail("name", QStringLiteral("must not be blank"));
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

Result<SaveInbox> decodeSaveInbox(const QJsonObject &fields)
{
    FieldReader r(fields);
    SaveInbox i;
    i.id = r.optionalId("inbox");
    i.name = r.string("name", 1, Protocol::MaxNameChars).trimmed();
    if (!i.id || fields.contains(QLatin1String("channel")))
        i.channel = r.string("channel", 1, 32);
    const QJsonValue team = fields.value(QLatin1String("team"));
    if (!team.isUndefined() && !team.isNull())
        i.teamId = r.id("team");
    if (r.ok() && i.name.isEmpty())
        r.fail("name", QStringLiteral("must not be blank"));
    if (!r.ok())
        return r.failure();
    return i;
}

} // namespace Tandem::Commands
