// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignoperations.h"

#include "conversations/timeline.h"
#include "deskoperations.h"
#include "protocol/events.h"
#include "protocol/wirecodec.h"

namespace Tandem::Server::AssignOperations {
namespace {

//! The agent `command` names, if they may work `c`.
Result<Agent> assignable(Store &store, const Conversation &c, qint64 agentId)
{
    const auto agent = store.agentById(agentId);
    if (!agent && !agent.isNotFound())
        return storageFailed(agent.failure());
    if (!agent || agent->disabled)
        return Failure{ErrorCode::NotFound, QStringLiteral("agent: no such agent")};
    if (agent->role != Role::Agent)
        return agent.value(); // supervisors and admins see every inbox
    const auto inboxes = store.inboxesOf(agentId);
    if (!inboxes)
        return storageFailed(inboxes.failure());
    if (!inboxes->contains(c.inboxId))
        return Failure{ErrorCode::Unavailable,
                       QStringLiteral("%1 is not in the team of this inbox").arg(agent->name)};
    return agent.value();
}

QJsonValue partyOrNull(const std::optional<Party> &p)
{
    return p ? QJsonValue(Wire::encode(*p)) : QJsonValue();
}

} // namespace

Result<Conversation> assign(Store &store, const Viewer &viewer, const Commands::Assign &command)
{
    if (!viewer.isStaff())
        return Failure{ErrorCode::Forbidden, QStringLiteral("Only staff assign conversations")};
    auto loaded = DeskOperations::accessibleConversation(store, viewer, command.conversationId);
    if (!loaded)
        return loaded.failure();
    Conversation c = loaded.value();
    if (c.liveState == LiveState::Queued || c.liveState == LiveState::Active)
        return Failure{ErrorCode::InvalidState,
                       QStringLiteral("A live chat under way is accepted or transferred")};
    const qint64 before = c.assignee ? c.assignee->id : 0;
    if (before == command.agentId.value_or(0))
        return c; // as asked already: a retry, or someone was quicker
    std::optional<Party> to;
    if (command.agentId) {
        const auto agent = assignable(store, c, *command.agentId);
        if (!agent)
            return agent.failure();
        const auto load = store.asyncLoad(agent->id);
        if (!load)
            return storageFailed(load.failure());
        if (*load >= agent->asyncCapacity && !command.force)
            return Failure{ErrorCode::OverCapacity,
                           QStringLiteral("%1 already has %2 conversations (capacity %3)")
                               .arg(agent->name)
                               .arg(*load)
                               .arg(agent->asyncCapacity)};
        to = Party{Party::Kind::Agent, agent->id, agent->name};
    }
    const std::optional<Party> from = c.assignee;
    c.assignee = to;
    c.assignedAt = to ? store.now() : QDateTime();
    c.updatedAt = store.now();
    if (auto updated = store.updateConversation(c); !updated)
        return storageFailed(updated.failure());
    const QString who = viewer.party.name;
    const QString text = !to ? QStringLiteral("%1 unassigned it").arg(who)
                         : to->id == viewer.party.id
                             ? QStringLiteral("%1 took it").arg(who)
                             : QStringLiteral("%1 assigned it to %2").arg(who, to->name);
    if (auto recorded = Timeline::record(store, c, viewer.party,
                                         {{QStringLiteral("change"), QStringLiteral("assignee")},
                                          {QStringLiteral("from"), partyOrNull(from)},
                                          {QStringLiteral("to"), partyOrNull(to)}},
                                         text);
        !recorded)
        return recorded.failure();
    Event e = Events::conversationUpdated(
        c, to ? Events::Change::Assigned : Events::Change::Unassigned, viewer.party, before);
    e.staffOnly = true;
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return c;
}

} // namespace Tandem::Server::AssignOperations
