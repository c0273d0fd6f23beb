// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cacheevents.h"
#include "domain/event.h"
#include "domain/message.h"
#include "platform/batchqueue.h"
#include "protocol/result.h"

#include <QAtomicInteger>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QThread>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace Tandem {

class CacheTables;
struct OutboxEntry;

//! Owns the cache's write connection on a thread of its own and applies queued writes
//! there: whatever is queued when it gets to work goes into one transaction (group commit),
//! so a burst of events costs one commit, not one each.
class CacheWriter : public QObject
{
    Q_OBJECT
public:
    //! `published` is where the committed last seq is stored, after each commit and before
    //! `committed` is emitted, for LocalCache::lastSeq() to read from any thread.
    explicit CacheWriter(QAtomicInteger<qint64> &published);
    //! Commits what is still queued and closes the connection.
    ~CacheWriter() override;

    //! Starts the thread and opens (creating and migrating) the file there; waits for it.
    Result<Done> start(const QString &path);

    void enqueueEvents(const QList<Tandem::Event> &events);
    void enqueueSnapshot(qint64 seq, const QJsonObject &snapshot);
    void enqueueConversationPage(const QJsonObject &page,
                                 const std::optional<CacheTables::ListPosition> &after,
                                 bool resolved = false);
    //! Conversations as a page lists them (each with its lastMessage), kept or updated
    //! without touching the others: what a search found.
    void enqueueConversations(const QJsonArray &conversations);
    void enqueueHistory(qint64 conversationId, const QList<Tandem::Message> &messages);
    void enqueueReply(const OutboxEntry &entry);
    void enqueueAction(qint64 conversationId, const QString &type, const QString &fields);
    void enqueueActionDone(qint64 id);
    void enqueueAttempt(const QUuid &clientId);
    void enqueueDiscard(const QUuid &clientId);
    void enqueueAcknowledge(const Tandem::Message &serverCopy);
    void enqueueDraft(qint64 conversationId, const QString &text);
    void enqueueReadMarker(qint64 conversationId, qint64 upTo);
    //! A new connection is about to resume from lastSeq(): events may be applied again
    //! after a failed batch stopped them.
    void enqueueResume();
    void enqueueOwnAgent(qint64 agentId);
    //! Reads every conversation's summary after the jobs queued before it; `committed`
    //! brings them in CacheChanges::all.
    void enqueueSummaryRead();

    //! The own agent id last queued (0: none queued by this writer), readable at once.
    qint64 pendingOwnAgent() const { return m_pendingOwnAgent.loadAcquire(); }

    //! A draft set but not committed yet, so that reading it back never shows an older one.
    std::optional<QString> pendingDraft(qint64 conversationId) const;

    //! Blocks until everything queued so far is committed.
    void flush();

Q_SIGNALS:
    //! Server data was lost in a failed write: reconnect, so the resume fetches it again.
    void resyncNeeded();
    //! Something the agent wrote (a reply, a draft) could not be saved.
    void writeFailed();
    //! Emitted on the writer thread after each commit, with lastSeq already published.
    void committed(const Tandem::CacheChanges &changes);

private:
    struct Batch;
    struct Job {
        std::function<bool(Batch &)> run;
        bool durable = false;    // the transaction must reach the disk before it counts
        bool fromServer = false; // can be fetched again; what the agent wrote cannot
    };
    //! Runs `jobs` in one transaction; false (rolled back) if any failed.
    bool commit(std::deque<Job> &jobs, Batch &batch);
    void enqueue(Job job);
    void drain();
    Result<Done> openDatabase(const QString &path);
    void closeDatabase();
    bool setSynchronous(bool full);

    QAtomicInteger<qint64> &m_published;
    QThread m_thread;

    // Shared with the threads that queue work.
    mutable QMutex m_mutex;
    BatchQueue<Job> m_jobs;
    QHash<qint64, std::pair<quint64, QString>> m_pendingDrafts; // ticket, text
    quint64 m_draftTicket = 0;
    QAtomicInteger<qint64> m_pendingOwnAgent = 0;

    // Writer thread only.
    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_outgoing; //!< where the outbox's files are kept (OutgoingFiles)
    std::unique_ptr<CacheTables> m_tables;
    std::unique_ptr<CacheEvents> m_events;
    qint64 m_seq = 0;
    bool m_fullSync = false;
    bool m_eventsHalted = false;
};

} // namespace Tandem
