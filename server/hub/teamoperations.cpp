// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamoperations.h"

#include "protocol/events.h"

namespace Tandem::Server::TeamOperations {
namespace {

using Access = QHash<qint64, QSet<qint64>>;

//! What each of `agents` sees now.
Result<Access> accessOf(Store &store, const QSet<qint64> &agents)
{
    Access access;
    for (qint64 agentId : agents) {
        auto inboxes = store.inboxesOf(agentId);
        if (!inboxes)
            return storageFailed(inboxes.failure());
        access.insert(agentId, std::move(inboxes.value()));
    }
    return access;
}

//! Of `after`, those who see something else than `before`.
Access changedAccess(const Access &before, const Access &after)
{
    Access changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (before.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    return changed;
}

Result<QSet<qint64>> membersOf(Store &store, qint64 teamId)
{
    if (teamId == 0)
        return QSet<qint64>();
    const auto teams = store.teams();
    if (!teams)
        return storageFailed(teams.failure());
    for (const Team &team : teams.value())
        if (team.id == teamId)
            return QSet<qint64>(team.members.cbegin(), team.members.cend());
    return Failure{ErrorCode::NotFound, QStringLiteral("No such team")};
}

} // namespace

Result<Team> saveTeam(Store &store, const Viewer &viewer, const Commands::SaveTeam &command)
{
    Q_UNUSED(viewer) // supervisors and admins, as the command table checks
    auto affected = membersOf(store, command.id.value_or(0));
    if (!affected)
        return affected.failure();
    for (qint64 agentId : command.members) {
        const auto agent = store.agentById(agentId);
        if (!agent && !agent.isNotFound())
            return storageFailed(agent.failure());
        if (!agent)
            return Failure{ErrorCode::NotFound, QStringLiteral("No such agent: %1").arg(agentId)};
        affected->insert(agentId);
    }
    const auto before = accessOf(store, affected.value());
    if (!before)
        return before.failure();
    Team team{command.id.value_or(0), command.name, command.members, command.calendar, command.sla};
    if (command.id && (!command.setsCalendar || !command.setsSla)) {
        const auto all = store.teams();
        if (!all)
            return storageFailed(all.failure());
        for (const Team &existing : all.value()) {
            if (existing.id != *command.id)
                continue;
            if (!command.setsCalendar)
                team.calendar = existing.calendar;
            if (!command.setsSla)
                team.sla = existing.sla;
        }
    }
    const auto saved = store.saveTeam(team);
    if (!saved && saved.error() == StoreError::Conflict)
        return Failure{ErrorCode::Conflict, QStringLiteral("Another team has this name")};
    if (!saved)
        return storageFailed(saved.failure());
    const auto after = accessOf(store, affected.value());
    if (!after)
        return after.failure();
    Event e = Events::teamSaved(saved.value(), changedAccess(before.value(), after.value()));
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return saved.value();
}

Result<Inbox> saveInbox(Store &store, const Viewer &viewer, const Commands::SaveInbox &command)
{
    Q_UNUSED(viewer)
    Inbox inbox{command.id.value_or(0), command.name, command.channel, command.teamId};
    qint64 formerTeam = 0;
    if (command.id) {
        const auto existing = store.inbox(*command.id);
        if (!existing && !existing.isNotFound())
            return storageFailed(existing.failure());
        if (!existing)
            return Failure{ErrorCode::NotFound, QStringLiteral("No such inbox")};
        if (!command.channel.isEmpty() && command.channel != existing->channel)
            return Failure{ErrorCode::BadRequest,
                           QStringLiteral("channel: an inbox keeps the channel it was made for")};
        inbox.channel = existing->channel;
        formerTeam = existing->teamId;
    } else if (command.channel != QLatin1String("web")) {
        // The other channels need their own settings (addresses, accounts) to receive.
        return Failure{ErrorCode::BadRequest,
                       QStringLiteral("channel: only web inboxes can be made here")};
    }
    return storeInbox(store, inbox, formerTeam);
}

Result<Inbox> storeInbox(Store &store, const Inbox &inbox, qint64 formerTeam)
{
    auto affected = membersOf(store, inbox.teamId);
    auto former = membersOf(store, formerTeam);
    if (!affected || !former)
        return !affected ? affected.failure() : former.failure();
    affected->unite(former.value());
    const auto before = accessOf(store, affected.value());
    if (!before)
        return before.failure();
    const auto saved = store.saveInbox(inbox);
    if (!saved)
        return storageFailed(saved.failure());
    const auto after = accessOf(store, affected.value());
    if (!after)
        return after.failure();
    Event e = Events::inboxSaved(saved.value(), changedAccess(before.value(), after.value()));
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return saved.value();
}

} // namespace Tandem::Server::TeamOperations
