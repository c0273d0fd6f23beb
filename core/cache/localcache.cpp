// SPDX-License-Identifier: GPL-3.0-or-later
#include "localcache.h"

#include "calendar/calendarjson.h"
#include "platform/clock.h"
#include "sla/slapolicyjson.h"

#include "cachelogging.h"
#include "cacheschema.h"
#include "cachetables.h"
#include "cachewriter.h"
#include "conversationsummary.h"
#include "outgoingfiles.h"
#include "protocol/limits.h"
#include "search/searchexpression.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <algorithm>
#include <initializer_list>

namespace Tandem {
namespace {

// Forward-only: a page is read once, front to back, and Qt then keeps no copy of the rows.
QSqlQuery select(const QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!db.isOpen())
        return q; // not opened: every read is empty
    if (!q.prepare(sql)) {
        qCWarning(lcCache) << "prepare failed:" << q.lastError().text() << sql;
        return q;
    }
    int i = 0;
    for (const QVariant &value : binds)
        q.bindValue(i++, value);
    if (!q.exec())
        qCWarning(lcCache) << "read failed:" << q.lastError().text() << sql;
    return q;
}

const QString messageColumns = QStringLiteral(
    "SELECT id, conversation_id, client_id, author_kind, author_id, author_name, text,"
    " created_at, delivery, delivery_error, kind, detail, merged_from FROM messages ");

Message messageFrom(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.conversationId = q.value(1).toLongLong();
    m.clientId = QUuid::fromRfc4122(q.value(2).toByteArray());
    m.author =
        Party{CacheRows::authorKind(q.value(3)), q.value(4).toLongLong(), q.value(5).toString()};
    m.text = q.value(6).toString();
    m.createdAt = CacheRows::time(q.value(7));
    const int delivery = q.value(8).toInt();
    if (delivery >= int(DeliveryState::Queued) && delivery <= int(DeliveryState::Failed)) {
        m.delivery = DeliveryState(delivery);
        m.deliveryError = q.value(9).toString();
    }
    m.kind = messageKindFromName(q.value(10).toString()).value_or(MessageKind::Activity);
    readMessageDetail(m, q.value(11).toString());
    m.mergedFrom = q.value(12).toLongLong();
    return m;
}

} // namespace

LocalCache::LocalCache(QObject *parent)
    : QObject(parent)
{
    m_copies.setMaxThreadCount(1); // in the order they were queued
}

LocalCache::~LocalCache()
{
    if (m_read.isValid()) {
        m_read.close();
        m_read = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_readName);
    }
    m_copies.waitForDone();
    m_writer.reset(); // commits what is still queued; the last close also folds in the WAL
}

QString LocalCache::pathFor(const QString &profile, const QUrl &server, const QString &account)
{
    // Hashed: a name every file system accepts, that does not show whose cache it is.
    QUrl url = server.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (url.path() == QLatin1String("/"))
        url.setPath({}); // "ws://host/" and "ws://host" are one server
    const QByteArray key = url.toEncoded() + '\n' + account.trimmed().toLower().toUtf8();
    const QString name = QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32));
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QLatin1Char('/')
           + profile + QLatin1Char('/') + name + QStringLiteral(".sqlite");
}

int LocalCache::schemaVersion()
{
    return CacheSchema::latestVersion();
}

Result<Done> LocalCache::open(const QString &path)
{
    if (m_writer)
        return Failure{ErrorCode::Internal, QStringLiteral("The cache is already open")};
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Failure{ErrorCode::Internal,
                       QStringLiteral("Cannot create the folder for %1").arg(path)};
    m_path = path;
    auto writer = std::make_unique<CacheWriter>(m_lastSeq);
    connect(writer.get(), &CacheWriter::resyncNeeded, this, &LocalCache::resyncNeeded);
    connect(writer.get(), &CacheWriter::writeFailed, this, &LocalCache::writeFailed);
    connect(writer.get(), &CacheWriter::committed, this, [this](const CacheChanges &changes) {
        if (changes.all)
            Q_EMIT conversationsRead(*changes.all);
        if (changes.reset) {
            // Listeners reload everything on reset(); naming every conversation again would
            // make them read each one back a second time.
            Q_EMIT reset();
            Q_EMIT applied(changes.seq, {}, false);
        } else if (changes.seqChanged || !changes.conversations.isEmpty()
                   || changes.agentsChanged) {
            Q_EMIT applied(changes.seq, changes.conversations, changes.agentsChanged);
        }
        if (!changes.deliveries.isEmpty())
            Q_EMIT deliveriesChanged(changes.deliveries);
        if (changes.outboxChanged)
            Q_EMIT outboxChanged(changes.outboxSize);
        if (changes.cannedChanged)
            Q_EMIT cannedChanged();
        if (changes.teamsChanged)
            Q_EMIT teamsChanged();
        if (changes.labelsChanged)
            Q_EMIT labelsChanged();
        if (changes.actionsChanged)
            Q_EMIT actionsChanged();
        if (!changes.moved.isEmpty())
            Q_EMIT messagesMoved(changes.moved);
    });
    // The writer creates and migrates the file; only then is there something to read.
    if (auto started = writer->start(path); !started)
        return started;

    static QAtomicInteger<int> counter;
    m_readName = QStringLiteral("tandem-cache-read-%1").arg(counter.fetchAndAddRelaxed(1));
    m_read = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_readName);
    m_read.setDatabaseName(path);
    // In WAL mode readers never wait for the writer; the timeout covers a checkpoint's
    // brief exclusive moment.
    m_read.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=1000"));
    if (!m_read.open()) {
        const QString why = m_read.lastError().text();
        m_read = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_readName);
        return Failure{ErrorCode::Internal, why};
    }
    m_writer = std::move(writer);
    return Done{};
}

qint64 LocalCache::lastSeq() const
{
    return m_lastSeq.loadAcquire();
}

void LocalCache::applyEvents(const QList<Event> &events)
{
    if (m_writer && !events.isEmpty())
        m_writer->enqueueEvents(events);
}

void LocalCache::applySnapshot(qint64 seq, const QJsonObject &snapshot)
{
    if (m_writer)
        m_writer->enqueueSnapshot(seq, snapshot);
}

void LocalCache::applyConversationPage(const QJsonObject &page, const QDateTime &afterUpdatedAt,
                                       qint64 afterId)
{
    if (m_writer)
        m_writer->enqueueConversationPage(
            page, CacheTables::ListPosition{afterUpdatedAt.toMSecsSinceEpoch(), afterId});
}

void LocalCache::applyResolvedPage(const QJsonObject &page)
{
    if (m_writer)
        m_writer->enqueueConversationPage(page, std::nullopt, true);
}

void LocalCache::applyResolvedPage(const QJsonObject &page, const QDateTime &afterUpdatedAt,
                                   qint64 afterId)
{
    if (m_writer)
        m_writer->enqueueConversationPage(
            page, CacheTables::ListPosition{afterUpdatedAt.toMSecsSinceEpoch(), afterId}, true);
}

void LocalCache::storeConversations(const QJsonArray &conversations)
{
    if (m_writer && !conversations.isEmpty())
        m_writer->enqueueConversations(conversations);
}

void LocalCache::storeHistory(qint64 conversationId, const QList<Message> &messages)
{
    if (m_writer)
        m_writer->enqueueHistory(conversationId, messages);
}

QUuid LocalCache::queueReply(qint64 conversationId, const QString &text, bool note,
                             const QStringList &cc, const QJsonObject &email)
{
    const bool startsEmail = conversationId == 0 && email.contains(QLatin1String("to"));
    // The server refuses these for good; in the outbox they would be retried forever.
    if (!m_writer || (conversationId <= 0 && !startsEmail) || text.trimmed().isEmpty()
        || text.size() > Protocol::MaxTextChars) {
        qCWarning(lcCache) << "not queueing a reply of" << text.size() << "characters to"
                           << conversationId;
        return {};
    }
    const OutboxEntry entry{QUuid::createUuid(),
                            conversationId,
                            text,
                            QDateTime::currentDateTimeUtc(),
                            0,
                            note,
                            cc,
                            email};
    if (entry.email.value(QLatin1String("files")).toArray().isEmpty()) {
        m_writer->enqueueReply(entry);
        return entry.clientId;
    }
    // Its files are copied beside the cache first, on a thread of their own (a large file,
    // or one on a network drive, holds up neither this thread nor the cache's writes).
    CacheWriter *writer = m_writer.get();
    const QString folder = outgoingFolder();
    m_copies.start([writer, folder, entry] {
        OutboxEntry kept = entry;
        kept.email = OutgoingFiles::keep(folder, entry.clientId, entry.email);
        writer->enqueueReply(kept);
    });
    return entry.clientId;
}

void LocalCache::noteAttempt(const QUuid &clientId)
{
    if (m_writer)
        m_writer->enqueueAttempt(clientId);
}

void LocalCache::queueAction(qint64 conversationId, const QString &type, const QJsonObject &fields)
{
    if (m_writer)
        m_writer->enqueueAction(
            conversationId, type,
            QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
}

void LocalCache::actionDone(qint64 id)
{
    if (m_writer)
        m_writer->enqueueActionDone(id);
}

QList<LocalCache::PendingAction>
LocalCache::pendingActions(std::optional<qint64> conversationId) const
{
    const QString sql =
        QStringLiteral("SELECT id, conversation_id, type, fields FROM pending_actions ");
    QSqlQuery q =
        conversationId
            ? select(m_read, sql + QStringLiteral("WHERE conversation_id = ? ORDER BY id"),
                     {*conversationId})
            : select(m_read, sql + QStringLiteral("ORDER BY id"), {});
    QList<PendingAction> actions;
    while (q.next())
        actions.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                        QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()});
    return actions;
}

void LocalCache::acknowledge(const Message &serverCopy)
{
    if (m_writer)
        m_writer->enqueueAcknowledge(serverCopy);
}

void LocalCache::discardReply(const QUuid &clientId)
{
    if (m_writer)
        m_writer->enqueueDiscard(clientId);
}

void LocalCache::setDraft(qint64 conversationId, const QString &text)
{
    if (m_writer)
        m_writer->enqueueDraft(conversationId, text);
}

void LocalCache::setReadMarker(qint64 conversationId, qint64 upTo)
{
    if (m_writer)
        m_writer->enqueueReadMarker(conversationId, upTo);
}

void LocalCache::beginResume()
{
    if (m_writer)
        m_writer->enqueueResume();
}

void LocalCache::setOwnAgent(qint64 agentId)
{
    if (m_writer)
        m_writer->enqueueOwnAgent(agentId);
}

void LocalCache::flush()
{
    if (!m_writer)
        return;
    m_copies.waitForDone(); // replies whose files are being kept go in with the rest
    m_writer->flush();
    // Deliver the commits' signals now, so that a caller sees them before flush returns.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

QList<ConversationSummary> LocalCache::conversations(int limit) const
{
    return CacheRows::summaries(m_read, limit);
}

void LocalCache::readConversations()
{
    if (m_writer)
        m_writer->enqueueSummaryRead();
}

std::optional<ConversationSummary> LocalCache::conversation(qint64 id) const
{
    const QList<ConversationSummary> found =
        CacheRows::summariesWhere(m_read, QStringLiteral("WHERE id = ?"), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<ConversationSummary> LocalCache::conversationsOf(qint64 customerId) const
{
    return CacheRows::summariesWhere(m_read,
                                     QStringLiteral("WHERE customer_id = ? AND merged_into = 0"
                                                    " ORDER BY updated_at DESC, id DESC LIMIT 200"),
                                     {customerId});
}

std::optional<Customer> LocalCache::customer(qint64 customerId) const
{
    QSqlQuery q = select(m_read,
                         QStringLiteral("SELECT customer_name, customer_email FROM conversations"
                                        " WHERE customer_id = ? ORDER BY updated_at DESC LIMIT 1"),
                         {customerId});
    if (!q.next())
        return std::nullopt;
    return Customer{customerId, q.value(0).toString(), q.value(1).toString()};
}

//! "1,2,3": integers of our own, so they can be written into a statement.
static QString idList(const QSet<qint64> &ids)
{
    QStringList list;
    for (qint64 id : ids)
        list.append(QString::number(id));
    return list.join(QLatin1Char(','));
}

QHash<qint64, ConversationSummary> LocalCache::conversations(const QSet<qint64> &ids) const
{
    QHash<qint64, ConversationSummary> found;
    if (ids.isEmpty())
        return found;
    const QList<ConversationSummary> list =
        CacheRows::summariesWhere(m_read, QStringLiteral("WHERE id IN (%1)").arg(idList(ids)), {});
    for (const ConversationSummary &summary : list)
        found.insert(summary.id, summary);
    return found;
}

QList<Message> LocalCache::messages(qint64 conversationId, std::optional<qint64> beforeId,
                                    int limit) const
{
    if (limit <= 0)
        return {};
    QSqlQuery q = select(m_read,
                         messageColumns
                             + QStringLiteral("WHERE conversation_id = ? AND id < ?"
                                              " ORDER BY id DESC LIMIT ?"),
                         {conversationId, beforeId.value_or(Protocol::MaxId + 1), limit});
    QList<Message> page;
    while (q.next())
        page.append(messageFrom(q));
    std::reverse(page.begin(), page.end());
    return page;
}

bool LocalCache::hasMessagesBefore(qint64 conversationId, qint64 beforeId) const
{
    QSqlQuery q = select(m_read,
                         QStringLiteral("SELECT EXISTS (SELECT 1 FROM messages"
                                        " WHERE conversation_id = ? AND id < ?)"),
                         {conversationId, beforeId});
    return q.next() && q.value(0).toBool();
}

QList<Message> LocalCache::search(const QString &query, int limit) const
{
    const QString match =
        SearchExpression::build(query, [this](const QString &word) { return vocabulary(word); });
    if (match.isEmpty() || limit <= 0)
        return {};
    // Newest first by rowid (= message id), which FTS5 walks in order and stops after
    // `limit`; ORDER BY rank would score every match first (QT-NOTES: 0.05 vs 516 ms).
    QSqlQuery q = select(m_read,
                         messageColumns
                             + QStringLiteral("WHERE id IN (SELECT rowid FROM messages_fts"
                                              " WHERE messages_fts MATCH ? ORDER BY rowid DESC"
                                              " LIMIT ?) ORDER BY id DESC"),
                         {match, limit});
    QList<Message> found;
    while (q.next())
        found.append(messageFrom(q));
    return found;
}

std::optional<QStringList> LocalCache::vocabulary(const QString &word) const
{
    const auto [from, to] = SearchExpression::completionRange(word);
    QSqlQuery q = select(m_read,
                         QStringLiteral("SELECT term FROM messages_vocab WHERE term >= ?"
                                        " AND term < ? LIMIT ?"),
                         {from, to, SearchExpression::MaxCompletions + 1});
    if (!q.isActive())
        return std::nullopt;
    QStringList terms;
    while (q.next())
        terms.append(q.value(0).toString());
    return terms;
}

QList<OutboxEntry> LocalCache::outbox(std::optional<qint64> conversationId) const
{
    const QString sql = QStringLiteral("SELECT client_id, conversation_id, text, created_at,"
                                       " attempts, note, cc, email FROM outbox ");
    QSqlQuery q =
        conversationId
            ? select(m_read, sql + QStringLiteral("WHERE conversation_id = ? ORDER BY id"),
                     {*conversationId})
            : select(m_read, sql + QStringLiteral("ORDER BY id"), {});
    QList<OutboxEntry> entries;
    while (q.next()) {
        entries.append(OutboxEntry{
            QUuid::fromRfc4122(q.value(0).toByteArray()), q.value(1).toLongLong(),
            q.value(2).toString(), CacheRows::time(q.value(3)), q.value(4).toInt(),
            q.value(5).toBool(), q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts),
            QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object()});
    }
    return entries;
}

QList<Team> LocalCache::teams() const
{
    QSqlQuery q = select(
        m_read, QStringLiteral("SELECT id, name, members, calendar, sla FROM teams ORDER BY id"),
        {});
    QList<Team> teams;
    while (q.next()) {
        Team t{q.value(0).toLongLong(), q.value(1).toString(), {}, std::nullopt, std::nullopt};
        if (!q.value(3).isNull()) {
            const auto calendar =
                CalendarJson::decode(QJsonDocument::fromJson(q.value(3).toByteArray()).object());
            if (calendar)
                t.calendar = calendar.value();
        }
        if (!q.value(4).isNull()) {
            const auto sla =
                SlaPolicyJson::decode(QJsonDocument::fromJson(q.value(4).toByteArray()).object());
            if (sla)
                t.sla = sla.value();
        }
        for (const QString &id : q.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            t.members.append(id.toLongLong());
        teams.append(t);
    }
    return teams;
}

QList<Label> LocalCache::labels() const
{
    QSqlQuery q = select(m_read, QStringLiteral("SELECT id, name, colour FROM labels"), {});
    QList<Label> labels;
    while (q.next())
        labels.append(Label{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    // By name as people read it, not as SQLite compares bytes.
    std::sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return labels;
}

QList<Inbox> LocalCache::inboxes() const
{
    QSqlQuery q = select(
        m_read,
        QStringLiteral(
            "SELECT id, name, channel, team_id, address, signature FROM inboxes ORDER BY id"),
        {});
    QList<Inbox> inboxes;
    while (q.next())
        inboxes.append(Inbox{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toLongLong(), q.value(4).toString(),
                             q.value(5).toString()});
    return inboxes;
}

QList<Agent> LocalCache::agents() const
{
    QSqlQuery q = select(m_read,
                         QStringLiteral("SELECT id, name, role, presence, capacity, auto_accept,"
                                        " async_capacity FROM agents ORDER BY name, id"),
                         {});
    QList<Agent> result;
    while (q.next()) {
        Agent a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        a.role = roleFromName(q.value(2).toString()).value_or(Role::Agent);
        a.presence = presenceFromName(q.value(3).toString()).value_or(Presence::Offline);
        a.capacity = q.value(4).toInt();
        a.autoAccept = q.value(5).toBool();
        a.asyncCapacity = q.value(6).toInt();
        result.append(a);
    }
    return result;
}

QHash<qint64, int> LocalCache::ratingsOf(qint64 agentId,
                                         const std::optional<QSet<qint64>> &among) const
{
    QHash<qint64, int> scores;
    if (among && among->isEmpty())
        return scores;
    QString sql = QStringLiteral("SELECT id, rating_score FROM conversations"
                                 " WHERE assignee_id = ? AND rating_score > 0");
    if (among)
        sql += QStringLiteral(" AND id IN (%1)").arg(idList(*among));
    QSqlQuery q = select(m_read, sql, {agentId});
    while (q.next())
        scores.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return scores;
}

QList<ConversationSummary> LocalCache::activeChats(qint64 agentId) const
{
    if (agentId <= 0)
        return {};
    // The partial index conversations_live answers this without a scan.
    QList<ConversationSummary> result = CacheRows::summariesWhere(
        m_read,
        QStringLiteral("WHERE live_state = 'active' AND assignee_id = ? ORDER BY assigned_at, id"),
        {agentId});
    result.removeIf([](const ConversationSummary &s) { return !s.isLive(); });
    return result;
}

QList<CannedResponse> LocalCache::cannedResponses() const
{
    QSqlQuery q = select(m_read,
                         QStringLiteral("SELECT id, shortcut, text, updated_at FROM canned"
                                        " ORDER BY shortcut COLLATE NOCASE, id"),
                         {});
    QList<CannedResponse> result;
    while (q.next()) {
        result.append(CannedResponse{q.value(0).toLongLong(), q.value(1).toString(),
                                     q.value(2).toString(), CacheRows::time(q.value(3))});
    }
    return result;
}

qint64 LocalCache::ownAgent() const
{
    if (m_writer) {
        if (const qint64 pending = m_writer->pendingOwnAgent(); pending > 0)
            return pending;
    }
    QSqlQuery q =
        select(m_read, QStringLiteral("SELECT value FROM meta WHERE key = 'own_agent'"), {});
    return q.next() ? q.value(0).toLongLong() : 0;
}

QString LocalCache::draft(qint64 conversationId) const
{
    if (m_writer) {
        if (auto pending = m_writer->pendingDraft(conversationId))
            return *pending;
    }
    QSqlQuery q =
        select(m_read, QStringLiteral("SELECT text FROM drafts WHERE conversation_id = ?"),
               {conversationId});
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace Tandem
