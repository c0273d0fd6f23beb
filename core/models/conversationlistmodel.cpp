// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationlistmodel.h"

#include <algorithm>

namespace Tandem {

bool ConversationListModel::before(const ConversationSummary &a, const ConversationSummary &b) const
{
    if (m_order == Order::SlaDue) {
        const SlaBoard::Row aSla = m_slaRows.value(a.id);
        const SlaBoard::Row bSla = m_slaRows.value(b.id);
        if (aSla.clock.owed != bSla.clock.owed)
            return aSla.clock.owed;
        // A paused clock cannot run out while it waits on the customer: the running first.
        const bool aPaused = !aSla.clock.due.isValid();
        const bool bPaused = !bSla.clock.due.isValid();
        if (aSla.clock.owed && aPaused != bPaused)
            return bPaused;
        if (aSla.clock.owed && aSla.clock.remainingSeconds() != bSla.clock.remainingSeconds())
            return aSla.clock.remainingSeconds() < bSla.clock.remainingSeconds();
    }
    if (m_order == Order::LongestWaiting) {
        // Customers waiting for an answer first, the one waiting since longest on top.
        const QDateTime aSince = roleData(a, WaitingSinceRole).toDateTime();
        const QDateTime bSince = roleData(b, WaitingSinceRole).toDateTime();
        if (aSince.isValid() != bSince.isValid())
            return aSince.isValid();
        if (aSince.isValid() && aSince != bSince)
            return aSince < bSince;
    }
    // Newest activity first; the id breaks ties so the order is total.
    if (a.updatedAt != b.updatedAt)
        return a.updatedAt > b.updatedAt;
    return a.id > b.id;
}

bool ConversationListModel::Narrowing::admits(const ConversationSummary &s) const
{
    return (inboxId == 0 || s.inboxId == inboxId) && (channel.isEmpty() || s.channel == channel)
           && (labelId == 0 || s.labels.contains(labelId))
           && (priority < 0 || s.priority == priority) && (status.isEmpty() || s.status == status);
}

ConversationListModel::ConversationListModel(LocalCache &cache, QObject *parent,
                                             bool readRestAtOnce)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &LocalCache::applied, this,
            [this](qint64, const QSet<qint64> &ids, bool) { update(ids); });
    // A reset (a snapshot) is followed by conversationsRead.
    connect(&m_cache, &LocalCache::conversationsRead, this, &ConversationListModel::replaceAll);
    // The newest page paints at once; the rest (and the counts) follow from the cache's
    // thread, so a long inbox does not hold up the window.
    const QList<ConversationSummary> newest = m_cache.conversations(FirstPage);
    for (const ConversationSummary &summary : newest)
        m_all.insert(summary.id, summary);
    m_complete = newest.size() < FirstPage;
    if (readRestAtOnce)
        readRest();
    refilter();
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role >= SlaKindRole && role <= SlaAtRiskRole)
        return slaData(m_rows.at(index.row()).id, role);
    return roleData(m_rows.at(index.row()), role);
}

QVariant ConversationListModel::slaData(qint64 id, int role) const
{
    const auto row = m_slaRows.constFind(id);
    if (row == m_slaRows.cend() || !row->clock.owed)
        return role == SlaAtRiskRole ? QVariant(false) : QVariant();
    const SlaClock &clock = row->clock;
    switch (role) {
    case SlaKindRole:
        return clock.kind == SlaClock::Kind::FirstReply  ? QStringLiteral("first_reply")
               : clock.kind == SlaClock::Kind::NextReply ? QStringLiteral("next_reply")
                                                         : QStringLiteral("resolution");
    case SlaStateRole:
        return clock.state == SlaClock::State::Breached ? QStringLiteral("breached")
               : clock.state == SlaClock::State::Paused ? QStringLiteral("paused")
                                                        : QStringLiteral("running");
    case SlaRemainingRole:
        return clock.remainingSeconds();
    case SlaDueRole:
        return clock.due;
    case SlaAtRiskRole:
        return row->atRisk;
    }
    return {};
}

QList<ConversationListModel::SlaAlert> ConversationListModel::slaAlerts(qint64 assignee) const
{
    QList<SlaAlert> alerts;
    for (auto it = m_slaRows.cbegin(); it != m_slaRows.cend(); ++it) {
        const auto summary = m_all.constFind(it.key());
        // Paused, the clock waits on the customer: nothing for staff to hurry.
        if (!it->atRisk || summary == m_all.cend() || summary->sla.pausedSince.isValid()
            || summary->status == ConversationStatus::Resolved
            || (assignee && summary->assigneeId != assignee))
            continue;
        alerts.append(
            {it.key(), summary->customerName, it->clock.state == SlaClock::State::Breached});
    }
    std::sort(alerts.begin(), alerts.end(),
              [](const SlaAlert &a, const SlaAlert &b) { return a.id < b.id; });
    return alerts;
}

ConversationListModel::PromiseTally ConversationListModel::promises(const QDateTime &since,
                                                                    const QDateTime &now) const
{
    PromiseTally tally;
    for (const ConversationSummary &s : m_all) {
        // A promise still running is neither kept nor broken yet, unless answered already.
        if (!s.promisedBy.isValid() || s.promisedBy < since || s.mergedInto)
            continue;
        const bool answered = s.promiseAnsweredAt.isValid();
        if (!answered && s.promisedBy >= now)
            continue;
        ++tally.due;
        tally.kept += answered && s.promiseAnsweredAt <= s.promisedBy;
    }
    return tally;
}

QHash<qint64, SlaBoard::Row> ConversationListModel::slaRows() const
{
    QHash<qint64, SlaBoard::Row> rows;
    if (!m_sla.isEmpty())
        for (const ConversationSummary &summary : std::as_const(m_all))
            if (const SlaBoard::Row row = m_sla.rowOf(summary); row.clock.owed)
                rows.insert(summary.id, row);
    return rows;
}

void ConversationListModel::setSlaTerms(const QList<Team> &teams, const QList<Inbox> &inboxes)
{
    m_sla.setTerms(teams, inboxes);
    m_slaRows = slaRows();
    refilter();
}

void ConversationListModel::setSlaNow(const QDateTime &now)
{
    m_sla.setNow(now);
    if (m_sla.isEmpty() && m_slaRows.isEmpty())
        return;
    // Time moves every clock: when one moves in or out of risk, or the order follows them,
    // the rows are picked again; otherwise only what they show changes.
    QHash<qint64, SlaBoard::Row> fresh = slaRows();
    const bool moved = std::any_of(m_all.cbegin(), m_all.cend(), [&](const auto &summary) {
        return fresh.value(summary.id).atRisk != m_slaRows.value(summary.id).atRisk;
    });
    m_slaRows = std::move(fresh);
    if (moved || m_order == Order::SlaDue) {
        refilter();
        Q_EMIT slaMoved();
        return;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           {SlaStateRole, SlaRemainingRole, SlaDueRole});
    Q_EMIT slaMoved();
}

QVariant ConversationListModel::roleData(const ConversationSummary &c, int role)
{
    switch (role) {
    case Qt::DisplayRole:
    case CustomerNameRole:
        return c.customerName;
    case Qt::ToolTipRole:
    case LastTextRole:
        return c.lastText;
    case IdRole:
        return c.id;
    case ChannelRole:
        return c.channel;
    case StatusRole:
        return c.status;
    case UpdatedAtRole:
        return c.updatedAt;
    case LastAuthorIsCustomerRole:
        return c.lastAuthorKind == Party::Kind::Customer;
    case UnreadRole:
        return c.unread;
    case ModeRole:
        return modeName(c.mode);
    case LiveStateRole:
        return liveStateName(c.liveState);
    case AssigneeIdRole:
        return c.assigneeId;
    case AssigneeNameRole:
        return c.assigneeName;
    case PriorityRole:
        return c.priority;
    case QueuedAtRole:
        return c.queuedAt;
    case AssignedAtRole:
        return c.assignedAt;
    case EndedAtRole:
        return c.endedAt;
    case WaitingSinceRole:
        return c.customerWaiting() ? (c.lastMessageAt.isValid() ? c.lastMessageAt : c.updatedAt)
                                   : QDateTime();
    case RatingRole:
        return c.ratingScore;
    case InboxIdRole:
        return c.inboxId;
    case SnoozedUntilRole:
        return c.snoozedUntil;
    case WokeBecauseRole:
        return c.wokeBecause;
    case PendingActionsRole:
        return c.pendingActions;
    case MentionUnreadRole:
        return c.mentionUnread;
    case LabelsRole: {
        QVariantList ids;
        for (qint64 id : c.labels)
            ids.append(id);
        return ids;
    }
    default:
        return {};
    }
}

QList<int> ConversationListModel::changedRoles(const ConversationSummary &old,
                                               const ConversationSummary &summary)
{
    QList<int> roles;
    if (old.customerName != summary.customerName)
        roles << Qt::DisplayRole << CustomerNameRole;
    if (old.lastText != summary.lastText)
        roles << LastTextRole << Qt::ToolTipRole << LastAuthorIsCustomerRole;
    if (old.unread != summary.unread)
        roles << UnreadRole;
    if (old.updatedAt != summary.updatedAt)
        roles << UpdatedAtRole;
    if (old.status != summary.status)
        roles << StatusRole;
    if (old.channel != summary.channel)
        roles << ChannelRole;
    if (old.mode != summary.mode)
        roles << ModeRole;
    if (old.liveState != summary.liveState)
        roles << LiveStateRole;
    if (old.assigneeId != summary.assigneeId || old.assigneeName != summary.assigneeName)
        roles << AssigneeIdRole << AssigneeNameRole;
    if (old.priority != summary.priority)
        roles << PriorityRole;
    if (old.queuedAt != summary.queuedAt)
        roles << QueuedAtRole;
    if (old.assignedAt != summary.assignedAt)
        roles << AssignedAtRole;
    if (old.endedAt != summary.endedAt)
        roles << EndedAtRole;
    if (roleData(old, WaitingSinceRole) != roleData(summary, WaitingSinceRole))
        roles << WaitingSinceRole;
    if (old.ratingScore != summary.ratingScore)
        roles << RatingRole;
    if (old.inboxId != summary.inboxId)
        roles << InboxIdRole;
    if (old.snoozedUntil != summary.snoozedUntil)
        roles << SnoozedUntilRole;
    if (old.wokeBecause != summary.wokeBecause)
        roles << WokeBecauseRole;
    if (old.labels != summary.labels)
        roles << LabelsRole;
    if (old.mentionUnread != summary.mentionUnread)
        roles << MentionUnreadRole;
    if (old.pendingActions != summary.pendingActions)
        roles << PendingActionsRole;
    if (!(old.sla == summary.sla) || old.status != summary.status
        || old.priority != summary.priority || old.firstReplyAt != summary.firstReplyAt)
        roles << SlaKindRole << SlaStateRole << SlaRemainingRole << SlaDueRole << SlaAtRiskRole;
    return roles;
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return conversationRoleNames();
}

QHash<int, QByteArray> ConversationListModel::conversationRoleNames()
{
    return {{IdRole, "conversationId"},
            {CustomerNameRole, "customerName"},
            {ChannelRole, "channel"},
            {StatusRole, "status"},
            {UpdatedAtRole, "updatedAt"},
            {LastTextRole, "lastText"},
            {LastAuthorIsCustomerRole, "lastAuthorIsCustomer"},
            {UnreadRole, "unread"},
            {ModeRole, "mode"},
            {LiveStateRole, "liveState"},
            {AssigneeIdRole, "assigneeId"},
            {AssigneeNameRole, "assigneeName"},
            {PriorityRole, "priority"},
            {QueuedAtRole, "queuedAt"},
            {AssignedAtRole, "assignedAt"},
            {EndedAtRole, "endedAt"},
            {WaitingSinceRole, "waitingSince"},
            {RatingRole, "rating"},
            {InboxIdRole, "inbox"},
            {SnoozedUntilRole, "snoozedUntil"},
            {WokeBecauseRole, "wokeBecause"},
            {LabelsRole, "labels"},
            {MentionUnreadRole, "mentionUnread"},
            {PendingActionsRole, "pendingActions"},
            {SlaKindRole, "slaKind"},
            {SlaStateRole, "slaState"},
            {SlaRemainingRole, "slaRemaining"},
            {SlaDueRole, "slaDue"},
            {SlaAtRiskRole, "slaAtRisk"}};
}

bool ConversationListModel::inView(View view, const ConversationSummary &s) const
{
    const qint64 ownAgent = m_ownAgent;
    if (s.mergedInto != 0)
        return false; // its messages are in the one it went into

    const bool resolved = s.status == ConversationStatus::Resolved;
    switch (view) {
    case View::Mine:
        return ownAgent != 0 && s.assigneeId == ownAgent
               && (s.status == ConversationStatus::Open || s.status == ConversationStatus::Pending);
    case View::Unassigned:
        return s.assigneeId == 0 && s.status == ConversationStatus::Open;
    case View::All:
        return !resolved;
    case View::Snoozed:
        return s.status == ConversationStatus::Snoozed;
    case View::Resolved:
        return resolved;
    case View::Mentions:
        return s.mentioned != 0;
    case View::MyTeams:
        return !resolved && m_ownInboxes.contains(s.inboxId);
    case View::SlaAtRisk:
        return !resolved && m_slaRows.value(s.id).atRisk;
    }
    return false;
}

bool ConversationListModel::matches(const ConversationSummary &summary) const
{
    if (!inView(m_view, summary) || !m_narrowing.admits(summary))
        return false;
    return m_filter.isEmpty() || summary.customerName.contains(m_filter, Qt::CaseInsensitive)
           || summary.lastText.contains(m_filter, Qt::CaseInsensitive);
}

void ConversationListModel::setView(View view)
{
    if (view == m_view)
        return;
    m_view = view;
    refilter();
}

void ConversationListModel::setOwnInboxes(const QSet<qint64> &inboxes)
{
    if (inboxes == m_ownInboxes)
        return;
    m_ownInboxes = inboxes;
    refilter();
}

void ConversationListModel::setNarrowing(const Narrowing &narrowing)
{
    if (narrowing == m_narrowing)
        return;
    m_narrowing = narrowing;
    refilter();
}

void ConversationListModel::setOrder(Order order)
{
    if (order == m_order)
        return;
    m_order = order;
    refilter();
}

void ConversationListModel::setOwnAgent(qint64 agentId)
{
    if (agentId == m_ownAgent)
        return;
    m_ownAgent = agentId;
    refilter();
}

void ConversationListModel::count(const ConversationSummary &summary, int sign)
{
    const bool liveUnderWay =
        summary.liveState == LiveState::Queued || summary.liveState == LiveState::Active;
    const int unread = liveUnderWay ? 0 : summary.unread;
    for (int v = 0; v < ViewCount; ++v) {
        if (inView(View(v), summary)) {
            m_counts[v] += sign;
            m_unread[v] += sign * (View(v) == View::Mentions ? int(summary.mentionUnread) : unread);
        }
    }
}

int ConversationListModel::count(View view, const Narrowing &narrowing) const
{
    if (!m_complete)
        return 0;
    int n = 0;
    for (const ConversationSummary &summary : m_all)
        n += inView(view, summary) && narrowing.admits(summary);
    return n;
}

bool ConversationListModel::holdsNone() const
{
    if (!m_complete)
        return m_all.isEmpty();
    return m_counts[int(View::All)] == 0 && m_counts[int(View::Resolved)] == 0;
}

void ConversationListModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    refilter();
}

void ConversationListModel::refilter()
{
    const auto countsBefore = m_counts;
    const auto unreadBefore = m_unread;
    beginResetModel();
    m_rows.clear();
    m_counts.fill(0);
    m_unread.fill(0);
    for (const ConversationSummary &summary : std::as_const(m_all)) {
        if (m_complete)
            count(summary, 1);
        if (matches(summary))
            m_rows.append(summary);
    }
    std::sort(m_rows.begin(), m_rows.end(),
              [this](const ConversationSummary &a, const ConversationSummary &b) {
                  return before(a, b);
              });
    endResetModel();
    if (m_counts != countsBefore || m_unread != unreadBefore)
        Q_EMIT countsChanged();
}

void ConversationListModel::readRest()
{
    if (m_complete || m_restAsked)
        return;
    m_restAsked = true;
    m_cache.readConversations();
}

void ConversationListModel::replaceAll(const QList<ConversationSummary> &all)
{
    m_sla.forget();
    m_all.clear();
    m_all.reserve(all.size());
    for (const ConversationSummary &summary : all)
        m_all.insert(summary.id, summary);
    m_slaRows = slaRows();
    m_complete = true;
    refilter();
}

int ConversationListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int ConversationListModel::sortedPosition(const ConversationSummary &summary) const
{
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), summary,
                                [this](const ConversationSummary &a, const ConversationSummary &b) {
                                    return before(a, b);
                                })
               - m_rows.cbegin());
}

void ConversationListModel::update(const QSet<qint64> &ids)
{
    const QHash<qint64, ConversationSummary> summaries = m_cache.conversations(ids);
    const auto countsBefore = m_counts;
    const auto unreadBefore = m_unread;
    for (qint64 id : ids) {
        const auto summary = summaries.constFind(id);
        const auto known = m_all.find(id);
        if (known != m_all.end()) {
            if (m_complete)
                count(*known, -1);
            m_all.erase(known);
        }
        m_slaRows.remove(id);
        if (summary == summaries.cend())
            m_sla.forget(id);
        if (summary != summaries.cend()) {
            if (const SlaBoard::Row row = m_sla.rowOf(*summary); row.clock.owed)
                m_slaRows.insert(id, row);
            m_all.insert(id, *summary);
            if (m_complete)
                count(*summary, 1);
        }
        if (summary != summaries.cend() && matches(*summary))
            upsert(*summary);
        else
            remove(id);
    }
    if (m_counts != countsBefore || m_unread != unreadBefore)
        Q_EMIT countsChanged();
}

void ConversationListModel::remove(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ConversationListModel::upsert(const ConversationSummary &summary)
{
    const int row = rowOf(summary.id);
    if (row < 0) {
        const int at = sortedPosition(summary);
        beginInsertRows({}, at, at);
        m_rows.insert(at, summary);
        endInsertRows();
        return;
    }
    if (m_rows.at(row) == summary)
        return;
    // Where it belongs among the others, then move it there and say what changed.
    const ConversationSummary old = m_rows.takeAt(row);
    const int at = sortedPosition(summary);
    m_rows.insert(row, old);
    if (at != row) {
        // beginMoveRows counts the destination before the row is taken out.
        const bool ok = beginMoveRows({}, row, row, {}, at > row ? at + 1 : at);
        Q_ASSERT(ok);
        m_rows.move(row, at);
        endMoveRows();
    }
    m_rows[at] = summary;
    const QList<int> roles = changedRoles(old, summary);
    const QModelIndex changed = index(at);
    Q_EMIT dataChanged(changed, changed, roles);
}

} // namespace Tandem
