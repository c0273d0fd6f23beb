// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoassigner.h"

#include "assignoperations.h"
#include "logging/logging.h"
#include "routing/router.h"
#include "store/storage.h"

#include <QTimer>

namespace Tandem::Server {
namespace {

//! Whether the event may bring a conversation to assign or free someone's room.
bool mayMatter(const Event &e)
{
    if (e.kind == EventKind::ConversationCreated || e.kind == EventKind::ConversationUpdated) {
        const auto &c = e.subject ? e.subject->conversation : std::nullopt;
        return !c || !c->isLive() || c->liveState == LiveState::Ended;
    }
    return e.kind == EventKind::AgentPresence || e.kind == EventKind::AgentUpdated
           || e.kind == EventKind::TeamSaved || e.kind == EventKind::InboxSaved;
}

} // namespace

AutoAssigner::AutoAssigner(Storage &storage, const Router &router, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_router(router)
{
}

void AutoAssigner::observe(const QList<Event> &events)
{
    for (const Event &e : events) {
        if (mayMatter(e)) {
            wake();
            return;
        }
    }
}

void AutoAssigner::wake()
{
    if (m_running) {
        m_again = true;
        return;
    }
    if (m_queued)
        return;
    m_queued = true;
    // After the event loop turn: the router has taken in the same events by then.
    QTimer::singleShot(0, this, &AutoAssigner::pass);
}

void AutoAssigner::pass()
{
    m_queued = false;
    QList<AssignOperations::Candidate> candidates;
    for (const auto &[agent, inboxes] : m_router.eligibleAgents())
        if (!inboxes.isEmpty() && agent.asyncCapacity > 0)
            candidates.append({agent, inboxes});
    if (candidates.isEmpty())
        return; // nobody to give anything to: nothing to read either
    m_running = true;
    m_storage.run(
        this,
        [candidates](Store &store) {
            return AssignOperations::assignWaiting(store, candidates, PassLimit);
        },
        [this](const Result<QList<Conversation>> &assigned) {
            m_running = false;
            if (!assigned)
                qCWarning(lcHub) << "automatic assignment failed:" << assigned.failure().message;
            else if (!assigned->isEmpty())
                qCDebug(lcHub) << "assigned" << assigned->size() << "waiting conversations";
            // Its own events come back through observe() and ask again; a full pass that
            // assigned nothing does not (nothing it could do changed).
            if (std::exchange(m_again, false))
                wake();
        });
}

} // namespace Tandem::Server
