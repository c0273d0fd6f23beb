// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveoperations.h"

#include "conversations/slacalendar.h"
#include "hub/deskoperations.h"
#include "protocol/events.h"

namespace Tandem::Server::LiveOperations {
namespace {

Failure notFound()
{
    return {ErrorCode::NotFound, QStringLiteral("No such conversation")};
}

Failure forbidden(const QString &why)
{
    return {ErrorCode::Forbidden, why};
}

Failure invalidState(const QString &why)
{
    return {ErrorCode::InvalidState, why};
}

bool isSupervisor(const Viewer &viewer)
{
    return viewer.isStaff() && (viewer.role == Role::Supervisor || viewer.role == Role::Admin);
}

bool isAssignee(const Viewer &viewer, const Conversation &c)
{
    return viewer.isStaff() && c.assignee && c.assignee->id == viewer.party.id;
}

//! Saves the conversation and records the change as an event (`priorAssigneeId`: the
//! agent the change took it from).
Result<Conversation> commit(Store &store, Conversation c, const QString &change,
                            const std::optional<Party> &by, qint64 priorAssigneeId = 0)
{
    c.updatedAt = store.now();
    if (auto updated = store.updateConversation(c); !updated)
        return storageFailed(updated.failure());
    Event e = Events::conversationUpdated(c, change, by, priorAssigneeId);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return c;
}

//! A live chat the viewer may steer: its customer, its assignee or a supervisor.
Result<Conversation> steerable(Store &store, const Viewer &viewer, qint64 id)
{
    auto c = DeskOperations::accessibleConversation(store, viewer, id);
    if (!c)
        return c;
    if (!c->isLive())
        return invalidState(QStringLiteral("This is not a live chat"));
    if (viewer.isStaff() && !isAssignee(viewer, c.value()) && !isSupervisor(viewer))
        return forbidden(QStringLiteral("Only the agent who has this chat or a supervisor may"));
    return c;
}

Failure supervisorsOnly()
{
    return forbidden(QStringLiteral("Only supervisors and admins may do this"));
}

} // namespace

Result<Conversation> assign(Store &store, qint64 conversationId, const Party &agent,
                            const std::optional<Party> &by)
{
    auto c = store.conversation(conversationId);
    if (!c)
        return c.isNotFound() ? notFound() : storageFailed(c.failure());
    if (c->liveState != LiveState::Queued)
        return Failure{ErrorCode::NotFound, QStringLiteral("This chat is no longer waiting")};
    c->liveState = LiveState::Active;
    c->assignee = agent;
    c->assignedAt = store.now();
    return commit(store, *c, Events::Change::Assigned, by);
}

Result<QList<Conversation>> requeue(Store &store, const QList<qint64> &ids, qint64 agentId)
{
    QList<Conversation> requeued;
    for (qint64 id : ids) {
        auto c = store.conversation(id);
        if (!c && !c.isNotFound())
            return storageFailed(c.failure());
        if (!c || c->liveState != LiveState::Active || !c->assignee || c->assignee->id != agentId)
            continue;
        c->liveState = LiveState::Queued;
        c->assignee.reset();
        c->assignedAt = QDateTime();
        auto saved = commit(store, *c, Events::Change::Requeued, std::nullopt, agentId);
        if (!saved)
            return saved.failure();
        requeued.append(saved.value());
    }
    return requeued;
}

Result<Conversation> end(Store &store, const Viewer &viewer, const Commands::ConversationRef &ref)
{
    auto loaded = steerable(store, viewer, ref.conversationId);
    if (!loaded)
        return loaded;
    Conversation c = loaded.value();
    if (c.liveState == LiveState::Ended)
        return c; // already over: nothing changes
    c.liveState = LiveState::Ended;
    c.status = ConversationStatus::Resolved;
    c.endedAt = store.now();
    // Resolved: its SLA clocks stop, and a chat reopened later resumes them from here.
    if (auto moved = SlaCalendar::statusChanged(store, c, c.endedAt); !moved)
        return moved.failure();
    return commit(store, c, Events::Change::Ended, viewer.party);
}

Result<Conversation> followup(Store &store, const Viewer &viewer,
                              const Commands::ConversationRef &ref)
{
    auto loaded = steerable(store, viewer, ref.conversationId);
    if (!loaded)
        return loaded;
    Conversation c = loaded.value();
    if (c.liveState == LiveState::Ended)
        return invalidState(QStringLiteral("This chat has ended"));
    c.mode = ConversationMode::Async;
    c.liveState = LiveState::None;
    return commit(store, c, Events::Change::Followup, viewer.party);
}

Result<QList<Conversation>> closeQueued(Store &store, const QList<qint64> &ids)
{
    const Party system{Party::Kind::System, 0, {}};
    QList<Conversation> closed;
    for (qint64 id : ids) {
        auto loaded = store.conversation(id);
        if (!loaded && loaded.isNotFound())
            continue;
        if (!loaded)
            return storageFailed(loaded.failure());
        Conversation c = loaded.value();
        if (!c.isLive() || c.liveState != LiveState::Queued)
            continue; // taken meanwhile: an agent still answers it live
        c.mode = ConversationMode::Async;
        c.liveState = LiveState::None;
        auto saved = commit(store, c, Events::Change::Followup, system);
        if (!saved)
            return saved.failure();
        closed.append(saved.value());
    }
    return closed;
}

Result<Conversation> transfer(Store &store, const Viewer &viewer, const Commands::Transfer &command,
                              const Party &target)
{
    if (!viewer.isStaff())
        return forbidden(QStringLiteral("Customers cannot transfer chats"));
    auto loaded = steerable(store, viewer, command.conversationId);
    if (!loaded)
        return loaded;
    Conversation c = loaded.value();
    if (c.liveState != LiveState::Active || !c.assignee)
        return invalidState(QStringLiteral("Only an active chat can be transferred"));
    if (c.assignee->id == target.id)
        return Failure{ErrorCode::Unavailable, QStringLiteral("The chat is already theirs")};
    const Party from = *c.assignee;
    c.assignee = target;
    c.assignedAt = store.now();
    auto saved = commit(store, c, Events::Change::Transferred, viewer.party, from.id);
    if (!saved)
        return saved;
    Event e = Events::conversationTransferred(saved.value(), from, target, command.note);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return saved;
}

Result<Conversation> rate(Store &store, const Viewer &viewer, const Commands::Rate &command)
{
    if (viewer.isStaff())
        return forbidden(QStringLiteral("Only the customer rates a chat"));
    auto loaded = DeskOperations::accessibleConversation(store, viewer, command.conversationId);
    if (!loaded)
        return loaded;
    Conversation c = loaded.value();
    if (!c.isLive() || c.liveState != LiveState::Ended)
        return invalidState(QStringLiteral("A chat can be rated once it has ended"));
    if (c.rating == command.rating)
        return c; // a retry
    c.rating = command.rating;
    return commit(store, c, Events::Change::Rated, viewer.party);
}

Result<Agent> updateAgent(Store &store, const Viewer &viewer, const Commands::UpdateAgent &command)
{
    if (!viewer.isStaff())
        return forbidden(QStringLiteral("Customers cannot change agents"));
    if ((command.capacity || command.asyncCapacity) && !isSupervisor(viewer))
        return forbidden(QStringLiteral("Only supervisors and admins set an agent's capacity"));
    if (command.agentId != viewer.party.id && !isSupervisor(viewer))
        return forbidden(QStringLiteral("Only supervisors change other agents' settings"));
    auto agent = store.agentById(command.agentId);
    if (!agent && !agent.isNotFound())
        return storageFailed(agent.failure());
    if (!agent || agent->disabled)
        return Failure{ErrorCode::NotFound, QStringLiteral("No such agent")};
    Agent changed = *agent;
    changed.capacity = command.capacity.value_or(agent->capacity);
    changed.autoAccept = command.autoAccept.value_or(agent->autoAccept);
    changed.asyncCapacity = command.asyncCapacity.value_or(agent->asyncCapacity);
    if (changed == *agent)
        return changed;
    if (auto set = store.setAgentSettings(changed); !set)
        return storageFailed(set.failure());
    Event e = Events::agentUpdated(changed);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return changed;
}

Result<CannedResponse> saveCanned(Store &store, const Viewer &viewer,
                                  const Commands::SaveCanned &command)
{
    if (!isSupervisor(viewer))
        return supervisorsOnly();
    CannedResponse canned{command.id.value_or(0), command.shortcut, command.text, store.now()};
    auto saved = store.saveCanned(canned);
    if (!saved) {
        switch (saved.error()) {
        case StoreError::Conflict:
            return Failure{ErrorCode::Conflict, QStringLiteral("That shortcut is already in use")};
        case StoreError::NotFound:
            return Failure{ErrorCode::NotFound, QStringLiteral("No such canned response")};
        default:
            return storageFailed(saved.failure());
        }
    }
    Event e = Events::cannedSaved(saved.value());
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return saved.value();
}

Result<Done> deleteCanned(Store &store, const Viewer &viewer, const Commands::DeleteCanned &command)
{
    if (!isSupervisor(viewer))
        return supervisorsOnly();
    if (auto deleted = store.deleteCanned(command.id); !deleted)
        return deleted.isNotFound()
                   ? Failure{ErrorCode::NotFound, QStringLiteral("No such canned response")}
                   : storageFailed(deleted.failure());
    Event e = Events::cannedDeleted(command.id);
    if (auto appended = store.appendEvent(e); !appended)
        return storageFailed(appended.failure());
    return Done{};
}

Result<RoutingState> loadRoutingState(Store &store, int handleTimeSamples)
{
    RoutingState s;
    auto live = store.liveConversations();
    if (!live)
        return storageFailed(live.failure());
    s.live = std::move(live.value());
    QList<qint64> ids;
    for (const Conversation &c : std::as_const(s.live))
        ids.append(c.id);
    auto last = store.lastMessages(ids);
    if (!last)
        return storageFailed(last.failure());
    for (auto it = last->cbegin(); it != last->cend(); ++it) {
        s.customerWaiting.insert(it.key(), it->author.kind == Party::Kind::Customer);
        // The offer's preview; after a restart the newest stands in for the first.
        s.firstMessages.insert(it.key(), it.value());
    }
    auto agents = store.agents(false);
    auto handleTimes = store.recentHandleTimesMs(handleTimeSamples);
    auto assignments = store.lastAssignments();
    if (!agents)
        return storageFailed(agents.failure());
    if (!handleTimes)
        return storageFailed(handleTimes.failure());
    if (!assignments)
        return storageFailed(assignments.failure());
    s.agents = std::move(agents.value());
    for (const Agent &agent : std::as_const(s.agents)) {
        auto inboxes = store.inboxesOf(agent.id);
        if (!inboxes)
            return storageFailed(inboxes.failure());
        s.inboxesOf.insert(agent.id, std::move(inboxes.value()));
    }
    s.handleTimesMs = std::move(handleTimes.value());
    s.lastAssignments = std::move(assignments.value());
    return s;
}

} // namespace Tandem::Server::LiveOperations
