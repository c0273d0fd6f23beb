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

} // namespace Tandem::Server::SlaCalendar
