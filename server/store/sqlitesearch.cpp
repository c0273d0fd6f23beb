// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStore: search over messages and notes (messages_fts, filled in batches after the
// messages are written).
#include "sqlitestore.h"

#include "sqliterows.h"
#include "sqlitestatement.h"

#include <limits>

namespace Tandem::Server {

Stored<QList<Message>> SqliteStore::searchMessages(const ReadScope &scope, const QString &match,
                                                   std::optional<qint64> beforeId, int limit)
{
    // The index leads, newest first: FTS5 hands out its matches in rowid order and the query
    // stops at the limit; the conversation of each is a lookup, for the agent's scope.
    QString sql = QString(SqliteRows::messageColumns)
                      .replace(QStringLiteral("FROM messages m"),
                               QStringLiteral("FROM messages_fts f JOIN messages m"
                                              " ON m.id = f.rowid"))
                  + QStringLiteral("JOIN conversations cv ON cv.id = m.conversation_id"
                                   " WHERE messages_fts MATCH ? AND f.rowid < ? ");
    QVariantList binds{match, beforeId.value_or(std::numeric_limits<qint64>::max())};
    if (scope.customerId) {
        sql += QStringLiteral("AND cv.customer_id = ? AND m.kind = 'message' ");
        binds.append(*scope.customerId);
    }
    if (scope.agentId) {
        sql += QStringLiteral("AND (cv.inbox_id IN (") + SqliteRows::agentInboxes
               + QStringLiteral(") OR cv.assignee_id = ?) ");
        binds << *scope.agentId << *scope.agentId;
    }
    sql += QStringLiteral("ORDER BY f.rowid DESC LIMIT ?");
    binds.append(limit);
    SqliteStatement &q = prepare(sql);
    if (auto failure = run(q, binds))
        return *failure;
    return SqliteRows::rows(q, SqliteRows::messageFrom);
}

Stored<int> SqliteStore::indexForSearch(int limit)
{
    SqliteStatement &progress = prepare(QStringLiteral("SELECT up_to FROM search_progress"));
    if (auto failure = run(progress, {}))
        return *failure;
    const qint64 from = progress.next() ? progress.value(0).toLongLong() : 0;
    SqliteStatement &next = prepare(QStringLiteral("SELECT COUNT(*), MAX(id) FROM (SELECT id FROM "
                                                   "messages WHERE id > ? ORDER BY id LIMIT ?)"));
    if (auto failure = run(next, {from, limit}))
        return *failure;
    const int count = next.next() ? next.value(0).toInt() : 0;
    if (count == 0)
        return 0;
    const qint64 upTo = next.value(1).toLongLong();
    // The timeline's lines are not searched; they move the position on all the same.
    SqliteStatement &add = prepare(
        QStringLiteral("INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages"
                       " WHERE id > ? AND id <= ? AND kind <> 'activity'"));
    if (auto failure = run(add, {from, upTo}))
        return *failure;
    SqliteStatement &moved = prepare(QStringLiteral("UPDATE search_progress SET up_to = ?"));
    if (auto failure = run(moved, {upTo}))
        return *failure;
    return count;
}

Stored<QStringList> SqliteStore::searchTerms(const QString &from, const QString &to, int limit)
{
    SqliteStatement &q = prepare(
        QStringLiteral("SELECT term FROM messages_vocab WHERE term >= ? AND term < ? LIMIT ?"));
    if (auto failure = run(q, {from, to, limit}))
        return *failure;
    QStringList terms;
    while (q.next())
        terms.append(q.value(0).toString());
    return terms;
}

} // namespace Tandem::Server
