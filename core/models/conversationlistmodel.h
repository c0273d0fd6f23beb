// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"
#include "slaboard.h"

#include <QAbstractListModel>
#include <array>

namespace Tandem {

//! Every conversation in the cache, newest activity first, as light summaries kept in
//! memory. Changes arrive per committed cache batch and become single-row inserts, moves
//! and dataChanged — never a reset, except for a server snapshot.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CustomerNameRole,
        ChannelRole,
        StatusRole,
        UpdatedAtRole,
        LastTextRole,
        LastAuthorIsCustomerRole,
        UnreadRole,
        // Live chat.
        ModeRole,       // "live" or "async"
        LiveStateRole,  // "queued", "active", "ended", or empty for async
        AssigneeIdRole, // 0 when nobody has it
        AssigneeNameRole,
        PriorityRole,
        QueuedAtRole,
        AssignedAtRole,
        EndedAtRole,
        //! Since when the customer has waited for an answer (their newest message, while it
        //! is the newest of all); invalid when they are not waiting.
        WaitingSinceRole,
        RatingRole, // 1–5, 0 when not rated
        // The async inbox.
        InboxIdRole,
        SnoozedUntilRole,   // invalid unless snoozed until a time
        WokeBecauseRole,    // "customer", "time", or empty
        LabelsRole,         // QVariantList of label ids, ascending
        MentionUnreadRole,  // a note names the signed-in agent, and they have not read it
        PendingActionsRole, // changes made offline, waiting to be sent
        // SLA (docs/protocol.md, "SLA"), as of slaNow(): the clock that matters most.
        SlaKindRole,      // "first_reply", "next_reply", "resolution"; empty: none owed
        SlaStateRole,     // "running", "paused", "breached"
        SlaRemainingRole, // business seconds left (negative: over)
        SlaDueRole,       // when it is due, while it runs (invalid when paused)
        SlaAtRiskRole,    // past the policy's warning share, or breached
    };
    //! The inbox's views (docs/protocol.md, "Statuses", "Assignment"): which conversations
    //! the list shows.
    enum class View {
        Mine,       //!< assigned to the signed-in agent, open or pending
        Unassigned, //!< open, nobody's
        All,        //!< everything not resolved (what this agent may see)
        Snoozed,
        Resolved,  //!< those in the cache; older ones come from the server
        Mentions,  //!< a note names the signed-in agent; its unread count is of those
        MyTeams,   //!< not resolved, in the inboxes of the signed-in agent's teams
        SlaAtRisk, //!< not resolved, an SLA clock past its warning share or breached
    };
    static constexpr int ViewCount = 8;
    //! Narrows a view down (docs/protocol.md, "Labels and priority"); an unset field lets
    //! everything through.
    struct Narrowing {
        qint64 inboxId = 0;
        QString channel;
        qint64 labelId = 0;
        int priority = -1; //!< this level exactly
        QString status;

        bool isEmpty() const
        {
            return inboxId == 0 && channel.isEmpty() && labelId == 0 && priority < 0
                   && status.isEmpty();
        }
        bool operator==(const Narrowing &o) const
        {
            return inboxId == o.inboxId && channel == o.channel && labelId == o.labelId
                   && priority == o.priority && status == o.status;
        }
        bool admits(const ConversationSummary &summary) const;
    };
    //! The order of the rows.
    enum class Order {
        NewestActivity, //!< what moved last first
        LongestWaiting, //!< customers waiting for us longest first, then the others
        SlaDue,         //!< the SLA clock with the least time left first, then the others
    };
    //! The role values of a summary, for this model and the others that show conversations.
    static QVariant roleData(const ConversationSummary &summary, int role);
    //! The roles whose values differ between two summaries of one conversation.
    static QList<int> changedRoles(const ConversationSummary &old, const ConversationSummary &now);
    static QHash<int, QByteArray> conversationRoleNames();

    //! The newest conversations, read at once so the list paints without waiting for a
    //! long cache; the rest is read on the cache's thread.
    static constexpr int FirstPage = 300;

    //! With `readRestAtOnce` false, the rest after the first page waits for readRest().
    explicit ConversationListModel(LocalCache &cache, QObject *parent = nullptr,
                                   bool readRestAtOnce = true);
    //! Asks the cache for every conversation, once, if the first page did not hold them all.
    void readRest();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! Shows only conversations whose customer name or last message contains `text`.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    //! Shows the conversations of `view` (All at first). Mine needs setOwnAgent().
    void setView(View view);
    View view() const { return m_view; }
    //! Shows only the conversations `narrowing` admits (counts stay those of the views).
    void setNarrowing(const Narrowing &narrowing);
    const Narrowing &narrowing() const { return m_narrowing; }
    void setOrder(Order order);
    Order order() const { return m_order; }
    //! Who "Mine" is.
    void setOwnAgent(qint64 agentId);
    //! How many conversations `view` holds, whatever the text filter.
    int count(View view) const { return m_counts[int(view)]; }
    //! How many conversations `view` holds that `narrowing` admits (0 until complete).
    int count(View view, const Narrowing &narrowing) const;
    //! Unread customer messages in the conversations of `view` (what asks for attention:
    //! Mine's go to the window title), leaving out live chats under way: the deck counts
    //! those.
    int unread(View view) const { return m_unread[int(view)]; }
    bool inView(View view, const ConversationSummary &summary) const;
    //! No conversation is cached at all (merged ones aside), whatever the view and filter.
    bool holdsNone() const;
    //! Every cached conversation has been read, so the counts are true (the newest come
    //! first, at once; the rest follow from the cache's thread).
    bool isComplete() const { return m_complete; }
    //! The inboxes of the signed-in agent's teams, for My teams.
    void setOwnInboxes(const QSet<qint64> &inboxes);
    //! The row showing conversation `id`, or -1.
    int rowOf(qint64 id) const;

    //! A conversation whose SLA clock is at risk or breached, as of slaNow().
    struct SlaAlert {
        qint64 id = 0;
        QString customerName;
        bool breached = false;
    };
    //! Those not resolved, oldest id first; with `assignee`, only theirs.
    QList<SlaAlert> slaAlerts(qint64 assignee = 0) const;

    //! The reply times promised to customers (docs/protocol.md, "Business hours") that came
    //! due in a stretch of time, and how many of them were kept.
    struct PromiseTally {
        int due = 0;  //!< promised by a time in the stretch, before now
        int kept = 0; //!< of those, answered by then
    };
    //! The promises due from `since` to `now`.
    PromiseTally promises(const QDateTime &since, const QDateTime &now) const;

    //! The teams' SLA policies and calendars, by inbox.
    void setSlaTerms(const QList<Team> &teams, const QList<Inbox> &inboxes);
    //! The instant the SLA clocks are shown at; moving it moves what is at risk.
    void setSlaNow(const QDateTime &now);
    const SlaBoard &sla() const { return m_sla; }

private:
    //! Picks and orders the rows from what is known, and counts the views again.
    void refilter();
    //! Every conversation, as the cache read them off this thread.
    void replaceAll(const QList<ConversationSummary> &all);
    void update(const QSet<qint64> &ids);
    void upsert(const ConversationSummary &summary);
    void remove(qint64 id);
    bool matches(const ConversationSummary &summary) const;
    int sortedPosition(const ConversationSummary &summary) const;
    bool before(const ConversationSummary &a, const ConversationSummary &b) const;
    //! Adds `summary` to (sign 1) or takes it from (-1) the views' counts.
    void count(const ConversationSummary &summary, int sign);
    QVariant slaData(qint64 id, int role) const;
    //! Every conversation's SLA row at the board's instant (what m_slaRows holds): worked out when
    //! the clocks move, the policies change or the list is read afresh, not per filter.
    QHash<qint64, SlaBoard::Row> slaRows() const;

    LocalCache &m_cache;
    QList<ConversationSummary> m_rows;
    QString m_filter;
    Narrowing m_narrowing;
    Order m_order = Order::NewestActivity;
    View m_view = View::All;
    qint64 m_ownAgent = 0;
    QSet<qint64> m_ownInboxes;
    //! Every cached conversation, whichever view shows it.
    QHash<qint64, ConversationSummary> m_all;
    //! m_all holds all of them, not only the first page: the counts are true.
    bool m_complete = true;
    bool m_restAsked = false;
    std::array<int, ViewCount> m_counts{};
    std::array<int, ViewCount> m_unread{};
    SlaBoard m_sla;
    //! Each conversation's clock at the board's instant, of those with one.
    QHash<qint64, SlaBoard::Row> m_slaRows;

Q_SIGNALS:
    void countsChanged();
    //! setSlaNow() moved the clocks on (what is at risk may be so in another way now).
    void slaMoved();
};

} // namespace Tandem
