// SPDX-License-Identifier: GPL-3.0-or-later
#include "slacalendar.h"

namespace Tandem::Server::SlaCalendar {

Result<std::optional<BusinessCalendar>> of(Store &store, qint64 inboxId)
{
    using None = std::optional<BusinessCalendar>;
    if (!inboxId)
        return None();
    const auto inbox = store.inbox(inboxId);
    if (!inbox && inbox.isNotFound())
        return None();
    if (!inbox)
        return storageFailed(inbox.failure());
    if (!inbox->teamId)
        return None();
    const auto teams = store.teams();
    if (!teams)
        return storageFailed(teams.failure());
    for (const Team &team : teams.value())
        if (team.id == inbox->teamId)
            return team.calendar;
    return None();
}

Result<Done> statusChanged(Store &store, Conversation &c, const QDateTime &at)
{
    const auto calendar = of(store, c.inboxId);
    if (!calendar)
        return calendar.failure();
    c.sla.statusChanged(c.status, c.createdAt, at, calendar.value() ? &*calendar.value() : nullptr);
    return Done{};
}

} // namespace Tandem::Server::SlaCalendar
