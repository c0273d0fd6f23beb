// SPDX-License-Identifier: GPL-3.0-or-later
// What one durable message costs the store, beside raw sqlite3 doing the same statements.
//
// Both sides take customer sends for 100 open conversations, in transactions of the size the
// storage thread makes under load (157 sends), each send in a savepoint, committed with
// synchronous = FULL in WAL mode, on one thread with no network. Checkpoints are left out of
// both (tandemd runs them on a thread of its own). The raw side runs the SQL a send runs:
// read the conversation, insert the message, touch the conversation, append the event. It is
// then run once more without the three indexes that keep per-conversation and per-customer
// order (history pages, a customer's catch-up, the open list by activity), to show what
// they cost. Prints figures; asserts nothing.
//
// Usage: bench_store [MESSAGES]   (default 60,000)

#include "hub/deskoperations.h"
#include "protocol/commands.h"
#include "store/sqlitestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>
#include <sqlite3.h>

using namespace Tandem;
using namespace Tandem::Server;

namespace {

constexpr int Conversations = 100;
constexpr int Batch = 157;
const char *const Text = "Hello, I have a question about my order 12345 and when it will arrive";

struct Figures {
    double perSecond = 0;
    double cpuUsPerMessage = 0;
    double walBytesPerMessage = 0;
};

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double wallSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

//! Runs `one(n)` for `total` messages in transactions of Batch, timed.
Figures timed(const QString &path, int total, const std::function<bool()> &begin,
              const std::function<bool(int)> &one, const std::function<bool()> &commit)
{
    const double c0 = cpuSeconds(), w0 = wallSeconds();
    for (int n = 0; n < total;) {
        if (!begin())
            return {};
        for (int b = 0; b < Batch && n < total; ++b, ++n) {
            if (!one(n))
                return {};
        }
        if (!commit())
            return {};
    }
    const double cpu = cpuSeconds() - c0, wall = wallSeconds() - w0;
    Figures f;
    f.perSecond = total / wall;
    f.cpuUsPerMessage = cpu * 1e6 / total;
    f.walBytesPerMessage = double(QFileInfo(path + QStringLiteral("-wal")).size()) / total;
    return f;
}

//! A fresh file with tandemd's schema, customers and their open conversations.
bool prepare(const QString &path, QList<Conversation> &conversations)
{
    SqliteStore store(path);
    if (!store.open().ok() || !store.begin())
        return false;
    // Every conversation belongs to an inbox, as tandemd's first web inbox.
    const auto inbox =
        store.saveInbox(Inbox{0, QStringLiteral("Website"), QStringLiteral("web"), 0});
    if (!inbox)
        return false;
    for (int i = 0; i < Conversations; ++i) {
        auto customer = store.createCustomer(Customer{0, QStringLiteral("Customer %1").arg(i), {}},
                                             QUuid::createUuid().toRfc4122());
        if (!customer)
            return false;
        Conversation c;
        c.customer = customer.value();
        c.inboxId = inbox->id;
        c.createdAt = c.updatedAt = store.now();
        auto created = store.createConversation(c);
        if (!created)
            return false;
        conversations.append(created.value());
    }
    return bool(store.commit());
}

Figures throughStore(const QString &path, const QList<Conversation> &conversations, int total)
{
    SqliteStore store(path);
    if (!store.open().ok())
        return {};
    std::mt19937 pick(1);
    Figures f = timed(
        path, total, [&] { return bool(store.begin()); },
        [&](int) {
            const Conversation &conversation = conversations.at(int(pick() % Conversations));
            if (!store.savepoint())
                return false;
            Viewer viewer;
            viewer.party =
                Party{Party::Kind::Customer, conversation.customer.id, conversation.customer.name};
            Commands::Send send;
            send.conversationId = conversation.id;
            send.clientId = QUuid::createUuid();
            send.text = QString::fromLatin1(Text);
            if (!DeskOperations::send(store, viewer, send, true, 0))
                return false;
            return bool(store.releaseSavepoint());
        },
        [&] { return bool(store.commit()); });
    f.walBytesPerMessage = 0; // its log is checkpointed and begun again meanwhile
    return f;
}

Figures raw(const QString &path, const QList<Conversation> &conversations, int total, bool indexes)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr)
        != SQLITE_OK)
        return {};
    const auto exec = [db](const char *sql) {
        return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    };
    // As tandemd's writer: FULL, foreign keys, 32 MB of pages; its checkpoints run elsewhere.
    bool ok = exec("PRAGMA synchronous = FULL") && exec("PRAGMA foreign_keys = ON")
              && exec("PRAGMA cache_size = -32768") && exec("PRAGMA wal_autocheckpoint = 0");
    if (ok && !indexes)
        ok = exec("DROP INDEX messages_conversation") && exec("DROP INDEX events_customer")
             && exec("DROP INDEX conversations_status");
    const char *sql[] = {
        "BEGIN",
        "COMMIT",
        "SAVEPOINT s",
        "RELEASE s",
        "SELECT cv.id, cv.customer_id, cu.name, cu.email, cv.channel, cv.status, cv.created_at,"
        " cv.updated_at, cv.mode, cv.live_state, cv.assignee_id, asg.name, cv.priority,"
        " cv.queued_at, cv.assigned_at, cv.ended_at, cv.rating_score, cv.rating_comment"
        " FROM conversations cv JOIN customers cu ON cu.id = cv.customer_id"
        " LEFT JOIN agents asg ON asg.id = cv.assignee_id WHERE cv.id = ?",
        "INSERT INTO messages (conversation_id, client_id, author_kind, author_id, text,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?)",
        "UPDATE conversations SET updated_at = ? WHERE id = ?",
        "INSERT INTO events (kind, conversation_id, customer_id, staff_only, data, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"};
    sqlite3_stmt *s[8] = {};
    for (int i = 0; ok && i < 8; ++i)
        ok = sqlite3_prepare_v3(db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s[i], nullptr)
             == SQLITE_OK;
    const auto step = [](sqlite3_stmt *q) {
        int rc = SQLITE_ROW;
        while (rc == SQLITE_ROW)
            rc = sqlite3_step(q);
        sqlite3_reset(q);
        return rc == SQLITE_DONE;
    };
    std::mt19937 pick(1);
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    Figures f;
    if (ok)
        f = timed(
            path, total, [&] { return step(s[0]); },
            [&](int) {
                const Conversation &conversation = conversations.at(int(pick() % Conversations));
                const qint64 id = conversation.id, customerId = conversation.customer.id;
                const QByteArray clientId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
                ++now;
                if (!step(s[2]))
                    return false;
                sqlite3_bind_int64(s[4], 1, id);
                if (!step(s[4]))
                    return false;
                sqlite3_bind_int64(s[5], 1, id);
                sqlite3_bind_text(s[5], 2, clientId.constData(), int(clientId.size()),
                                  SQLITE_TRANSIENT);
                sqlite3_bind_text(s[5], 3, "customer", -1, SQLITE_STATIC);
                sqlite3_bind_int64(s[5], 4, customerId);
                sqlite3_bind_text(s[5], 5, Text, -1, SQLITE_STATIC);
                sqlite3_bind_int64(s[5], 6, now);
                if (!step(s[5]))
                    return false;
                const qint64 messageId = sqlite3_last_insert_rowid(db);
                sqlite3_bind_int64(s[6], 1, now);
                sqlite3_bind_int64(s[6], 2, id);
                if (!step(s[6]))
                    return false;
                // The event's text as long as the server's for such a message.
                const QByteArray data =
                    QStringLiteral("{\"author\":{\"id\":%1,\"kind\":\"customer\",\"name\":"
                                   "\"Customer %1\"},\"clientId\":\"%2\",\"conversationId\":%5,"
                                   "\"createdAt\":\"2026-11-30T20:13:32.366Z\",\"id\":%3,"
                                   "\"text\":\"%4\"}")
                        .arg(customerId)
                        .arg(QString::fromLatin1(clientId))
                        .arg(messageId)
                        .arg(QString::fromLatin1(Text))
                        .arg(id)
                        .toUtf8();
                sqlite3_bind_text(s[7], 1, "message.created", -1, SQLITE_STATIC);
                sqlite3_bind_int64(s[7], 2, id);
                sqlite3_bind_int64(s[7], 3, customerId);
                sqlite3_bind_int(s[7], 4, 0);
                sqlite3_bind_text(s[7], 5, data.constData(), int(data.size()), SQLITE_TRANSIENT);
                sqlite3_bind_int64(s[7], 6, now);
                return step(s[7]) && step(s[3]);
            },
            [&] { return step(s[1]); });
    for (sqlite3_stmt *q : s)
        sqlite3_finalize(q);
    sqlite3_close_v2(db);
    return f;
}

void print(const char *what, const Figures &f)
{
    if (f.perSecond <= 0) {
        std::printf("  %-58s  failed\n", what);
        return;
    }
    std::printf("  %-58s  %8.0f  %8.1f  %8s\n", what, f.perSecond, f.cpuUsPerMessage,
                f.walBytesPerMessage > 0
                    ? QByteArray::number(f.walBytesPerMessage, 'f', 0).constData()
                    : "-");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? std::max(1000, std::atoi(argv[1])) : 60000;
    std::printf("Store: %d customer sends to %d conversations, %d a transaction, one thread\n",
                total, Conversations, Batch);
    std::printf("  %-58s  %8s  %8s  %8s\n", "", "msg/s", "CPU us", "WAL B");
    const auto run = [&](const char *what, auto body) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tandem.sqlite"));
        QList<Conversation> conversations;
        if (!prepare(path, conversations)) {
            std::printf("  %-58s  could not prepare the file\n", what);
            return;
        }
        print(what, body(path, conversations));
    };
    run("tandemd's store (DeskOperations::send)",
        [&](const QString &p, const QList<Conversation> &c) { return throughStore(p, c, total); });
    run("raw sqlite3, the same statements",
        [&](const QString &p, const QList<Conversation> &c) { return raw(p, c, total, true); });
    run("raw sqlite3, without the three ordering indexes",
        [&](const QString &p, const QList<Conversation> &c) { return raw(p, c, total, false); });
    return 0;
}
