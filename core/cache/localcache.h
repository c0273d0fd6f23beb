// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conversationsummary.h"
#include "domain/agent.h"
#include "domain/cannedresponse.h"
#include "domain/event.h"
#include "domain/label.h"
#include "domain/livechat.h"
#include "domain/message.h"
#include "domain/team.h"
#include "protocol/result.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <QThreadPool>
#include <QUrl>
#include <QUuid>
#include <memory>
#include <optional>

namespace Tandem {

class CacheWriter;

//! A reply written while it may not have reached the server yet. It stays until the
//! server's copy of the message (same clientId) is in the cache.
struct OutboxEntry {
    QUuid clientId;
    qint64 conversationId = 0;
    QString text;
    QDateTime createdAt;
    int attempts = 0;
    bool note = false; //!< a private note for staff, not a reply
    QStringList cc;    //!< an email reply's copied addresses (empty: the thread's own)
    //! What else an email carries (OutboxEmail): its files, and for a new email (with no
    //! conversation yet) where it goes and its subject.
    QJsonObject email;

    bool startsEmail() const { return conversationId == 0 && email.contains(QLatin1String("to")); }
};

//! The desktop app's local copy of what the server sent, per server and account: one
//! SQLite file. Writes (events, snapshots, history, outbox) are applied in batched
//! transactions on a writer thread; reads are single pages on the caller's thread, so the
//! GUI never waits on more than one page of disk.
class LocalCache : public QObject
{
    Q_OBJECT
public:
    explicit LocalCache(QObject *parent = nullptr);
    ~LocalCache() override;

    //! Where the cache for this profile, server and account lives, under
    //! QStandardPaths::CacheLocation.
    static QString pathFor(const QString &profile, const QUrl &server, const QString &account);

    //! Opens (creating and migrating) the cache file. Called once at start-up.
    Result<Done> open(const QString &path);
    static int schemaVersion();
    //! Where the files of emails waiting in the outbox are kept (beside the cache file).
    QString outgoingFolder() const { return m_path + QStringLiteral(".outgoing"); }

    //! The highest event seq whose effects are committed to the cache (0: nothing yet).
    qint64 lastSeq() const;

    // Writes: queued, applied in order on the writer thread, batched into transactions.
    //! Server events in seq order; events at or below lastSeq() are skipped.
    void applyEvents(const QList<Tandem::Event> &events);
    //! Replaces the cached conversations and agents with a server snapshot taken at `seq`.
    //! Messages already cached are kept (they are still true); outbox entries are kept.
    void applySnapshot(qint64 seq, const QJsonObject &snapshot);
    //! A page of older open conversations (`conversations`), continuing the list after the
    //! conversation last updated at `afterUpdatedAt` with id `afterId`.
    void applyConversationPage(const QJsonObject &page, const QDateTime &afterUpdatedAt,
                               qint64 afterId);
    //! The newest resolved conversations (`conversations` with `resolved`): they replace the
    //! cached resolved ones down to the last listed (all of them, without `more`).
    void applyResolvedPage(const QJsonObject &page);
    //! A later page of them, continuing after the one at (`afterUpdatedAt`, `afterId`).
    void applyResolvedPage(const QJsonObject &page, const QDateTime &afterUpdatedAt,
                           qint64 afterId);
    //! Older messages fetched with `history`.
    //! Conversations as a page lists them (each with its lastMessage): what a server search
    //! found, kept so that they can be opened.
    void storeConversations(const QJsonArray &conversations);
    void storeHistory(qint64 conversationId, const QList<Tandem::Message> &messages);
    //! Puts a reply in the outbox (and so on screen as "sending"); returns its clientId, or
    //! a null QUuid for text the server refuses for good (blank, over 10,000 characters).
    //! `email`: what else an email carries (see OutboxEntry); its files' `source` paths are
    //! copied beside the cache (off this thread) so that they go out even if the originals
    //! go. A new email (`email` with `to`) has no conversation (0).
    QUuid queueReply(qint64 conversationId, const QString &text, bool note = false,
                     const QStringList &cc = {}, const QJsonObject &email = {});
    //! Keeps a request about a conversation (status, assign, labels, priority) made while
    //! offline; ActionOutbox sends it when the connection returns.
    void queueAction(qint64 conversationId, const QString &type, const QJsonObject &fields);
    //! The server answered it (either way): it leaves the queue.
    void actionDone(qint64 id);
    struct PendingAction {
        qint64 id = 0;
        qint64 conversationId = 0;
        QString type;
        QJsonObject fields;
    };
    //! In the order they were made; all, or one conversation's.
    QList<PendingAction> pendingActions(std::optional<qint64> conversationId = std::nullopt) const;
    //! Counts a failed attempt to send an outbox entry.
    void noteAttempt(const QUuid &clientId);
    //! The server acknowledged the reply: its copy replaces the outbox entry.
    void acknowledge(const Tandem::Message &serverCopy);
    //! Takes an entry the server refused out of the outbox (the writer gave it up).
    void discardReply(const QUuid &clientId);
    void setDraft(qint64 conversationId, const QString &text);
    void setReadMarker(qint64 conversationId, qint64 upTo);
    //! Whose `conversation.read` events move the read markers that unread counts use: the
    //! signed-in agent's (from the signin/hello reply). Kept in the cache, so it holds
    //! offline after a restart.
    void setOwnAgent(qint64 agentId);
    //! A connection is about to resume from lastSeq(): events flow again even if a failed
    //! write had stopped them.
    void beginResume();

    // Reads: one page each, on the calling thread.
    //! Every conversation, newest activity first; the newest `limit` when it is positive.
    QList<ConversationSummary> conversations(int limit = 0) const;
    //! Reads every conversation on the writer's thread, after what is queued before it;
    //! conversationsRead() brings them. A reset() is always followed by one.
    void readConversations();
    std::optional<ConversationSummary> conversation(qint64 id) const;
    //! Those of `ids` that exist, in one read.
    QHash<qint64, ConversationSummary> conversations(const QSet<qint64> &ids) const;
    //! One customer's cached conversations (not those merged away), newest first; at most
    //! 200.
    QList<ConversationSummary> conversationsOf(qint64 customerId) const;
    //! The customer as the cache knows them (from their newest conversation).
    std::optional<Customer> customer(qint64 customerId) const;
    //! Up to `limit` messages before `beforeId` (or the newest), oldest first.
    QList<Tandem::Message> messages(qint64 conversationId, std::optional<qint64> beforeId,
                                    int limit) const;
    bool hasMessagesBefore(qint64 conversationId, qint64 beforeId) const;
    //! Messages whose text matches `query` (words, FTS5 syntax escaped), newest first.
    QList<Tandem::Message> search(const QString &query, int limit) const;
    //! Outbox entries in the order they were written; all of them, or one conversation's.
    QList<OutboxEntry> outbox(std::optional<qint64> conversationId = std::nullopt) const;
    QList<Tandem::Agent> agents() const;
    QList<Tandem::Team> teams() const;
    QList<Tandem::Inbox> inboxes() const;
    //! The labels, by name.
    QList<Tandem::Label> labels() const;
    QString draft(qint64 conversationId) const;
    //! The live chats `agentId` has now (liveState active), in the order they were given.
    QList<ConversationSummary> activeChats(qint64 agentId) const;
    //! The scores of the rated conversations `agentId` handled, by conversation (of those
    //! `among`, when given).
    QHash<qint64, int> ratingsOf(qint64 agentId,
                                 const std::optional<QSet<qint64>> &among = std::nullopt) const;
    //! Every canned response, by shortcut.
    QList<Tandem::CannedResponse> cannedResponses() const;
    //! The signed-in agent as last recorded by setOwnAgent() (0: not known yet). Known
    //! offline too, after the first connection.
    qint64 ownAgent() const;

    //! Blocks until everything queued so far is committed (tests and shutdown only).
    void flush();

Q_SIGNALS:
    //! A batch was committed: these conversations changed (summary or messages), and
    //! lastSeq() is now `seq`.
    void applied(qint64 seq, const QSet<qint64> &conversations, bool agentsChanged);
    //! A snapshot replaced the conversation list.
    void reset();
    //! Every conversation, as readConversations() or a reset() read them (newest first).
    void conversationsRead(const QList<Tandem::ConversationSummary> &all);
    void outboxChanged(int pending);
    //! Replies' delivery states moved (by message id): where they stand now.
    void deliveriesChanged(const QHash<qint64, Tandem::DeliveryStatus> &byMessage);
    //! The canned responses changed (saved, deleted, or replaced by a snapshot).
    void cannedChanged();
    //! The teams or inboxes changed.
    void teamsChanged();
    //! The labels changed (those on conversations come as applied()).
    void labelsChanged();
    //! Requests were queued or left the queue.
    void actionsChanged();
    //! Messages moved between these conversations (a merge, or its undo).
    void messagesMoved(const QSet<qint64> &conversations);
    //! Server data could not be written; reconnecting resumes from lastSeq() and brings it
    //! again.
    void resyncNeeded();
    //! A reply or draft could not be saved (e.g. the disk is full).
    void writeFailed();

private:
    //! The search index's words that complete `word` (SearchExpression::Completions).
    std::optional<QStringList> vocabulary(const QString &word) const;
    QSqlDatabase m_read;
    QString m_readName;
    std::unique_ptr<CacheWriter> m_writer;
    QString m_path;
    QThreadPool m_copies; //!< keeps the files of replies queued (OutgoingFiles), one at a time
    QAtomicInteger<qint64> m_lastSeq = 0;
};

} // namespace Tandem
