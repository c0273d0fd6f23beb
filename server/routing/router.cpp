// SPDX-License-Identifier: GPL-3.0-or-later
#include "router.h"

#include "assignmentpolicy.h"
#include "liveoperations.h"
#include "routingoutput.h"

#include "logging/logging.h"
#include "platform/clock.h"
#include "protocol/wirecodec.h"
#include "scheduling/scheduler.h"
#include "store/storage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace Tandem::Server {
namespace {

QString frame(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool isOpenLive(const Conversation &c)
{
    return c.isLive() && (c.liveState == LiveState::Queued || c.liveState == LiveState::Active);
}

QString keyOf(qint64 id)
{
    return QString::number(id);
}

} // namespace

const QString Router::OfferTimeoutJob = QStringLiteral("offer.timeout");
const QString Router::GracePeriodJob = QStringLiteral("agent.grace");
const QString Router::DeclineHoldJob = QStringLiteral("offer.declined");

Router::Router(Storage &storage, Scheduler &scheduler, RoutingOutput &output, Settings settings,
               QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_scheduler(scheduler)
    , m_output(output)
    , m_settings(settings)
    , m_offers(scheduler, OfferTimeoutJob, settings.offerTimeout, DeclineHoldJob,
               settings.declineHold)
{
    // Supervisors see load change live, but not faster than people can read it.
    m_statsTimer.setInterval(1000);
    connect(&m_statsTimer, &QTimer::timeout, this, [this] {
        if (std::exchange(m_statsDirty, false))
            publishStats();
    });
    m_statsTimer.start();
}

Router::~Router()
{
    m_scheduler.removeHandler(GracePeriodJob);
}

void Router::start()
{
    m_storage.run(
        this,
        [](Store &store) {
            return LiveOperations::loadRoutingState(store, WaitEstimator::Samples);
        },
        [this](Result<LiveOperations::RoutingState> state) {
            if (!state) {
                qCWarning(lcHub) << "routing could not read the queue:" << state.failure().message;
                return;
            }
            load(state.value());
        });
}

void Router::load(const LiveOperations::RoutingState &state)
{
    m_inboxesOf = state.inboxesOf;
    for (const Agent &agent : state.agents)
        setAgent(agent);
    for (auto it = state.lastAssignments.cbegin(); it != state.lastAssignments.cend(); ++it)
        m_ledger.setLastAssigned(it.key(), it.value());
    m_estimator.setHandleTimes(state.handleTimesMs);
    for (const Conversation &c : state.live) {
        apply(c);
        if (m_chats.contains(c.id)) {
            Chat &chat = m_chats[c.id];
            chat.customerWaiting = state.customerWaiting.value(c.id, false);
            if (state.firstMessages.contains(c.id))
                chat.preview = state.firstMessages.value(c.id);
        }
    }
    m_ready = true;
    for (const Event &e : std::exchange(m_early, {}))
        applyEvent(e);
    // Nobody is connected yet: whoever had chats gets the grace period to come back, or
    // what was left of it when the server stopped.
    for (const CapacityLedger::Entry *agent : m_ledger.entries()) {
        if (agent->held > 0 && agent->connections == 0
            && !m_scheduler.find(GracePeriodJob, keyOf(agent->agent.id)))
            startGrace(agent->agent.id);
    }
    m_offers.setTimeoutHandler(
        [this](qint64 conversationId, quint64 serial) { expire(conversationId, serial); });
    m_offers.setHoldEndedHandler([this](qint64) { scheduleDispatch(); });
    m_scheduler.setHandler(GracePeriodJob,
                           [this](const Scheduler::Job &job) { graceOver(job.key.toLongLong()); });
    qCInfo(lcHub) << "routing:" << queueLength() << "chats waiting,"
                  << m_chats.size() - queueLength() << "active";
    scheduleDispatch();
}

void Router::observe(const QList<Event> &events)
{
    for (const Event &e : events) {
        if (!m_ready)
            m_early.append(e);
        else
            applyEvent(e);
    }
}

void Router::applyEvent(const Event &event)
{
    // Committed events carry their subject as domain values: nothing is decoded here.
    if (!event.subject)
        return;
    const EventSubject &about = *event.subject;
    const QString &kind = event.kind;
    if (kind == EventKind::ConversationCreated || kind == EventKind::ConversationUpdated) {
        if (about.conversation)
            apply(*about.conversation);
    } else if (kind == EventKind::MessageCreated) {
        if (!about.message || about.message->isStaffOnly())
            return; // a note or a line of the timeline says nothing of who is waiting
        const auto chat = m_chats.find(about.message->conversationId);
        if (chat == m_chats.end())
            return; // most messages belong to no waiting or active live chat
        chat->customerWaiting = about.message->author.kind == Party::Kind::Customer;
        if (!chat->preview)
            chat->preview = *about.message;
    } else if (kind == EventKind::AgentPresence) {
        const CapacityLedger::Entry *known = m_ledger.find(about.agentId);
        if (about.presence && known) {
            Agent agent = known->agent;
            agent.presence = *about.presence;
            setAgent(agent);
        }
    } else if (kind == EventKind::AgentUpdated) {
        if (about.agent)
            setAgent(*about.agent);
    }
    if (!about.access.isEmpty()) { // teams or inboxes changed
        for (auto it = about.access.cbegin(); it != about.access.cend(); ++it)
            m_inboxesOf.insert(it.key(), it.value());
        scheduleDispatch();
    }
}

QList<std::pair<Agent, QSet<qint64>>> Router::eligibleAgents() const
{
    QList<std::pair<Agent, QSet<qint64>>> agents;
    for (const CapacityLedger::Entry *entry : m_ledger.entries())
        if (m_ledger.eligible(*entry))
            agents.append({entry->agent, m_inboxesOf.value(entry->agent.id)});
    return agents;
}

bool Router::mayTake(qint64 agentId, const Chat &chat) const
{
    return mayTake(agentId, chat.conversation.inboxId);
}

bool Router::mayTake(qint64 agentId, qint64 inboxId) const
{
    const CapacityLedger::Entry *entry = m_ledger.find(agentId);
    if (!entry)
        return false;
    return entry->agent.role != Role::Agent || m_inboxesOf.value(agentId).contains(inboxId);
}

void Router::setAgent(const Agent &agent)
{
    m_ledger.setAgent(agent); // keeps a known email: the wire form of an agent has none
    if (!m_ledger.eligible(agent.id))
        withdrawOffersOf(agent.id);
    m_statsDirty = true;
    scheduleDispatch();
}

void Router::apply(const Conversation &c)
{
    const auto old = m_chats.constFind(c.id);
    const bool wasActive =
        old != m_chats.cend() && old->conversation.liveState == LiveState::Active;
    const qint64 oldAssignee =
        wasActive && old->conversation.assignee ? old->conversation.assignee->id : 0;
    const bool nowActive = isOpenLive(c) && c.liveState == LiveState::Active && c.assignee;
    const qint64 newAssignee = nowActive ? c.assignee->id : 0;

    if (oldAssignee != newAssignee) {
        if (oldAssignee)
            m_ledger.release(oldAssignee);
        if (newAssignee)
            m_ledger.hold(newAssignee, c.assignedAt);
    }

    if (isOpenLive(c)) {
        Chat &chat = m_chats[c.id];
        chat.id = c.id;
        chat.customerId = c.customer.id;
        chat.conversation = c;
        if (c.liveState == LiveState::Active && m_offers.contains(c.id)) {
            const bool theirs = m_offers.find(c.id)->agentId == newAssignee;
            endOffer(c.id, theirs ? QStringLiteral("accepted") : QStringLiteral("withdrawn"),
                     false);
        }
        if (c.liveState == LiveState::Active) {
            m_offers.forget(c.id);
            m_lastQueueFrame.remove(c.id);
        }
    } else {
        if (wasActive && c.endedAt.isValid() && old->conversation.assignedAt.isValid())
            m_estimator.addHandleTime(old->conversation.assignedAt.msecsTo(c.endedAt));
        if (m_offers.contains(c.id))
            endOffer(c.id, QStringLiteral("withdrawn"), false);
        m_chats.remove(c.id);
        m_offers.forget(c.id);
        m_lastQueueFrame.remove(c.id);
    }
    m_statsDirty = true;
    scheduleDispatch();
}

void Router::agentConnected(const Agent &agent, const QSet<qint64> &inboxes)
{
    m_inboxesOf.insert(agent.id, inboxes); // an agent added since the routing started
    if (!m_ledger.contains(agent.id))
        setAgent(agent);
    m_ledger.addConnection(agent.id);
    m_scheduler.cancel(GracePeriodJob, keyOf(agent.id)); // back in time: nothing is re-queued
    m_statsDirty = true;
    scheduleDispatch();
}

void Router::agentDisconnected(qint64 agentId)
{
    const CapacityLedger::Entry *entry = m_ledger.find(agentId);
    if (!entry || entry->connections == 0)
        return; // not one of theirs: a grace period already running must not move
    if (m_ledger.dropConnection(agentId) == 0) {
        withdrawOffersOf(agentId);
        startGrace(agentId);
    }
    m_statsDirty = true;
    scheduleDispatch();
}

void Router::startGrace(qint64 agentId)
{
    m_scheduler.schedule({GracePeriodJob,
                          keyOf(agentId),
                          m_scheduler.clock().now().addMSecs(m_settings.gracePeriod.count()),
                          {}});
}

void Router::graceOver(qint64 agentId)
{
    const CapacityLedger::Entry *agent = m_ledger.find(agentId);
    if (!agent || agent->connections > 0)
        return;
    QList<qint64> waiting;
    for (const Chat &chat : std::as_const(m_chats)) {
        const Conversation &c = chat.conversation;
        if (c.liveState == LiveState::Active && c.assignee && c.assignee->id == agentId
            && chat.customerWaiting)
            waiting.append(chat.id);
    }
    if (waiting.isEmpty())
        return;
    qCInfo(lcHub) << "agent" << agentId << "did not come back: re-queueing" << waiting.size()
                  << "chats";
    m_storage.run(
        this,
        [waiting, agentId](Store &store) {
            return LiveOperations::requeue(store, waiting, agentId);
        },
        [this](Result<QList<Conversation>> requeued) {
            if (!requeued)
                return;
            for (const Conversation &c : requeued.value())
                apply(c);
        });
}

std::optional<qint64> Router::pick(qint64 conversationId)
{
    const auto chat = m_chats.constFind(conversationId);
    if (chat == m_chats.cend())
        return std::nullopt;
    const AssignmentPolicy::Choice choice = AssignmentPolicy::choose(
        m_ledger, m_offers.passed(conversationId), m_offers.heldOff(conversationId),
        [this, &chat](qint64 agentId) { return mayTake(agentId, *chat); });
    if (choice.roundRestarted)
        m_offers.forgetPassed(conversationId);
    return choice.agentId;
}

QList<const Router::Chat *> Router::queue() const
{
    QList<const Chat *> waiting;
    for (const Chat &chat : m_chats) {
        if (chat.conversation.liveState == LiveState::Queued)
            waiting.append(&chat);
    }
    std::sort(waiting.begin(), waiting.end(), [](const Chat *a, const Chat *b) {
        const Conversation &x = a->conversation;
        const Conversation &y = b->conversation;
        if (x.priority != y.priority)
            return x.priority > y.priority;
        if (x.queuedAt != y.queuedAt)
            return x.queuedAt < y.queuedAt;
        return x.id < y.id;
    });
    return waiting;
}

int Router::queueLength() const
{
    int n = 0;
    for (const Chat &chat : m_chats)
        n += chat.conversation.liveState == LiveState::Queued ? 1 : 0;
    return n;
}

void Router::scheduleDispatch()
{
    if (!m_ready || std::exchange(m_dispatchQueued, true))
        return;
    // Many changes often arrive together (a batch of events): route once for all of them.
    QMetaObject::invokeMethod(this, &Router::dispatch, Qt::QueuedConnection);
}

void Router::dispatch()
{
    m_dispatchQueued = false;
    const QList<const Chat *> waiting = queue();
    for (const Chat *chat : waiting) {
        if (m_offers.contains(chat->id))
            continue;
        const std::optional<qint64> agentId = pick(chat->id);
        if (!agentId)
            continue; // others may still fit: some agents may have passed on this one only
        const Agent agent = m_ledger.find(*agentId)->agent;
        if (agent.autoAccept)
            autoAssign(*chat, agent);
        else
            offer(*chat, agent);
    }
    publishQueue(waiting);
    m_statsDirty = true;
}

void Router::offer(const Chat &chat, const Agent &agent)
{
    const OfferBook::Offer &offer = m_offers.open(chat.id, agent.id);
    m_ledger.reserve(agent.id);
    m_output.sendToAgent(agent.id, offerFrame(chat.id, offer));
}

QString Router::offerFrame(qint64 conversationId, const OfferBook::Offer &offer) const
{
    const Chat chat = m_chats.value(conversationId);
    QJsonObject json{{QStringLiteral("type"), QStringLiteral("offer")},
                     {QStringLiteral("conversation"), Wire::encode(chat.conversation)},
                     {QStringLiteral("expiresAt"), Wire::timeToString(offer.expiresAt)},
                     {QStringLiteral("timeoutMs"),
                      std::max<qint64>(0, m_scheduler.clock().now().msecsTo(offer.expiresAt))}};
    if (chat.preview)
        json.insert(QStringLiteral("message"), Wire::encode(*chat.preview));
    return frame(json);
}

void Router::autoAssign(const Chat &chat, const Agent &agent)
{
    // Held like an accepted offer until committed, so the slot is not given twice.
    m_offers.hold(chat.id, agent.id);
    m_ledger.reserve(agent.id);
    const qint64 id = chat.id;
    const Party party{Party::Kind::Agent, agent.id, agent.name};
    m_storage.run(
        this,
        [id, party](Store &store) {
            return LiveOperations::assign(store, id, party, std::nullopt);
        },
        [this, id](Result<Conversation> result) { finishAccept(id, result); });
}

bool Router::beginAccept(qint64 conversationId, qint64 agentId)
{
    return m_offers.beginAccept(conversationId, agentId);
}

void Router::finishAccept(qint64 conversationId, const Result<Conversation> &result)
{
    if (result) {
        apply(result.value()); // ends the offer as accepted
        return;
    }
    // The agent counts as having passed, so a failure that repeats (the store refusing an
    // auto-assignment) moves on to the next agent instead of retrying the same one.
    if (m_offers.contains(conversationId))
        endOffer(conversationId, QStringLiteral("withdrawn"), true);
    scheduleDispatch();
}

bool Router::decline(qint64 conversationId, qint64 agentId)
{
    if (!m_offers.isOpenFor(conversationId, agentId))
        return false;
    // Offered straight back, a declined chat would come to the same agent again whenever
    // nobody else is free: it waits for someone else, or for the hold to end.
    m_offers.holdOff(conversationId, agentId);
    endOffer(conversationId, QStringLiteral("declined"), true);
    return true;
}

void Router::expire(qint64 conversationId, quint64 serial)
{
    if (!m_offers.isCurrent(conversationId, serial))
        return;
    endOffer(conversationId, QStringLiteral("expired"), true);
}

void Router::endOffer(qint64 conversationId, const QString &reason, bool passed)
{
    const OfferBook::Offer offer = m_offers.close(conversationId, passed);
    m_ledger.unreserve(offer.agentId);
    if (offer.expiresAt.isValid()) // auto-assignments were never announced
        m_output.sendToAgent(offer.agentId,
                             frame({{QStringLiteral("type"), QStringLiteral("offer.ended")},
                                    {QStringLiteral("conversation"), conversationId},
                                    {QStringLiteral("reason"), reason}}));
    m_statsDirty = true;
    scheduleDispatch();
}

void Router::withdrawOffersOf(qint64 agentId)
{
    for (qint64 id : m_offers.openOffersTo(agentId))
        endOffer(id, QStringLiteral("withdrawn"), false);
}

QString Router::queueFrame(const Chat &chat, int position, const Room &room) const
{
    // Chats already offered hold a slot; those behind them queue for the rest.
    int wait = m_offers.contains(chat.id)
                   ? 0
                   : m_estimator.expectedWaitSeconds(position, room.freeSlots, room.capacity);
    // Everyone who could take it now declined it a moment ago: say so by the wait, which
    // lasts at least until the first of them may be asked again.
    bool busy = false;
    const QDateTime holdEnds = m_offers.firstHoldEnds(chat.id);
    if (!m_offers.contains(chat.id) && holdEnds.isValid()
        && !AssignmentPolicy::choose(
                m_ledger, {}, m_offers.heldOff(chat.id),
                [this, &chat](qint64 agentId) { return mayTake(agentId, chat); })
                .agentId) {
        busy = true;
        const qint64 ms = m_scheduler.clock().now().msecsTo(holdEnds);
        wait = std::max(wait, int((ms + 999) / 1000));
    }
    return frame({{QStringLiteral("type"), QStringLiteral("queue")},
                  {QStringLiteral("conversation"), chat.id},
                  {QStringLiteral("position"), position},
                  {QStringLiteral("expectedWaitSeconds"), std::max(0, wait)},
                  {QStringLiteral("agentsAvailable"), room.capacity > 0},
                  {QStringLiteral("agentsBusy"), busy}});
}

void Router::publishQueue(const QList<const Chat *> &waiting)
{
    // Each customer hears of their own team's queue: the chats of the same inbox ahead of
    // theirs, and the room of the agents who may take it.
    QHash<qint64, int> positions; // by inbox
    QHash<qint64, Room> rooms;    // by inbox
    for (const Chat *chat : waiting) {
        const qint64 inbox = chat->conversation.inboxId;
        if (!rooms.contains(inbox))
            rooms.insert(inbox, m_ledger.room([this, chat](qint64 agentId) {
                return mayTake(agentId, *chat);
            }));
        const QString f = queueFrame(*chat, ++positions[inbox], rooms.value(inbox));
        QString &last = m_lastQueueFrame[chat->id];
        if (f != last) {
            last = f;
            m_output.sendToCustomer(chat->customerId, f);
        }
    }
}

QJsonObject Router::statsJson() const
{
    const QList<const Chat *> waiting = queue();
    const QDateTime now = m_scheduler.clock().now();
    qint64 longest = 0;
    for (const Chat *chat : waiting) {
        if (chat->conversation.queuedAt.isValid())
            longest = std::max(longest, chat->conversation.queuedAt.secsTo(now));
    }
    QJsonArray list;
    for (const CapacityLedger::Entry *agent : m_ledger.entries()) {
        list.append(QJsonObject{{QStringLiteral("id"), agent->agent.id},
                                {QStringLiteral("presence"), presenceName(agent->agent.presence)},
                                {QStringLiteral("connected"), agent->connections > 0},
                                {QStringLiteral("active"), agent->held},
                                {QStringLiteral("capacity"), m_ledger.capacity(*agent)},
                                {QStringLiteral("offers"), agent->reserved}});
    }
    const Room free = m_ledger.room();
    const int expected =
        m_estimator.expectedWaitSeconds(int(waiting.size()) + 1, free.freeSlots, free.capacity);
    return {{QStringLiteral("type"), QStringLiteral("queue.stats")},
            {QStringLiteral("waiting"), int(waiting.size())},
            {QStringLiteral("longestWaitSeconds"), longest},
            {QStringLiteral("expectedWaitSeconds"), std::max(0, expected)},
            {QStringLiteral("agents"), list}};
}

void Router::publishStats()
{
    const QString f = frame(statsJson());
    if (f == m_lastStats)
        return;
    m_lastStats = f;
    m_output.sendToStaff(f);
}

QStringList Router::welcomeFramesForAgent(qint64 agentId) const
{
    QStringList frames{frame(statsJson())};
    for (qint64 conversationId : m_offers.openOffersTo(agentId)) {
        const OfferBook::Offer *offer = m_offers.find(conversationId);
        // Auto-assignments (no expiry) were never announced.
        if (offer->expiresAt.isValid())
            frames.append(offerFrame(conversationId, *offer));
    }
    return frames;
}

QStringList Router::welcomeFramesForCustomer(qint64 customerId) const
{
    QStringList frames;
    QHash<qint64, int> positions; // by inbox, as publishQueue counts them
    for (const Chat *chat : queue()) {
        const int position = ++positions[chat->conversation.inboxId];
        if (chat->customerId == customerId)
            frames.append(queueFrame(*chat, position, m_ledger.room([this, chat](qint64 agentId) {
                return mayTake(agentId, *chat);
            })));
    }
    return frames;
}

std::optional<Failure> Router::checkAvailable(qint64 agentId, QString *name) const
{
    const CapacityLedger::Entry *agent = m_ledger.find(agentId);
    if (!agent)
        return Failure{ErrorCode::NotFound, QStringLiteral("No such agent")};
    if (!m_ledger.available(*agent))
        return Failure{
            ErrorCode::Unavailable,
            QStringLiteral("%1 is not online or has no free slot").arg(agent->agent.name)};
    if (name)
        *name = agent->agent.name;
    return std::nullopt;
}

QList<qint64> Router::queuedIn(const QSet<qint64> &inboxes) const
{
    QList<qint64> ids;
    for (const Chat &chat : m_chats)
        if (chat.conversation.liveState == LiveState::Queued
            && inboxes.contains(chat.conversation.inboxId))
            ids.append(chat.id);
    return ids;
}

QJsonObject Router::availability(std::optional<qint64> inboxId) const
{
    // With an inbox: its team's room, behind its own queue; without: everyone's.
    const Room now =
        inboxId
            ? m_ledger.room([this, inboxId](qint64 agentId) { return mayTake(agentId, *inboxId); })
            : m_ledger.room();
    int ahead = inboxId ? 0 : queueLength(); // every customer's hello asks: no sort for it
    if (inboxId)
        for (const Chat &chat : m_chats)
            ahead += chat.conversation.liveState == LiveState::Queued
                             && chat.conversation.inboxId == *inboxId
                         ? 1
                         : 0;
    const int wait = m_estimator.expectedWaitSeconds(ahead + 1, now.freeSlots, now.capacity);
    return {{QStringLiteral("available"), now.capacity > 0},
            {QStringLiteral("expectedWaitSeconds"), std::max(0, wait)}};
}

} // namespace Tandem::Server
