// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "domain/cannedresponse.h"
#include "domain/conversation.h"
#include "domain/label.h"
#include "domain/message.h"
#include "domain/team.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <initializer_list>
#include <optional>

namespace Tandem {

struct OutboxEntry;

//! The cache's changes as SQL, prepared once on the writer's connection and run inside the
//! writer's transaction. It keeps what is derived from messages (conversation summaries,
//! unread counts, the search index) in step with them. Every change returns false when
//! SQLite failed, and the writer then rolls the whole batch back.
class CacheTables
{
public:
    explicit CacheTables(const QSqlDatabase &db);

    //! Prepares every statement and reads the outbox's ids; false if the schema is not
    //! what this code expects.
    bool prepare();

    std::optional<qint64> meta(const QString &key);
    bool setMeta(const QString &key, qint64 value);

    //! Stores a conversation as the server describes it, live-chat state included.
    bool upsertConversation(const Conversation &conversation, const QString &customerEmail);
    bool clearConversations();
    //! A place in the conversation list, which is ordered by (updatedAt, id), newest first.
    struct ListPosition {
        qint64 updatedAtMs = 0;
        qint64 id = 0;
    };
    //! Removes the conversations listed after `newerThan` (absent: from the top) down to
    //! and including `downTo` (absent: to the bottom), except those in `keep`; says which.
    //! Only those of one list: the resolved ones, or (`resolved` false) the others.
    bool removeConversationsBetween(const std::optional<ListPosition> &newerThan,
                                    const std::optional<ListPosition> &downTo,
                                    const QSet<qint64> &keep, QList<qint64> &removed,
                                    bool resolved);
    //! Keeps the newest transfer of a conversation (who handed it to whom, and the note).
    bool setTransfer(qint64 conversationId, const Party &from, const Party &to,
                     const QString &note);

    //! Adds a message and its search entry; `isNew` is false when it was already cached
    //! (by id, or by clientId: one server message per clientId).
    bool insertMessage(const Message &message, bool &isNew);
    //! Moves a reply's delivery state forward (never back); `changed` says whether it moved.
    bool setDelivery(qint64 messageId, const DeliveryStatus &status, bool &changed);
    //! Recomputes a conversation's summary and unread count from the cached messages.
    bool refreshSummary(qint64 conversationId);
    //! Moves the own read marker forward (never back) and recounts unread.
    bool moveReadMarker(qint64 conversationId, qint64 upTo);

    bool replaceAgents(const QList<Agent> &agents);
    bool upsertAgent(const Agent &agent);
    bool setPresence(qint64 agentId, Presence presence, bool &changed);

    //! Teams and inboxes: `replace` clears those not listed (a snapshot has them all).
    bool saveTeam(const Team &team);
    bool saveInbox(const Inbox &inbox);
    bool clearTeamsAndInboxes();
    //! Labels: `replace` keeps only those listed (a snapshot has them all). Deleting one
    //! takes it off every conversation; it returns those ({-1} when SQLite failed).
    bool replaceLabels(const QList<Label> &labels);
    //! A note that names the signed-in agent: the newest such is the conversation's mention.
    bool setMentioned(qint64 conversationId, qint64 noteId);
    //! Requests made offline, kept until sent (`fields`: the request's JSON).
    bool addAction(qint64 conversationId, const QString &type, const QString &fields,
                   qint64 createdAtMs);
    bool removeAction(qint64 id, qint64 &conversationId);
    //! A merge moved `from`'s messages into `into`; `back`: it was undone.
    bool moveMessages(qint64 from, qint64 into, bool back);
    //! Staff corrected a customer: every conversation of theirs shows it; those come back
    //! ({-1} when SQLite failed).
    QList<qint64> renameCustomer(const Customer &customer);
    bool saveLabel(const Label &label);
    QList<qint64> deleteLabel(qint64 id);

    bool replaceCanned(const QList<CannedResponse> &canned);
    bool upsertCanned(const CannedResponse &canned);
    bool deleteCanned(qint64 id);

    bool addToOutbox(const OutboxEntry &entry);
    //! Removes the entry if there is one; most messages are not ours, so the in-memory set
    //! of ids answers that without touching the disk.
    bool removeFromOutbox(const QUuid &clientId, bool &removed);
    bool countAttempt(const QUuid &clientId);
    int outboxSize() const { return int(m_outboxIds.size()); }
    const QSet<QUuid> &outboxIds() const { return m_outboxIds; }
    //! Re-reads the outbox's ids after a rollback undid changes the set had followed.
    bool reloadOutboxIds();

    bool setDraft(qint64 conversationId, const QString &text);

    //! The longest summary text kept; the conversation list shows one line of it.
    static constexpr int SummaryChars = 200;

private:
    bool run(QSqlQuery &query, std::initializer_list<QVariant> binds);

    QSqlDatabase m_db;
    QSqlQuery m_metaGet, m_metaSet;
    QSqlQuery m_conversationUpsert, m_transferSet;
    QSqlQuery m_messageInsert, m_searchInsert, m_newestMessage, m_summarySet, m_deliverySet;
    QSqlQuery m_markerMove, m_unreadRecount;
    QSqlQuery m_agentInsert, m_presenceSet;
    QSqlQuery m_cannedUpsert, m_cannedDelete;
    QSqlQuery m_outboxInsert, m_outboxDelete, m_outboxAttempt;
    QSqlQuery m_draftSet, m_draftDelete;
    QSet<QUuid> m_outboxIds;
};

} // namespace Tandem
