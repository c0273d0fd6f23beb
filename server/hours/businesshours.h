// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"
#include "domain/event.h"
#include "domain/team.h"

#include <QHash>
#include <QJsonObject>
#include <optional>

namespace Tandem::Server {

//! Which calendar governs each inbox: its team's (docs/protocol.md, "Business hours"). Kept
//! in memory from the store at start and from every team.saved and inbox.saved after, so
//! the widget's availability and each new chat can ask without a query.
class BusinessHours
{
public:
    void reset(const QList<Team> &teams, const QList<Inbox> &inboxes);
    void observe(const QList<Event> &events);

    //! The team answering `inboxId` (unset: the first web inbox); 0: none.
    qint64 teamOf(std::optional<qint64> inboxId) const;
    //! The calendar of `inboxId`'s team (unset: the first web inbox, where a widget without
    //! an inbox writes); none: open around the clock (no team, or a team without hours).
    std::optional<BusinessCalendar> calendarOf(std::optional<qint64> inboxId) const;
    bool isOpen(std::optional<qint64> inboxId, const QDateTime &at) const;
    //! For the availability answer: {"open": bool, "opensAt"/"closesAt": time or null}.
    QJsonObject describe(std::optional<qint64> inboxId, const QDateTime &at) const;
    //! The teams with business hours, and each one's calendar.
    QHash<qint64, BusinessCalendar> calendars() const;
    //! The inboxes `teamId` answers.
    QSet<qint64> inboxesOf(qint64 teamId) const;

private:
    QHash<qint64, std::optional<BusinessCalendar>> m_calendars; // by team
    QHash<qint64, Inbox> m_inboxes;                             // by id
};

} // namespace Tandem::Server
