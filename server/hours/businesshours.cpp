// SPDX-License-Identifier: GPL-3.0-or-later
#include "businesshours.h"

#include "protocol/wirecodec.h"

namespace Tandem::Server {

void BusinessHours::reset(const QList<Team> &teams, const QList<Inbox> &inboxes)
{
    m_calendars.clear();
    m_inboxes.clear();
    for (const Team &t : teams)
        m_calendars.insert(t.id, t.calendar);
    for (const Inbox &i : inboxes)
        m_inboxes.insert(i.id, i);
}

void BusinessHours::observe(const QList<Event> &events)
{
    for (const Event &e : events) {
        if (!e.subject)
            continue;
        if (e.subject->team)
            m_calendars.insert(e.subject->team->id, e.subject->team->calendar);
        if (e.subject->inbox)
            m_inboxes.insert(e.subject->inbox->id, *e.subject->inbox);
    }
}

qint64 BusinessHours::teamOf(std::optional<qint64> inboxId) const
{
    qint64 id = inboxId.value_or(0);
    if (!inboxId) {
        for (const Inbox &i : m_inboxes)
            if (i.channel == QLatin1String("web") && (id == 0 || i.id < id))
                id = i.id;
    }
    const auto inbox = m_inboxes.constFind(id);
    return inbox == m_inboxes.cend() ? 0 : inbox->teamId;
}

std::optional<BusinessCalendar> BusinessHours::calendarOf(std::optional<qint64> inboxId) const
{
    const qint64 team = teamOf(inboxId);
    if (team == 0)
        return std::nullopt;
    return m_calendars.value(team);
}

bool BusinessHours::isOpen(std::optional<qint64> inboxId, const QDateTime &at) const
{
    const std::optional<BusinessCalendar> calendar = calendarOf(inboxId);
    return !calendar || calendar->isOpen(at);
}

QJsonObject BusinessHours::describe(std::optional<qint64> inboxId, const QDateTime &at) const
{
    const std::optional<BusinessCalendar> calendar = calendarOf(inboxId);
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(Wire::timeToString(t)) : QJsonValue();
    };
    if (!calendar)
        return {{QStringLiteral("open"), true}, {QStringLiteral("closesAt"), QJsonValue()}};
    if (calendar->isOpen(at))
        return {{QStringLiteral("open"), true},
                {QStringLiteral("closesAt"), time(calendar->nextClosing(at))}};
    return {{QStringLiteral("open"), false},
            {QStringLiteral("opensAt"), time(calendar->nextOpening(at))}};
}

QHash<qint64, BusinessCalendar> BusinessHours::calendars() const
{
    QHash<qint64, BusinessCalendar> all;
    for (auto it = m_calendars.cbegin(); it != m_calendars.cend(); ++it)
        if (it.value())
            all.insert(it.key(), *it.value());
    return all;
}

QSet<qint64> BusinessHours::inboxesOf(qint64 teamId) const
{
    QSet<qint64> ids;
    for (const Inbox &i : m_inboxes)
        if (i.teamId == teamId)
            ids.insert(i.id);
    return ids;
}

} // namespace Tandem::Server
