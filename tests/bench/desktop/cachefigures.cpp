// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachefigures.h"

#include "cache/localcache.h"
#include "traffic.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTextStream>
#include <sqlite3.h>

namespace Tandem::Bench {
namespace {

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

struct Statement {
    Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
    ~Statement() { sqlite3_finalize(s); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    void text(int i, const QString &t)
    {
        const QByteArray utf8 = t.toUtf8();
        sqlite3_bind_text(s, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    bool step()
    {
        const bool ok = sqlite3_step(s) == SQLITE_DONE;
        sqlite3_reset(s);
        return ok;
    }
    sqlite3_stmt *s = nullptr;
};

//! The rows LocalCache writes for these events, written with raw sqlite3; ms taken.
qint64 rawInsert(const QString &path, int conversations, const QList<Traffic::Row> &rows)
{
    {
        LocalCache schema; // the same tables, indexes and search index
        if (!schema.open(path))
            return -1;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return -1;
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, "PRAGMA synchronous = NORMAL");
    QElapsedTimer clock;
    clock.start();
    {
        Statement conversation(db, "INSERT INTO conversations (id, customer_id, customer_name,"
                                   " channel, status, created_at, updated_at, inbox_id)"
                                   " VALUES (?, ?, ?, 'web', 'open', ?, ?, 1)");
        Statement message(db, "INSERT INTO messages (id, conversation_id, client_id, author_kind,"
                              " author_id, author_name, text, created_at, kind)"
                              " VALUES (?, ?, randomblob(16), 'customer', ?, ?, ?, ?, 'message')");
        Statement search(db, "INSERT INTO messages_fts (rowid, text) VALUES (?, ?)");
        Statement summary(db, "UPDATE conversations SET last_message_id = ?, last_text = ?,"
                              " last_message_at = ?, updated_at = MAX(updated_at, ?),"
                              " unread = unread + ? WHERE id = ?");
        exec(db, "BEGIN");
        for (int i = 1; i <= conversations; ++i) {
            sqlite3_bind_int64(conversation.s, 1, i);
            sqlite3_bind_int64(conversation.s, 2, i);
            conversation.text(3, QStringLiteral("Customer %1").arg(i));
            sqlite3_bind_int64(conversation.s, 4, rows.first().createdAtMs);
            sqlite3_bind_int64(conversation.s, 5, rows.first().createdAtMs);
            conversation.step();
        }
        QHash<qint64, std::pair<const Traffic::Row *, int>> newest;
        for (const Traffic::Row &row : rows) {
            sqlite3_bind_int64(message.s, 1, row.id);
            sqlite3_bind_int64(message.s, 2, row.conversationId);
            sqlite3_bind_int64(message.s, 3, row.conversationId);
            message.text(4, QStringLiteral("Customer %1").arg(row.conversationId));
            message.text(5, row.text);
            sqlite3_bind_int64(message.s, 6, row.createdAtMs);
            message.step();
            sqlite3_bind_int64(search.s, 1, row.id);
            search.text(2, row.text);
            search.step();
            auto &last = newest[row.conversationId];
            last = {&row, last.second + 1};
        }
        for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
            const Traffic::Row &row = *it->first;
            sqlite3_bind_int64(summary.s, 1, row.id);
            summary.text(2, row.text);
            sqlite3_bind_int64(summary.s, 3, row.createdAtMs);
            sqlite3_bind_int64(summary.s, 4, row.createdAtMs);
            sqlite3_bind_int64(summary.s, 5, it->second);
            sqlite3_bind_int64(summary.s, 6, it.key());
            summary.step();
        }
        exec(db, "COMMIT");
    }
    const qint64 ms = clock.elapsed();
    sqlite3_close(db);
    return ms;
}

qint64 cacheApply(const QString &path, const QList<Event> &events)
{
    LocalCache cache;
    if (!cache.open(path))
        return -1;
    QElapsedTimer clock;
    clock.start();
    cache.applyEvents(events);
    cache.flush();
    return clock.elapsed();
}

double perSecond(qint64 count, qint64 ms)
{
    return count * 1000.0 / std::max<qint64>(1, ms);
}

} // namespace

void printApplyFigures(QTextStream &out, const QString &dir, int conversations, int messages)
{
    Traffic traffic(conversations);
    QList<Event> events = traffic.conversations();
    events += traffic.messages(messages - conversations);
    const QList<Traffic::Row> rows = traffic.takeRows();
    const qint64 cacheMs = cacheApply(dir + QStringLiteral("/apply-cache.sqlite"), events);
    const qint64 rawMs = rawInsert(dir + QStringLiteral("/apply-raw.sqlite"), conversations, rows);
    if (cacheMs < 0 || rawMs < 0) {
        out << "cache apply: the caches in " << dir << " could not be opened\n";
        return;
    }
    const double cache = perSecond(events.size(), cacheMs);
    const double raw = perSecond(events.size(), rawMs);
    out << "cache apply: " << events.size() << " events (" << conversations << " conversations, "
        << rows.size() << " messages) at " << qRound(cache) << " events/s; raw sqlite3 inserting "
        << "the same rows: " << qRound(raw) << "/s; cache at " << qRound(100 * cache / raw)
        << " % of raw\n";
    out.flush();
}

void fillCache(QTextStream &out, const QString &path, int conversations, qint64 messages)
{
    LocalCache cache;
    if (!cache.open(path))
        return;
    Traffic traffic(conversations);
    QElapsedTimer clock;
    clock.start();
    cache.applyEvents(traffic.conversations());
    qint64 events = 2LL * conversations;
    // A catch-up arrives in pages; applying each as it comes keeps memory flat.
    constexpr int Page = 20000;
    for (qint64 left = messages - conversations; left > 0; left -= Page) {
        const QList<Event> page = traffic.messages(int(std::min<qint64>(Page, left)));
        traffic.takeRows();
        events += page.size();
        cache.applyEvents(page);
        cache.flush();
    }
    cache.flush();
    out << "cache: " << conversations << " conversations and " << messages
        << " messages applied at " << qRound(perSecond(events, clock.elapsed())) << " events/s\n";
    out.flush();
}

} // namespace Tandem::Bench
