// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachewriter.h"

#include "cachelogging.h"
#include "cacheschema.h"
#include "cachetables.h"
#include "localcache.h"
#include "outgoingfiles.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace Tandem {
namespace {

const QString lastSeqKey = QStringLiteral("last_seq");
const QString ownAgentKey = QStringLiteral("own_agent");

} // namespace

//! The effects of one drain's jobs, gathered while its transaction is open.
struct CacheWriter::Batch {
    CacheChanges changes;
    bool readSummaries = false;
    QList<std::pair<qint64, quint64>> drafts; // conversation, ticket
};

CacheWriter::CacheWriter(QAtomicInteger<qint64> &published)
    : m_published(published)
    , m_jobs([this] {
        QMetaObject::invokeMethod(
            this, [this] { drain(); }, Qt::QueuedConnection);
    })
{
    m_thread.setObjectName(QStringLiteral("tandem-cache"));
}

CacheWriter::~CacheWriter()
{
    if (!m_thread.isRunning())
        return;
    // Commit what is left, close on the thread that opened, and come back here so that
    // this object is destroyed on the thread it then lives on.
    QThread *caller = QThread::currentThread();
    QMetaObject::invokeMethod(
        this,
        [this, caller] {
            drain();
            closeDatabase();
            moveToThread(caller);
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Result<Done> CacheWriter::start(const QString &path)
{
    moveToThread(&m_thread);
    m_thread.start();
    std::optional<Result<Done>> opened;
    QMetaObject::invokeMethod(
        this, [&] { opened.emplace(openDatabase(path)); }, Qt::BlockingQueuedConnection);
    return *opened;
}

Result<Done> CacheWriter::openDatabase(const QString &path)
{
    static QAtomicInteger<int> counter;
    m_connectionName = QStringLiteral("tandem-cache-write-%1").arg(counter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    const auto fail = [this](const QString &why) {
        closeDatabase();
        return Failure{ErrorCode::Internal, why};
    };
    if (!m_db.isValid())
        return fail(QStringLiteral("The Qt SQLite driver (QSQLITE) is not installed"));
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return fail(m_db.lastError().text());
    QString why;
    {
        QSqlQuery q(m_db);
        // WAL lets the GUI's reader see the last commit while the next one is written.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
            why = q.lastError().text();
        else if (q.value(0).toString() != QLatin1String("wal"))
            qCWarning(lcCache) << "the cache is not in WAL mode:" << q.value(0).toString();
        q.finish();
        // Everything but the outbox came from the server and comes again after a loss;
        // NORMAL in WAL mode loses at most the last commits, never consistency, and
        // last_seq goes back with them. Outbox transactions switch to FULL. On macOS only
        // F_FULLFSYNC reaches the platter; elsewhere fullfsync changes nothing.
        if (why.isEmpty()
            && (!q.exec(QStringLiteral("PRAGMA synchronous = NORMAL"))
                || !q.exec(QStringLiteral("PRAGMA fullfsync = ON"))))
            why = q.lastError().text();
    }
    if (!why.isEmpty())
        return fail(why);
    m_fullSync = false;
    if (auto migrated = CacheSchema::migrate(m_db); !migrated)
        return fail(migrated.failure().message);
    m_tables = std::make_unique<CacheTables>(m_db);
    if (!m_tables->prepare())
        return fail(QStringLiteral("The cache file %1 could not be read").arg(path));
    m_events = std::make_unique<CacheEvents>(*m_tables);
    m_seq = m_tables->meta(lastSeqKey).value_or(0);
    m_events->setOwnAgent(m_tables->meta(ownAgentKey).value_or(0));
    m_published.storeRelease(m_seq);
    m_outgoing = path + QStringLiteral(".outgoing");
    OutgoingFiles::sweep(m_outgoing, m_tables->outboxIds());
    return Done{};
}

void CacheWriter::closeDatabase()
{
    m_events.reset();
    m_tables.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool CacheWriter::setSynchronous(bool full)
{
    if (full == m_fullSync)
        return true;
    QSqlQuery q(m_db);
    if (!q.exec(full ? QStringLiteral("PRAGMA synchronous = FULL")
                     : QStringLiteral("PRAGMA synchronous = NORMAL"))) {
        qCCritical(lcCache) << "setting synchronous failed:" << q.lastError().text();
        return false;
    }
    m_fullSync = full;
    return true;
}

void CacheWriter::enqueue(Job job)
{
    m_jobs.push(std::move(job));
}

void CacheWriter::flush()
{
    if (!m_thread.isRunning())
        return;
    if (QThread::currentThread() == &m_thread)
        drain();
    else
        QMetaObject::invokeMethod(
            this, [this] { drain(); }, Qt::BlockingQueuedConnection);
}

bool CacheWriter::commit(std::deque<Job> &jobs, Batch &batch)
{
    const bool durable =
        std::any_of(jobs.begin(), jobs.end(), [](const Job &job) { return job.durable; });
    batch.changes.seq = m_seq;
    bool ok = setSynchronous(durable) && m_db.transaction();
    for (auto job = jobs.begin(); ok && job != jobs.end(); ++job)
        ok = job->run(batch);
    ok = ok && m_events->refreshSummaries(batch.changes);
    // Listeners would read everything after a reset; one read here spares the GUI thread.
    if (ok && (batch.readSummaries || batch.changes.reset)) {
        // A failed read fails the batch (tried again), never an empty inbox for a full one.
        const QList<ConversationSummary> all = CacheRows::summaries(m_db, 0, &ok);
        if (ok)
            batch.changes.all = all;
    }
    // In the same transaction as the effects: a crash never leaves a seq without them.
    if (ok && batch.changes.seq != m_seq)
        ok = m_tables->setMeta(lastSeqKey, batch.changes.seq);
    if (ok && !m_db.commit()) {
        qCCritical(lcCache) << "commit failed:" << m_db.lastError().text();
        ok = false;
    }
    if (!ok) {
        m_db.rollback();
        m_tables->reloadOutboxIds();
    }
    return ok;
}

void CacheWriter::drain()
{
    std::deque<Job> jobs = m_jobs.takeAll();
    if (jobs.empty())
        return;
    if (!m_tables) {
        qCCritical(lcCache) << "dropping" << jobs.size() << "writes: the cache is not open";
        return;
    }
    Batch batch;
    if (!commit(jobs, batch)) {
        const bool lostServerState =
            std::any_of(jobs.begin(), jobs.end(), [](const Job &job) { return job.fromServer; });
        if (lostServerState) {
            // Applying later events would move last_seq past the lost ones. Stop here; the
            // next connection resumes from the last committed seq and gets them again.
            m_eventsHalted = true;
            Q_EMIT resyncNeeded();
        }
        // What the agent wrote must not go down with a bad event: try it on its own.
        std::deque<Job> own;
        std::copy_if(jobs.begin(), jobs.end(), std::back_inserter(own),
                     [](const Job &job) { return !job.fromServer; });
        batch = Batch{};
        if (own.empty() || !commit(own, batch)) {
            qCCritical(lcCache) << "a batch of" << jobs.size() << "cache writes was rolled back";
            if (!own.empty())
                Q_EMIT writeFailed();
            return;
        }
    }
    CacheChanges &changes = batch.changes;
    changes.seqChanged = changes.seq != m_seq;
    m_seq = changes.seq;
    m_published.storeRelease(m_seq);
    if (changes.outboxChanged) {
        changes.outboxSize = m_tables->outboxSize();
        // Files of emails the server acknowledged are not needed any more.
        OutgoingFiles::sweep(m_outgoing, m_tables->outboxIds());
    }
    if (!batch.drafts.isEmpty()) {
        QMutexLocker lock(&m_mutex);
        for (const auto &[conversation, ticket] : std::as_const(batch.drafts)) {
            const auto pending = m_pendingDrafts.constFind(conversation);
            if (pending != m_pendingDrafts.cend() && pending->first == ticket)
                m_pendingDrafts.erase(pending);
        }
    }
    Q_EMIT committed(changes);
}

void CacheWriter::enqueueEvents(const QList<Event> &events)
{
    enqueue({[this, events](Batch &batch) {
                 if (m_eventsHalted)
                     return true;
                 for (const Event &event : events) {
                     if (!m_events->applyEvent(batch.changes, event))
                         return false;
                 }
                 return true;
             },
             false, true});
}

void CacheWriter::enqueueConversations(const QJsonArray &conversations)
{
    enqueue({[this, conversations](Batch &batch) {
                 return m_events->applyConversations(batch.changes, conversations);
             },
             false, true});
}

void CacheWriter::enqueueSummaryRead()
{
    enqueue({[](Batch &batch) {
                 batch.readSummaries = true;
                 return true;
             },
             false, false});
}

void CacheWriter::enqueueSnapshot(qint64 seq, const QJsonObject &snapshot)
{
    enqueue({[this, seq, snapshot](Batch &batch) {
                 if (!m_events->applySnapshot(batch.changes, seq, snapshot))
                     return false;
                 m_eventsHalted = false; // the snapshot covers whatever was lost
                 return true;
             },
             false, true});
}

void CacheWriter::enqueueConversationPage(const QJsonObject &page,
                                          const std::optional<CacheTables::ListPosition> &after,
                                          bool resolved)
{
    enqueue({[this, page, after, resolved](Batch &batch) {
                 return m_events->applyConversationPage(batch.changes, page, after, resolved);
             },
             false, true});
}

void CacheWriter::enqueueHistory(qint64 conversationId, const QList<Message> &messages)
{
    enqueue({[this, conversationId, messages](Batch &batch) {
                 for (const Message &m : messages) {
                     if (m.conversationId != conversationId) {
                         qCWarning(lcCache) << "history for" << conversationId
                                            << "holds a message of" << m.conversationId;
                         continue;
                     }
                     if (!m_events->applyMessage(batch.changes, m))
                         return false;
                 }
                 // The model that asked for older messages waits for this conversation.
                 batch.changes.conversations.insert(conversationId);
                 return true;
             },
             false, true});
}

void CacheWriter::enqueueReply(const OutboxEntry &entry)
{
    enqueue({[this, entry](Batch &batch) {
                 if (!m_tables->addToOutbox(entry))
                     return false;
                 batch.changes.outboxChanged = true;
                 batch.changes.conversations.insert(entry.conversationId);
                 return true;
             },
             true});
}

void CacheWriter::enqueueAction(qint64 conversationId, const QString &type, const QString &fields)
{
    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    enqueue({[this, conversationId, type, fields, at](Batch &batch) {
                 batch.changes.actionsChanged = true;
                 batch.changes.conversations.insert(conversationId);
                 return m_tables->addAction(conversationId, type, fields, at);
             },
             true});
}

void CacheWriter::enqueueActionDone(qint64 id)
{
    enqueue({[this, id](Batch &batch) {
                 batch.changes.actionsChanged = true;
                 qint64 conversation = 0;
                 if (!m_tables->removeAction(id, conversation))
                     return false;
                 if (conversation != 0)
                     batch.changes.conversations.insert(conversation); // its count went down
                 return true;
             },
             false});
}

void CacheWriter::enqueueAttempt(const QUuid &clientId)
{
    // Not announced as an outbox change: nothing was added or sent, and the outbox's
    // sender takes outboxChanged as a cue to send again, which would defeat its back-off.
    enqueue({[this, clientId](Batch &) { return m_tables->countAttempt(clientId); }, false});
}

void CacheWriter::enqueueDiscard(const QUuid &clientId)
{
    enqueue({[this, clientId](Batch &batch) {
                 bool removed = false;
                 if (!m_tables->removeFromOutbox(clientId, removed))
                     return false;
                 batch.changes.outboxChanged = batch.changes.outboxChanged || removed;
                 return true;
             },
             true});
}

void CacheWriter::enqueueAcknowledge(const Message &serverCopy)
{
    enqueue({[this, serverCopy](Batch &batch) {
                 return m_events->applyMessage(batch.changes, serverCopy);
             },
             false});
}

void CacheWriter::enqueueDraft(qint64 conversationId, const QString &text)
{
    quint64 ticket = 0;
    {
        QMutexLocker lock(&m_mutex);
        ticket = ++m_draftTicket;
        m_pendingDrafts.insert(conversationId, {ticket, text});
    }
    enqueue({[this, conversationId, text, ticket](Batch &batch) {
                 batch.drafts.append({conversationId, ticket});
                 return m_tables->setDraft(conversationId, text);
             },
             false});
}

std::optional<QString> CacheWriter::pendingDraft(qint64 conversationId) const
{
    QMutexLocker lock(&m_mutex);
    const auto pending = m_pendingDrafts.constFind(conversationId);
    if (pending == m_pendingDrafts.cend())
        return std::nullopt;
    return pending->second;
}

void CacheWriter::enqueueReadMarker(qint64 conversationId, qint64 upTo)
{
    enqueue({[this, conversationId, upTo](Batch &batch) {
                 batch.changes.conversations.insert(conversationId);
                 return m_tables->moveReadMarker(conversationId, upTo);
             },
             false});
}

void CacheWriter::enqueueResume()
{
    enqueue({[this](Batch &) {
                 m_eventsHalted = false;
                 return true;
             },
             false, true});
}

void CacheWriter::enqueueOwnAgent(qint64 agentId)
{
    m_pendingOwnAgent.storeRelease(agentId);
    enqueue({[this, agentId](Batch &) {
                 m_events->setOwnAgent(agentId);
                 return m_tables->setMeta(ownAgentKey, agentId);
             },
             false});
}

} // namespace Tandem
