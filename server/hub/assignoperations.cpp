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

//! Gives `c` to `to` (or nobody), recording it by `by` with `text` in the timeline.
Result<Conversation> hand(Store &store, Conversation c, const std::optional<Party> &to,
                          const Party &by, const QString &text, bool automatic)
{
    const std::optional<Party> from = c.assignee;
    c.assignee = to;
    c.assignedAt = to ? store.now() : QDateTime();
    c.updatedAt = store.now();
    if (auto updated = store.updateConversation(c); !updated)
        return storageFailed(updated.failure());
    QJsonObject activity{{QStringLiteral("change"), QStringLiteral("assignee")},
                         {QStringLiteral("from"), partyOrNull(from)},
                         {QStringLiteral("to"), partyOrNull(to)}};
    if (automatic)
        activity.insert(QStringLiteral("automatic"), true);
    if (auto recorded = Timeline::record(store, c, by, activity, text); !recorded)
        return recorded.failure();
    Event e = Events::conversationUpdated(
        c, to ? Events::Change::Assigned : Events::Change::Unassigned, by, from ? from->id : 0);
    e.staffOnly = true;
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return c;
}

} // namespace

Result<QList<Conversation>> assignWaiting(Store &store, const QList<Candidate> &candidates,
                                          int limit)
{
    QList<Conversation> assigned;
    if (candidates.isEmpty())
        return assigned;
    auto waiting = store.unassignedConversations(limit);
    if (!waiting)
        return storageFailed(waiting.failure());
    if (waiting->isEmpty())
        return assigned;
    auto read = store.asyncLoads(); // read once, then counted here
    if (!read)
        return storageFailed(read.failure());
    QHash<qint64, int> &loads = read.value();
    const Party system{Party::Kind::System, 0, {}};
    for (const Conversation &c : std::as_const(waiting.value())) {
        const Candidate *best = nullptr;
        for (const Candidate &candidate : candidates) {
            const int load = loads.value(candidate.agent.id);
            if (!candidate.inboxes.contains(c.inboxId) || load >= candidate.agent.asyncCapacity)
                continue;
            if (!best || load < loads.value(best->agent.id)
                || (load == loads.value(best->agent.id) && candidate.agent.id < best->agent.id))
                best = &candidate;
        }
        if (!best)
            continue; // nobody of its team has room: it waits, in order
        const Party to{Party::Kind::Agent, best->agent.id, best->agent.name};
        auto done = hand(store, c, to, system,
                         QStringLiteral("Assigned to %1 automatically").arg(to.name), true);
        if (!done)
            return done.failure();
        loads[best->agent.id] += 1;
        assigned.append(done.value());
    }
    return assigned;
}

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
    const QString who = viewer.party.name;
    const QString text = !to ? QStringLiteral("%1 unassigned it").arg(who)
                         : to->id == viewer.party.id
                             ? QStringLiteral("%1 took it").arg(who)
                             : QStringLiteral("%1 assigned it to %2").arg(who, to->name);
    return hand(store, c, to, viewer.party, text, false);
}

} // namespace Tandem::Server::AssignOperations
