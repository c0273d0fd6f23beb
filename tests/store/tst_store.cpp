// SPDX-License-Identifier: GPL-3.0-or-later
#include "../support/freshfiles.h"
#include "hub/deskoperations.h"
#include "store/sqlitecheckpointer.h"
#include "store/sqliteschema.h"
#include "store/sqlitestatement.h"
#include "store/sqlitestore.h"
#include "store/storage.h"

#include <QJsonArray>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <limits>
#include <sqlite3.h>

using namespace Tandem;
using namespace Tandem::Server;

namespace {

//! Runs `sql` on a connection of its own to the file at `path`; the rows, '|'-joined.
QStringList onFile(const QString &path, const QString &sql)
{
    QStringList rows;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        if (!db.open())
            return {QStringLiteral("cannot open ") + path};
        QSqlQuery q(db);
        if (!q.exec(sql))
            return {q.lastError().text()};
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i).toString();
            rows << row.join(QLatin1Char('|'));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return rows;
}

QStringList schemaOf(const QString &path)
{
    return onFile(path, QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master"
                                       " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
}

Viewer customerViewer(const Customer &c)
{
    return Viewer{{Party::Kind::Customer, c.id, c.name}, Role::Agent, {}, {}};
}

//! Staff who see every inbox (what an agent sees is tested against tandemd, tst_access).
Viewer staffViewer(qint64 id)
{
    return Viewer{{Party::Kind::Agent, id, QStringLiteral("Dana")}, Role::Supervisor, {}, {}};
}

Commands::Send sendCommand(std::optional<qint64> conversation, const QString &text,
                           QUuid clientId = QUuid::createUuid())
{
    return Commands::sendOf(conversation, clientId, text);
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT
private:
    Testing::FreshFiles m_files{QStringLiteral("store-")};
    QString freshPath() { return m_files.next(); }

    //! A store with one customer who has one conversation.
    struct Seeded {
        std::unique_ptr<SqliteStore> store;
        Customer customer;
        qint64 conversation = 0;
    };
    //! Ada's conversation, opened with "hi", then `replies` messages from agent 1 saying
    //! "0", "1", … (a conversation id of 0 when any of it failed).
    Seeded seeded(int replies = 0)
    {
        Seeded s{std::make_unique<SqliteStore>(freshPath()), {}, 0};
        if (!s.store->open())
            return s;
        s.store->begin();
        s.customer = DeskOperations::createCustomer(*s.store, QStringLiteral("Ada"), {})->customer;
        s.conversation = DeskOperations::send(*s.store, customerViewer(s.customer),
                                              sendCommand(std::nullopt, QStringLiteral("hi")))
                             ->conversation.id;
        for (int i = 0; i < replies; ++i) {
            if (!DeskOperations::send(*s.store, staffViewer(1),
                                      sendCommand(s.conversation, QString::number(i))))
                s.conversation = 0;
        }
        s.store->commit();
        return s;
    }

private Q_SLOTS:
    void migrationsFromEveryVersionMatchAFreshStore_data()
    {
        QTest::addColumn<int>("startVersion");
        for (int v = 0; v < SqliteSchema::latestVersion(); ++v)
            QTest::addRow("from %d", v) << v;
    }

    void migrationsFromEveryVersionMatchAFreshStore()
    {
        QFETCH(int, startVersion);
        const QString freshFile = freshPath();
        SqliteStore fresh(freshFile);
        QVERIFY(fresh.open().ok());
        QCOMPARE(fresh.schemaVersion(), SqliteSchema::latestVersion());

        const QString oldPath = freshPath();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(oldPath);
            QVERIFY(db.open());
            QVERIFY(SqliteSchema::migrate(db, startVersion).ok());
            QSqlQuery q(db);
            // Data written by the older version must survive the upgrade.
            if (startVersion >= 1)
                QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO agents (email, name, role, password_hash, created_at)"
                    " VALUES ('old@example.com', 'Old', 'agent', 'x', 0)")));
            // And a widget customer's conversation with a message.
            if (startVersion >= 2) {
                QVERIFY(q.exec(QStringLiteral("INSERT INTO customers (name, email, token_hash,"
                                              " created_at) VALUES ('Ada', '', x'01', 0)")));
                QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO conversations (customer_id, channel, status, created_at,"
                    " updated_at) VALUES (1, 'web', 'open', 0, 5)")));
                QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO messages (conversation_id, client_id, author_kind, author_id,"
                    " text, created_at) VALUES (1, '8d1c1c8e-7f7a-4b8e-9a55-2f4c7c1a0d11',"
                    " 'customer', 1, 'Hello from before', 5)")));
                // Two replies from an agent, the first of which the customer read.
                QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO messages (conversation_id, client_id, author_kind, author_id,"
                    " text, created_at) VALUES (1, '0b7e6f3a-0c55-4e2e-8d0a-3f4b5c6d7e8f',"
                    " 'agent', 1, 'Hi Ada', 6), (1, '1c8f7a4b-1d66-4f3f-9e1b-4a5c6d7e8f90',"
                    " 'agent', 1, 'Anything else?', 7)")));
            }
            if (startVersion >= 3)
                QVERIFY(q.exec(QStringLiteral("INSERT INTO read_markers (conversation_id,"
                                              " reader_kind, reader_id, up_to)"
                                              " VALUES (1, 'customer', 1, 2)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));

        SqliteStore upgraded(oldPath);
        QVERIFY(upgraded.open().ok());
        QCOMPARE(upgraded.schemaVersion(), SqliteSchema::latestVersion());
        QCOMPARE(schemaOf(oldPath), schemaOf(freshFile));
        if (startVersion >= 1)
            QVERIFY(upgraded.agentByEmail(QStringLiteral("OLD@example.com")).ok());
        if (startVersion >= 2) {
            const auto conversation = upgraded.conversation(1);
            QVERIFY(conversation);
            QCOMPARE(conversation->channel, QStringLiteral("web"));
            QCOMPARE(conversation->customer.name, QStringLiteral("Ada"));
            const auto messages = upgraded.messages(1, std::nullopt, 10);
            QCOMPARE(messages->size(), 3);
            QCOMPARE(messages->first().text, QStringLiteral("Hello from before"));
            QVERIFY(upgraded.addressOf(1, QStringLiteral("email")).isNotFound());
        }
        if (startVersion >= 2 && startVersion < 7) {
            // The widget became a channel: the customer has an address on it (on no other),
            // and the replies have a delivery state (read where the customer's marker passed
            // them) and are not sent again.
            const auto address = upgraded.addressOf(1, QStringLiteral("web"));
            QVERIFY(address && !address->isEmpty());
            QCOMPARE(upgraded.customerByIdentity(QStringLiteral("web"), *address)->id, 1);
            QVERIFY(upgraded.outbound(1).isNotFound());
            QCOMPARE(upgraded.outbound(2)->state,
                     startVersion >= 3 ? DeliveryState::Read : DeliveryState::Sent);
            QCOMPARE(upgraded.outbound(2)->address, *address);
            QCOMPARE(upgraded.outbound(3)->state, DeliveryState::Sent);
            QVERIFY(upgraded.dueOutbound(QDateTime::currentDateTimeUtc(), 10)->isEmpty());
        }
        // Inboxes and teams: what came before is in the first inbox, owned by the first
        // team, which every agent who was there is in; so nobody loses sight of anything.
        const auto inboxes = upgraded.inboxes();
        QCOMPARE(inboxes->size(), 1);
        QCOMPARE(inboxes->first(), (Inbox{1, QStringLiteral("Website"), QStringLiteral("web"), 1}));
        const auto teams = upgraded.teams();
        QCOMPARE(teams->size(), 1);
        QCOMPARE(teams->first().name, QStringLiteral("Support"));
        if (startVersion >= 1 && startVersion < 9) { // written before teams existed
            const qint64 old = upgraded.agentByEmail(QStringLiteral("old@example.com"))->agent.id;
            QCOMPARE(teams->first().members, QList<qint64>{old});
            QCOMPARE(upgraded.inboxesOf(old).value(), QSet<qint64>{1});
        }
        if (startVersion >= 2) {
            QCOMPARE(upgraded.conversation(1)->inboxId, 1);
            // Messages from before are the conversation's own, shown to everyone.
            QCOMPARE(upgraded.messages(1, std::nullopt, 10, MessageView::Customer)->size(), 3);
        }
    }

    void refusesDataFromANewerServer()
    {
        const QString path = freshPath();
        {
            SqliteStore store(path);
            QVERIFY(store.open().ok());
        }
        QVERIFY(onFile(path, QStringLiteral("PRAGMA user_version = 999")).isEmpty());
        SqliteStore store(path);
        const auto opened = store.open();
        QVERIFY(!opened.ok());
        QVERIFY(opened.failure().message.contains(QLatin1String("newer")));
    }

    void statementsBindNullsAsNullAndEmptyAsEmpty()
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
        sqlite3_extended_result_codes(db, 1);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE t (a TEXT, b BLOB, c TEXT NOT NULL)", nullptr,
                              nullptr, nullptr),
                 SQLITE_OK);
        {
            SqliteStatement insert(db, QStringLiteral("INSERT INTO t (a, b, c) VALUES (?, ?, ?)"));
            SqliteStatement read(db,
                                 QStringLiteral("SELECT a IS NULL, b IS NULL, typeof(a), c FROM t"
                                                " ORDER BY rowid"));
            QVERIFY(insert.ok() && read.ok());
            insert.bind(0, QString());
            insert.bind(1, QByteArray());
            insert.bind(2, QStringLiteral("x"));
            QVERIFY(insert.exec());
            insert.bind(0, QStringLiteral(""));
            insert.bind(1, QByteArray(""));
            insert.bind(2, QStringLiteral(""));
            QVERIFY(insert.exec());
            QVERIFY(read.exec());
            QVERIFY(read.next());
            QCOMPARE(read.value(0).toInt(), 1);
            QCOMPARE(read.value(1).toInt(), 1);
            QVERIFY(read.next());
            QCOMPARE(read.value(0).toInt(), 0);
            QCOMPARE(read.value(1).toInt(), 0);
            QCOMPARE(read.value(2).toString(), QStringLiteral("text"));
            QVERIFY(!read.next());
            // A NOT NULL column refuses a null string instead of keeping it as empty text.
            insert.bind(0, QStringLiteral("a"));
            insert.bind(1, QByteArray("b"));
            insert.bind(2, QString());
            QVERIFY(!insert.exec());
            QCOMPARE(insert.errorCode(), SQLITE_CONSTRAINT_NOTNULL);
        }
        sqlite3_close(db);
    }

    void aValueThatCannotBeBoundFailsTheRunInsteadOfWritingNull()
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
        sqlite3_extended_result_codes(db, 1);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE t (a TEXT, n INTEGER)", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 100); // so "too long" is cheap to reach
        {
            SqliteStatement insert(db, QStringLiteral("INSERT INTO t (a, n) VALUES (?, ?)"));
            SqliteStatement count(db, QStringLiteral("SELECT count(*), max(n) FROM t"));
            QVERIFY(insert.ok() && count.ok());
            // Too long: the row is not written with NULL in its place.
            insert.bind(0, QString(200, QLatin1Char('x')));
            insert.bind(1, 1);
            QVERIFY(!insert.exec());
            QCOMPARE(insert.errorCode(), SQLITE_TOOBIG);
            QVERIFY(insert.error().contains(QStringLiteral("value 1")));
            // An unsigned number past what SQLite holds is refused, not stored as another.
            insert.bind(0, QStringLiteral("a"));
            insert.bind(1, QVariant::fromValue(std::numeric_limits<quint64>::max()));
            QVERIFY(!insert.exec());
            QCOMPARE(insert.errorCode(), SQLITE_MISMATCH);
            // The failure is not carried over: the next good run goes through, and an
            // unsigned number that fits is stored as itself.
            insert.bind(0, QStringLiteral("b"));
            insert.bind(1, QVariant::fromValue(quint64(1) << 62));
            QVERIFY(insert.exec());
            QVERIFY(count.exec() && count.next());
            QCOMPARE(count.value(0).toInt(), 1);
            QCOMPARE(count.value(1).toLongLong(), qint64(1) << 62);
            count.finish();
        }
        sqlite3_close(db);
    }

    void theLogIsCheckpointedOffTheWriter()
    {
        const QString path = freshPath();
        SqliteStore store(path);
        QVERIFY(store.open().ok());
        QVERIFY(store.begin().ok());
        const auto customer = DeskOperations::createCustomer(store, QStringLiteral("Ada"), {});
        const auto started = DeskOperations::send(store, customerViewer(customer->customer),
                                                  sendCommand(std::nullopt, QStringLiteral("hi")));
        QVERIFY(store.commit().ok());
        const qint64 fileBefore = QFileInfo(path).size();
        const QString page(3000, QLatin1Char('x')); // a page of its own, with its event
        // More than the log may hold, ten messages a transaction as the storage thread does.
        for (int i = 0; i < (SqliteCheckpointer::pagesWanted + 200) / 10; ++i) {
            QVERIFY(store.begin().ok());
            for (int j = 0; j < 10; ++j)
                QVERIFY(DeskOperations::send(store, staffViewer(1),
                                             sendCommand(started->conversation.id, page)));
            QVERIFY(store.commit().ok());
        }
        QTRY_VERIFY(store.checkpointsElsewhere() >= 1);
        // What was copied is in the database file itself now.
        QTRY_VERIFY(QFileInfo(path).size() > fileBefore + SqliteCheckpointer::pagesWanted * 1024);
    }

    void idempotentSend()
    {
        Seeded s = seeded();
        QVERIFY(s.conversation > 0);
        const QUuid clientId = QUuid::createUuid();
        s.store->begin();
        const auto first =
            DeskOperations::send(*s.store, staffViewer(1),
                                 sendCommand(s.conversation, QStringLiteral("Hello"), clientId));
        const auto retry =
            DeskOperations::send(*s.store, staffViewer(1),
                                 sendCommand(s.conversation, QStringLiteral("Hello"), clientId));
        QVERIFY(first.ok() && retry.ok());
        QCOMPARE(retry->message.id, first->message.id);
        QCOMPARE(retry->message.createdAt, first->message.createdAt);

        // The same id for something else is a conflict, not a silent overwrite.
        const auto otherText = DeskOperations::send(
            *s.store, staffViewer(1), sendCommand(s.conversation, QStringLiteral("Bye"), clientId));
        QCOMPARE(otherText.failure().code, ErrorCode::Conflict);
        const auto otherAuthor =
            DeskOperations::send(*s.store, staffViewer(2),
                                 sendCommand(s.conversation, QStringLiteral("Hello"), clientId));
        QCOMPARE(otherAuthor.failure().code, ErrorCode::Conflict);
        const auto customerRetryWithoutConversation =
            DeskOperations::send(*s.store, customerViewer(s.customer),
                                 sendCommand(std::nullopt, QStringLiteral("Hello"), clientId));
        QCOMPARE(customerRetryWithoutConversation.failure().code, ErrorCode::Conflict);
        s.store->commit();

        QCOMPARE(s.store->messages(s.conversation, std::nullopt, 100)->size(), 2);
        // One event per message that exists, none for the retry.
        const QList<Event> events = s.store->eventsAfter(0, ReadScope{}, 100).value();
        QCOMPARE(std::count_if(events.begin(), events.end(),
                               [](const Event &e) { return e.kind == EventKind::MessageCreated; }),
                 2);
    }

    void customersSeeOnlyTheirOwn()
    {
        Seeded s = seeded();
        s.store->begin();
        const Customer mallory =
            DeskOperations::createCustomer(*s.store, QStringLiteral("Mallory"), {})->customer;
        const Viewer m = customerViewer(mallory);
        QCOMPARE(
            DeskOperations::history(*s.store, m, {s.conversation, std::nullopt, 50}).failure().code,
            ErrorCode::NotFound);
        QCOMPARE(DeskOperations::send(*s.store, m, sendCommand(s.conversation, QStringLiteral("x")))
                     .failure()
                     .code,
                 ErrorCode::NotFound);
        const qint64 message = s.store->lastMessage(s.conversation)->id;
        QCOMPARE(DeskOperations::markRead(*s.store, m, {s.conversation, message}).failure().code,
                 ErrorCode::NotFound);
        QVERIFY(
            DeskOperations::history(*s.store, staffViewer(1), {s.conversation, std::nullopt, 50})
                .ok());
        // Mallory's catch-up carries none of Ada's events.
        const auto catchup = DeskOperations::catchUp(*s.store, m, 0, 1000, 200);
        QVERIFY(catchup.ok() && !catchup->isSnapshot);
        QVERIFY(catchup->events.isEmpty());
        const auto snapshot = DeskOperations::catchUp(*s.store, m, std::nullopt, 1000, 200);
        QVERIFY(snapshot->snapshot.value(QLatin1String("conversations")).toArray().isEmpty());
        s.store->commit();
    }

    void historyPages()
    {
        Seeded s = seeded(9);
        QVERIFY(s.conversation > 0);
        const Viewer v = staffViewer(1);
        const auto newest = DeskOperations::history(*s.store, v, {s.conversation, std::nullopt, 4});
        QCOMPARE(newest->messages.size(), 4);
        QVERIFY(newest->more);
        QCOMPARE(newest->messages.last().text, QStringLiteral("8"));
        QVERIFY(newest->messages.first().id < newest->messages.last().id);
        const auto older = DeskOperations::history(
            *s.store, v, {s.conversation, newest->messages.first().id, 100});
        QCOMPARE(older->messages.size(), 6); // "hi" and 0..4
        QVERIFY(!older->more);
    }

    void groupCommitSharesTransactions()
    {
        Seeded s = seeded();
        const qint64 conversation = s.conversation;
        Storage storage(std::move(s.store));
        QSignalSpy committed(&storage, &Storage::committed);
        constexpr int Sends = 400;
        int acknowledged = 0;
        for (int i = 0; i < Sends; ++i) {
            storage.run(
                this,
                [conversation, i](Store &store) {
                    return DeskOperations::send(store, staffViewer(1),
                                                sendCommand(conversation, QString::number(i)));
                },
                [&](Result<DeskOperations::Sent> sent) { acknowledged += sent.ok() ? 1 : 0; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(acknowledged, Sends, 60000);
        const Storage::Stats stats = storage.stats();
        QCOMPARE(stats.operations, qint64(Sends));
        QVERIFY2(stats.transactions < Sends / 2, qPrintable(QString::number(stats.transactions)));
        qint64 previous = 0;
        int events = 0;
        for (const QList<QVariant> &signal : std::as_const(committed)) {
            for (const Event &e : signal.first().value<QList<Event>>()) {
                QVERIFY(e.seq > previous);
                previous = e.seq;
                events += e.kind == EventKind::MessageCreated ? 1 : 0;
            }
        }
        QCOMPARE(events, Sends);
    }

    void aFailingRequestDoesNotUndoItsNeighbours()
    {
        Seeded s = seeded();
        const qint64 conversation = s.conversation;
        Storage storage(std::move(s.store));
        QSignalSpy committed(&storage, &Storage::committed);
        // Hold the storage thread until the next three are queued, so they land in one
        // transaction.
        QSemaphore queued;
        storage.run(
            this,
            [&queued](Store &) -> Result<Done> {
                queued.acquire();
                return Done{};
            },
            [](Result<Done>) {});
        QList<bool> outcomes;
        auto record = [&](auto result) { outcomes.append(result.ok()); };
        storage.run(
            this,
            [&](Store &store) {
                return DeskOperations::send(store, staffViewer(1),
                                            sendCommand(conversation, QStringLiteral("kept 1")));
            },
            record);
        storage.run(
            this,
            [&](Store &store) -> Result<Done> {
                // Writes, then fails: its message and event must vanish.
                DeskOperations::send(store, staffViewer(1),
                                     sendCommand(conversation, QStringLiteral("undone")));
                return Failure{ErrorCode::Conflict, QStringLiteral("refused")};
            },
            record);
        storage.run(
            this,
            [&](Store &store) {
                return DeskOperations::send(store, staffViewer(1),
                                            sendCommand(conversation, QStringLiteral("kept 2")));
            },
            record);
        queued.release();
        QTRY_COMPARE(outcomes.size(), 3);
        QCOMPARE(outcomes, (QList<bool>{true, false, true}));
        QStringList published;
        for (const QList<QVariant> &signal : std::as_const(committed))
            for (const Event &e : signal.first().value<QList<Event>>())
                if (e.kind == EventKind::MessageCreated)
                    published << e.subject->message->text;
        QCOMPARE(published, (QStringList{QStringLiteral("kept 1"), QStringLiteral("kept 2")}));
        QStringList stored;
        bool done = false;
        storage.run(
            this,
            [conversation](Store &store) -> Result<QList<Message>> {
                return forClient(store.messages(conversation, std::nullopt, 10), QString());
            },
            [&](Result<QList<Message>> messages) {
                for (const Message &m : messages.value())
                    stored << m.text;
                done = true;
            });
        QTRY_VERIFY(done);
        QCOMPARE(stored, (QStringList{QStringLiteral("hi"), QStringLiteral("kept 1"),
                                      QStringLiteral("kept 2")}));
    }

    void catchUpReplaysOrSnapshots()
    {
        Seeded s = seeded(10);
        QVERIFY(s.conversation > 0);
        const qint64 head = s.store->headSeq().value();
        const Viewer v = staffViewer(1);
        const auto replay = DeskOperations::catchUp(*s.store, v, head - 3, 5, 200);
        QVERIFY(!replay->isSnapshot);
        QCOMPARE(replay->events.size(), 3);
        QCOMPARE(replay->events.first().seq, head - 2);
        QVERIFY(DeskOperations::catchUp(*s.store, v, head - 6, 5, 200)->isSnapshot); // too old
        QVERIFY(
            DeskOperations::catchUp(*s.store, v, head + 1, 5, 200)->isSnapshot); // from the future
        QVERIFY(DeskOperations::catchUp(*s.store, v, head, 5, 200)->events.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
