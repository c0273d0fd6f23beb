// SPDX-License-Identifier: GPL-3.0-or-later
#include "slacalendar.h"

namespace Tandem::Server::SlaCalendar {

Result<std::optional<BusinessCalendar>> of(Store &store, qint64 inboxId)
{
    auto calendar = store.calendarOfInbox(inboxId);
    if (!calendar)
        return storageFailed(calendar.failure());
    return calendar.value();
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
