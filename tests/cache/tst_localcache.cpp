// SPDX-License-Identifier: GPL-3.0-or-later
#include "../support/freshfiles.h"
#include "cache/cacheschema.h"
#include "cache/localcache.h"
#include "protocol/events.h"
#include "protocol/wirecodec.h"
#include "search/searchexpression.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

using namespace Tandem;

namespace {

//! An event as it arrives off the wire: no subject, no cached JSON text.
Event wireEvent(qint64 seq, const QString &kind, qint64 conversationId, qint64 customerId,
                bool staffOnly, const QJsonObject &data)
{
    Event e;
    e.seq = seq;
    e.kind = kind;
    e.conversationId = conversationId;
    e.customerId = customerId;
    e.staffOnly = staffOnly;
    e.data = data;
    return e;
}

const QDateTime epoch =
    QDateTime::fromString(QStringLiteral("2026-11-21T12:00:00.000Z"), Qt::ISODateWithMs);
constexpr qint64 ownAgent = 3;

QDateTime at(qint64 seconds)
{
    return epoch.addSecs(seconds);
}

Message message(qint64 id, qint64 conversation, Party::Kind kind, const QString &text,
                QUuid clientId = QUuid::createUuid())
{
    const Party author =
        kind == Party::Kind::Customer
            ? Party{kind, 50 + conversation, QStringLiteral("Customer %1").arg(conversation)}
            : Party{kind, ownAgent, QStringLiteral("Dana")};
    Message m;
    m.id = id;
    m.conversationId = conversation;
    m.clientId = clientId;
    m.author = author;
    m.text = text;
    m.createdAt = at(id);
    return m;
}

Event withSeq(qint64 seq, Event e)
{
    e.seq = seq;
    return e;
}

Conversation conversationObject(qint64 id, qint64 updated = 0)
{
    Conversation c;
    c.id = id;
    c.customer = Customer{50 + id, QStringLiteral("Customer %1").arg(id), {}};
    c.createdAt = at(0);
    c.updatedAt = at(updated);
    return c;
}

Event messageEvent(qint64 seq, const Message &m)
{
    return withSeq(seq, Events::messageCreated(m, conversationObject(m.conversationId)));
}

Event messageEvent(qint64 seq, qint64 id, qint64 conversation, const QString &text,
                   Party::Kind kind = Party::Kind::Customer)
{
    return messageEvent(seq, message(id, conversation, kind, text));
}

Event conversationEvent(qint64 seq, qint64 id)
{
    return withSeq(seq, Events::conversationCreated(conversationObject(id)));
}

Event readEvent(qint64 seq, qint64 conversation, Party reader, qint64 upTo)
{
    return withSeq(seq, Events::conversationRead(conversationObject(conversation), reader, upTo));
}

Event presenceEvent(qint64 seq, qint64 agent, const QString &presence)
{
    return withSeq(seq, Events::agentPresence(agent, *presenceFromName(presence)));
}

Party agentParty(qint64 id, const QString &name)
{
    return Party{Party::Kind::Agent, id, name};
}

//! A live chat as the router describes it, at each step of its life.
Conversation liveChat(qint64 id, LiveState state, std::optional<Party> assignee = {})
{
    Conversation c = conversationObject(id);
    c.mode = ConversationMode::Live;
    c.liveState = state;
    c.assignee = assignee;
    c.queuedAt = at(1);
    if (state != LiveState::Queued)
        c.assignedAt = at(30);
    if (state == LiveState::Ended) {
        c.endedAt = at(600);
        c.status = QStringLiteral("closed");
    }
    return c;
}

Event updatedEvent(qint64 seq, const Conversation &c, const QString &change)
{
    return withSeq(seq, Events::conversationUpdated(c, change, std::nullopt));
}

CannedResponse canned(qint64 id, const QString &shortcut, const QString &text)
{
    return CannedResponse{id, shortcut, text, at(id)};
}

QStringList shortcutsOf(const QList<CannedResponse> &list)
{
    QStringList shortcuts;
    for (const CannedResponse &c : list)
        shortcuts << c.shortcut;
    return shortcuts;
}

QJsonObject snapshot(const QList<std::pair<Conversation, std::optional<Message>>> &conversations,
                     const QList<Agent> &agents)
{
    QJsonArray list;
    for (const auto &[conversation, last] : conversations) {
        QJsonObject c = Wire::encode(conversation);
        if (last)
            c.insert(QStringLiteral("lastMessage"), Wire::encode(*last));
        list.append(c);
    }
    QJsonArray agentList;
    for (const Agent &a : agents)
        agentList.append(Wire::encode(a));
    return {{QStringLiteral("conversations"), list}, {QStringLiteral("agents"), agentList}};
}

QList<qint64> idsOf(const QList<Message> &messages)
{
    QList<qint64> ids;
    for (const Message &m : messages)
        ids << m.id;
    return ids;
}

QList<qint64> idsOf(const QList<ConversationSummary> &conversations)
{
    QList<qint64> ids;
    for (const ConversationSummary &c : conversations)
        ids << c.id;
    return ids;
}

//! Every table, index and trigger as SQLite itself describes it.
QStringList schemaOf(const QString &path)
{
    QStringList rows;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema"));
        db.setDatabaseName(path);
        if (!db.open())
            return {QStringLiteral("cannot open")};
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master"
                              " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
        while (q.next())
            rows << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toString()}
                        .join(QLatin1Char('|'));
        q.exec(QStringLiteral("PRAGMA user_version"));
        if (q.next())
            rows << QStringLiteral("user_version|%1").arg(q.value(0).toInt());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema"));
    return rows;
}

} // namespace

class TestLocalCache : public QObject
{
    Q_OBJECT
private:
    Testing::FreshFiles m_files{QStringLiteral("cache-")};
    QString freshPath() { return m_files.next(); }

    //! An open cache for the signed-in agent `ownAgent`.
    std::unique_ptr<LocalCache> openCache(const QString &path)
    {
        auto cache = std::make_unique<LocalCache>();
        const auto opened = cache->open(path);
        if (!opened) {
            qWarning() << opened.failure().message;
            return nullptr;
        }
        cache->setOwnAgent(ownAgent);
        return cache;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_files.isValid());
    }

    void pathIsPerServerAndAccount()
    {
        const QUrl server(QStringLiteral("ws://127.0.0.1:8640/"));
        const QString path =
            LocalCache::pathFor(QStringLiteral("work"), server, QStringLiteral("dana@example.com"));
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                                + QStringLiteral("/work/")));
        QVERIFY(path.endsWith(QLatin1String(".sqlite")));
        QVERIFY(!path.contains(QLatin1String("dana")));
        // The same account written differently is the same cache...
        QCOMPARE(LocalCache::pathFor(QStringLiteral("work"),
                                     QUrl(QStringLiteral("ws://127.0.0.1:8640")),
                                     QStringLiteral("Dana@Example.com")),
                 path);
        // ...another account or server is not.
        QVERIFY(
            LocalCache::pathFor(QStringLiteral("work"), server, QStringLiteral("eve@example.com"))
            != path);
        QVERIFY(LocalCache::pathFor(QStringLiteral("work"), QUrl(QStringLiteral("ws://other:8640")),
                                    QStringLiteral("dana@example.com"))
                != path);
    }

    void migrationsFromEveryVersionMatchAFreshCache_data()
    {
        QTest::addColumn<int>("startVersion");
        for (int v = 0; v < CacheSchema::latestVersion(); ++v)
            QTest::addRow("from %d", v) << v;
    }

    void migrationsFromEveryVersionMatchAFreshCache()
    {
        QFETCH(int, startVersion);
        const QString freshFile = freshPath();
        QVERIFY(openCache(freshFile));

        const QString oldFile = freshPath();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(oldFile);
            QVERIFY(db.open());
            QVERIFY(CacheSchema::migrate(db, startVersion).ok());
            // A reply waiting in an older cache must survive the upgrade.
            if (startVersion >= 1) {
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO outbox (client_id, conversation_id, text, created_at)"
                    " VALUES (X'8d1c1c8e7f7a4b8e9a552f4c7c1a0d11', 12, 'Hello', 0)")));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        {
            auto upgraded = openCache(oldFile);
            QVERIFY(upgraded);
            if (startVersion >= 1) {
                QCOMPARE(upgraded->outbox().size(), 1);
                QCOMPARE(upgraded->outbox().first().clientId,
                         QUuid::fromString(QLatin1String("8d1c1c8e-7f7a-4b8e-9a55-2f4c7c1a0d11")));
            }
        }
        QCOMPARE(schemaOf(oldFile), schemaOf(freshFile));
        QVERIFY(schemaOf(freshFile).contains(
            QStringLiteral("user_version|%1").arg(LocalCache::schemaVersion())));
    }

    void refusesACacheFromANewerApp()
    {
        const QString path = freshPath();
        QVERIFY(openCache(path));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        LocalCache cache;
        const auto opened = cache.open(path);
        QVERIFY(!opened.ok());
        QVERIFY(opened.failure().message.contains(QLatin1String("newer")));
    }

    void eventsApplyInOrderAndOldSeqsAreSkipped()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        QCOMPARE(cache->lastSeq(), 0);
        QList<std::pair<qint64, qint64>> seen; // signal's seq, lastSeq() when it arrived
        QSet<qint64> touched;
        connect(cache.get(), &LocalCache::applied, this,
                [&](qint64 seq, const QSet<qint64> &conversations, bool) {
                    QCOMPARE(QThread::currentThread(), thread());
                    seen.append({seq, cache->lastSeq()});
                    touched += conversations;
                });

        cache->applyEvents({conversationEvent(1, 7), messageEvent(2, 10, 7, QStringLiteral("a")),
                            messageEvent(3, 11, 7, QStringLiteral("b"))});
        cache->flush();
        QCOMPARE(cache->lastSeq(), 3);
        QCOMPARE(idsOf(cache->messages(7, std::nullopt, 50)), (QList<qint64>{10, 11}));
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.last(), (std::pair<qint64, qint64>{3, 3}));
        QCOMPARE(touched, QSet<qint64>{7});

        // A replay overlapping what is applied: 2 and 3 again (different content, to see
        // whether it was applied), then 4.
        cache->applyEvents({messageEvent(2, 20, 7, QStringLiteral("dup")),
                            messageEvent(3, 21, 7, QStringLiteral("dup")),
                            messageEvent(4, 12, 7, QStringLiteral("c"))});
        cache->applyEvents({messageEvent(4, 22, 7, QStringLiteral("dup"))});
        cache->flush();
        QCOMPARE(cache->lastSeq(), 4);
        QCOMPARE(idsOf(cache->messages(7, std::nullopt, 50)), (QList<qint64>{10, 11, 12}));
        QCOMPARE(seen.last(), (std::pair<qint64, qint64>{4, 4}));
    }

    void lastSeqPersistsAcrossReopen()
    {
        const QString path = freshPath();
        {
            auto cache = openCache(path);
            QVERIFY(cache);
            cache->applyEvents(
                {conversationEvent(41, 1), messageEvent(42, 5, 1, QStringLiteral("x"))});
            // No flush: closing commits what is queued.
        }
        auto cache = openCache(path);
        QVERIFY(cache);
        QCOMPARE(cache->lastSeq(), 42);
        cache->applyEvents({messageEvent(42, 6, 1, QStringLiteral("again"))});
        cache->flush();
        QCOMPARE(idsOf(cache->messages(1, std::nullopt, 50)), QList<qint64>{5});
    }

    void unknownAndBadEventsStillAdvanceLastSeq()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("ignoring event 3")));
        cache->applyEvents(
            {conversationEvent(1, 1),
             wireEvent(2, QStringLiteral("conversation.assigned"), 1, 0, false,
                       {{QStringLiteral("agent"), 3}}),
             wireEvent(3, EventKind::MessageCreated, 1, 0, false,
                       {{QStringLiteral("message"), QStringLiteral("not an object")}})});
        cache->flush();
        QCOMPARE(cache->lastSeq(), 3);
        QVERIFY(cache->messages(1, std::nullopt, 50).isEmpty());
        QCOMPARE(idsOf(cache->conversations()), QList<qint64>{1});
    }

    void anEmailReplyWaitingInTheOutboxKeepsWhomItCopies()
    {
        const QString path = freshPath();
        QUuid copied;
        {
            auto cache = openCache(path);
            QVERIFY(cache);
            copied = cache->queueReply(
                3, QStringLiteral("Copying the warehouse"), false,
                {QStringLiteral("carol@example.org"), QStringLiteral("dan@example.org")});
            cache->queueReply(3, QStringLiteral("To the thread's people"));
            cache->flush();
        }
        auto reopened = openCache(path); // as after a restart, offline
        QVERIFY(reopened);
        const QList<OutboxEntry> waiting = reopened->outbox(3);
        QCOMPARE(waiting.size(), 2);
        QCOMPARE(waiting.first().clientId, copied);
        QCOMPARE(waiting.first().cc, (QStringList{QStringLiteral("carol@example.org"),
                                                  QStringLiteral("dan@example.org")}));
        QVERIFY(waiting.last().cc.isEmpty());
    }

    void snapshotReplacesConversationsButKeepsOutboxAndMessages()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        cache->applyEvents({conversationEvent(1, 1), conversationEvent(2, 2),
                            messageEvent(3, 10, 1, QStringLiteral("old thread")),
                            messageEvent(4, 11, 2, QStringLiteral("still open")),
                            presenceEvent(5, 9, QStringLiteral("online"))});
        const QUuid pending = cache->queueReply(1, QStringLiteral("sent while offline"));
        const QUuid answered = cache->queueReply(2, QStringLiteral("reached the server"));
        QVERIFY(!pending.isNull());
        cache->flush();

        QSignalSpy reset(cache.get(), &LocalCache::reset);
        QSignalSpy outbox(cache.get(), &LocalCache::outboxChanged);
        const Message serverCopy =
            message(12, 2, Party::Kind::Agent, QStringLiteral("reached the server"), answered);
        cache->applySnapshot(
            100,
            snapshot(
                {{conversationObject(2, 20), serverCopy}, {conversationObject(3, 5), {}}},
                {Agent{3, QStringLiteral("Dana"), {}, Role::Supervisor, Presence::Busy, false}}));
        cache->flush();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(cache->lastSeq(), 100);
        QCOMPARE(idsOf(cache->conversations()), (QList<qint64>{2, 3})); // newest activity first
        QCOMPARE(cache->conversation(2)->lastMessageId, 12);
        QCOMPARE(cache->conversation(2)->lastAuthorKind, Party::Kind::Agent);
        QVERIFY(!cache->conversation(1));
        QCOMPARE(idsOf(cache->messages(1, std::nullopt, 50)), QList<qint64>{10});
        QCOMPARE(idsOf(cache->messages(2, std::nullopt, 50)), (QList<qint64>{11, 12}));
        // The snapshot's last message is the server's copy of one reply: it replaces it.
        const QList<OutboxEntry> left = cache->outbox();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().clientId, pending);
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().first().toInt(), 1);
        QCOMPARE(cache->agents().size(), 1);
        QCOMPARE(cache->agents().first().role, Role::Supervisor);

        // A server whose log went back (restored from a backup) sends an older snapshot.
        cache->applySnapshot(60, snapshot({}, {}));
        cache->flush();
        QCOMPARE(cache->lastSeq(), 60);
        QVERIFY(cache->conversations().isEmpty());
        QCOMPARE(cache->outbox().size(), 1);
    }

    void outboxSurvivesARestartAndTheServerCopyReplacesIt()
    {
        const QString path = freshPath();
        QUuid clientId;
        {
            auto cache = openCache(path);
            QVERIFY(cache);
            cache->applyEvents({conversationEvent(1, 4)});
            QSignalSpy outbox(cache.get(), &LocalCache::outboxChanged);
            clientId = cache->queueReply(4, QStringLiteral("Let me check"));
            cache->noteAttempt(clientId);
            cache->flush();
            QCOMPARE(outbox.size(), 1);
            QCOMPARE(outbox.first().first().toInt(), 1);
            // Closing the app right away: the reply is already on disk.
        }
        auto cache = openCache(path);
        QVERIFY(cache);
        const QList<OutboxEntry> entries = cache->outbox(4);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().clientId, clientId);
        QCOMPARE(entries.first().text, QStringLiteral("Let me check"));
        QCOMPARE(entries.first().attempts, 1);
        QVERIFY(cache->outbox(5).isEmpty());

        QSignalSpy outbox(cache.get(), &LocalCache::outboxChanged);
        const Message serverCopy =
            message(30, 4, Party::Kind::Agent, QStringLiteral("Let me check"), clientId);
        cache->applyEvents({messageEvent(2, serverCopy)});
        cache->acknowledge(serverCopy); // the reply after the event: changes nothing more
        cache->flush();
        QVERIFY(cache->outbox().isEmpty());
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().first().toInt(), 0);
        QCOMPARE(cache->messages(4, std::nullopt, 50), QList<Message>{serverCopy});

        // The other order: the reply before the event.
        const QUuid second = cache->queueReply(4, QStringLiteral("Found it"));
        cache->flush();
        const Message secondCopy =
            message(31, 4, Party::Kind::Agent, QStringLiteral("Found it"), second);
        cache->acknowledge(secondCopy);
        cache->flush();
        QVERIFY(cache->outbox().isEmpty());
        cache->applyEvents({messageEvent(3, secondCopy)});
        cache->flush();
        QCOMPARE(cache->messages(4, std::nullopt, 50), (QList<Message>{serverCopy, secondCopy}));
        QCOMPARE(cache->conversation(4)->lastMessageId, 31);

        // Even a server that sent one clientId under a second id shows it once.
        Message again = secondCopy;
        again.id = 32;
        cache->applyEvents({messageEvent(4, again)});
        cache->flush();
        QCOMPARE(cache->messages(4, std::nullopt, 50), (QList<Message>{serverCopy, secondCopy}));
    }

    void outboxSurvivesACrash()
    {
        // A process killed after the commit leaves the files as they are: copy them.
        const QString path = freshPath();
        const QString crashed = freshPath();
        auto cache = openCache(path);
        QVERIFY(cache);
        const QUuid clientId = cache->queueReply(8, QStringLiteral("Written before the crash"));
        cache->flush();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFile::exists(path + suffix))
                QVERIFY(QFile::copy(path + suffix, crashed + suffix));
        }
        auto restarted = openCache(crashed);
        QVERIFY(restarted);
        QCOMPARE(restarted->outbox().size(), 1);
        QCOMPARE(restarted->outbox().first().clientId, clientId);
    }

    void eachReplyIsCommittedOnItsOwn()
    {
        // What an agent waits for between Send and "saved": one FULL commit.
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        constexpr int replies = 100;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < replies; ++i) {
            cache->queueReply(1, QStringLiteral("Reply %1").arg(i));
            cache->flush();
        }
        qInfo("one reply to the outbox, committed with synchronous=FULL: %.3f ms",
              double(timer.nsecsElapsed()) / 1e6 / replies);
        const QList<OutboxEntry> entries = cache->outbox();
        QCOMPARE(entries.size(), replies);
        QCOMPARE(entries.last().text, QStringLiteral("Reply %1").arg(replies - 1));
    }

    void refusesRepliesTheServerWouldRefuseForever()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not queueing")));
        QVERIFY(cache->queueReply(1, QStringLiteral(" \n\t ")).isNull());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("not queueing")));
        QVERIFY(cache->queueReply(1, QString(10001, QLatin1Char('x'))).isNull());
        cache->flush();
        QVERIFY(cache->outbox().isEmpty());
    }

    void searchFindsWordsNewestFirst()
    {
        const QString path = freshPath();
        {
            auto cache = openCache(path);
            QVERIFY(cache);
            cache->applyEvents(
                {conversationEvent(1, 1),
                 messageEvent(2, 10, 1, QStringLiteral("My order is late")),
                 messageEvent(3, 11, 1, QStringLiteral("Can I get a refund?")),
                 messageEvent(4, 12, 1, QStringLiteral("The refund is on its way"),
                              Party::Kind::Agent),
                 messageEvent(5, 13, 1, QStringLiteral("He said \"NEAR(x)\" OR* -a:b")),
                 messageEvent(6, 14, 1, QStringLiteral("Café au lait, refunded"))});
            cache->flush();
            QCOMPARE(idsOf(cache->search(QStringLiteral("refund"), 10)),
                     (QList<qint64>{14, 12, 11}));
            QCOMPARE(idsOf(cache->search(QStringLiteral("refund"), 2)), (QList<qint64>{14, 12}));
            QCOMPARE(idsOf(cache->search(QStringLiteral("refund way"), 10)), QList<qint64>{12});
            QCOMPARE(idsOf(cache->search(QStringLiteral("ord"), 10)), QList<qint64>{10});
            QCOMPARE(idsOf(cache->search(QStringLiteral("cafe"), 10)), QList<qint64>{14});
            QVERIFY(cache->search(QStringLiteral("parcel"), 10).isEmpty());
        }
        auto cache = openCache(path);
        QVERIFY(cache);
        QCOMPARE(idsOf(cache->search(QStringLiteral("late"), 10)), QList<qint64>{10});
        // What people type is text to find, never FTS5 syntax: no error, and the words count.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        QCOMPARE(idsOf(cache->search(QStringLiteral("\"NEAR(x)\""), 10)), QList<qint64>{13});
        QCOMPARE(idsOf(cache->search(QStringLiteral("OR*"), 10)), (QList<qint64>{13, 10}));
        QCOMPARE(idsOf(cache->search(QStringLiteral("-a:b"), 10)), QList<qint64>{13});
        QCOMPARE(idsOf(cache->search(QStringLiteral("refund\""), 10)), (QList<qint64>{14, 12, 11}));
        for (const QString &odd :
             {QString(), QStringLiteral("   "), QStringLiteral("\""), QStringLiteral("\"\"\""),
              QStringLiteral("*"), QStringLiteral("AND"), QStringLiteral("NOT refund"),
              QStringLiteral("(refund"), QStringLiteral("refund)"), QStringLiteral("a OR b"),
              QStringLiteral("^late"), QStringLiteral("{text}: late"), QStringLiteral("'; DROP"),
              QStringLiteral("\\"), QStringLiteral("late + - ! ?"), QStringLiteral("🙂 late")}) {
            cache->search(odd, 10);
        }
        QCOMPARE(idsOf(cache->search(QStringLiteral("NOT refund"), 10)), QList<qint64>{});
        QCOMPARE(idsOf(cache->search(QStringLiteral("late + - ! ?"), 10)), QList<qint64>{10});
    }

    void searchCompletesTheLastWordAsItIsTyped()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        QList<Event> events{conversationEvent(1, 1),
                            messageEvent(2, 10, 1, QStringLiteral("It was delivered today")),
                            messageEvent(3, 11, 1, QStringLiteral("Delivery is late")),
                            messageEvent(4, 12, 1, QStringLiteral("Please deliver it")),
                            messageEvent(5, 13, 1, QStringLiteral("A deli sandwich")),
                            messageEvent(6, 14, 1, QStringLiteral("Délivrance, order 4711"))};
        // More completions than are looked up: the word is searched as a prefix instead.
        qint64 seq = 6;
        for (int i = 0; i < SearchExpression::MaxCompletions + 6; ++i)
            events.append(messageEvent(++seq, 100 + i, 1, QStringLiteral("code zx%1q").arg(i)));
        cache->applyEvents(events);
        cache->flush();
        // Every length of the last word: whole (one letter), the index's prefixes (two to
        // four), then the vocabulary's completions, with and without the word itself.
        QCOMPARE(idsOf(cache->search(QStringLiteral("d"), 10)), QList<qint64>{});
        QCOMPARE(idsOf(cache->search(QStringLiteral("de"), 10)),
                 (QList<qint64>{14, 13, 12, 11, 10}));
        QCOMPARE(idsOf(cache->search(QStringLiteral("deli"), 10)),
                 (QList<qint64>{14, 13, 12, 11, 10}));
        QCOMPARE(idsOf(cache->search(QStringLiteral("deliv"), 10)),
                 (QList<qint64>{14, 12, 11, 10}));
        QCOMPARE(idsOf(cache->search(QStringLiteral("DELIVER"), 10)), (QList<qint64>{12, 11, 10}));
        QCOMPARE(idsOf(cache->search(QStringLiteral("delivere"), 10)), QList<qint64>{10});
        QCOMPARE(idsOf(cache->search(QStringLiteral("delivered"), 10)), QList<qint64>{10});
        QCOMPARE(idsOf(cache->search(QStringLiteral("delivereds"), 10)), QList<qint64>{});
        QCOMPARE(idsOf(cache->search(QStringLiteral("délivr"), 10)), QList<qint64>{14});
        QCOMPARE(idsOf(cache->search(QStringLiteral("late deliv"), 10)), QList<qint64>{11});
        QCOMPARE(idsOf(cache->search(QStringLiteral("order 4711"), 10)), QList<qint64>{14});
        QCOMPARE(cache->search(QStringLiteral("code zx"), 200).size(),
                 SearchExpression::MaxCompletions + 6);
        QCOMPARE(cache->search(QStringLiteral("code zx1"), 200).size(), 11); // zx1, zx10..zx19
        QCOMPARE(idsOf(cache->search(QStringLiteral("zx42q"), 10)), QList<qint64>{142});
    }

    void unreadCountsCustomerMessagesAfterTheOwnMarker()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        const Party me{Party::Kind::Agent, ownAgent, {}};
        cache->applyEvents({conversationEvent(1, 1), messageEvent(2, 10, 1, QStringLiteral("one")),
                            messageEvent(3, 11, 1, QStringLiteral("two")),
                            messageEvent(4, 12, 1, QStringLiteral("three")),
                            messageEvent(5, 13, 1, QStringLiteral("answer"), Party::Kind::Agent)});
        cache->flush();
        QCOMPARE(cache->conversation(1)->unread, 3);

        cache->applyEvents({readEvent(6, 1, me, 11),
                            readEvent(7, 1, Party{Party::Kind::Agent, 4, {}}, 13),
                            readEvent(8, 1, Party{Party::Kind::Customer, 51, {}}, 13)});
        cache->flush();
        QCOMPARE(cache->conversation(1)->unread, 1); // only the own marker counts

        cache->setReadMarker(1, 13);
        cache->flush();
        QCOMPARE(cache->conversation(1)->unread, 0);
        cache->setReadMarker(1, 10); // markers only move forward
        cache->applyEvents({messageEvent(9, 14, 1, QString(500, QLatin1Char('w')))});
        cache->flush();
        const ConversationSummary summary = *cache->conversation(1);
        QCOMPARE(summary.unread, 1);
        QCOMPARE(summary.lastMessageId, 14);
        QCOMPARE(summary.lastText, QString(200, QLatin1Char('w')));
        QCOMPARE(summary.lastAuthorKind, Party::Kind::Customer);
        QCOMPARE(summary.updatedAt, at(14));

        // History brings older customer messages: those after the marker count as well.
        cache->storeHistory(1, {message(8, 1, Party::Kind::Customer, QStringLiteral("older"))});
        cache->flush();
        QCOMPARE(cache->conversation(1)->unread, 1);
        QCOMPARE(cache->conversation(1)->lastMessageId, 14);

        // A snapshot recounts from what is cached.
        cache->applySnapshot(
            20, snapshot({{conversationObject(1),
                           message(15, 1, Party::Kind::Customer, QStringLiteral("new"))}},
                         {}));
        cache->flush();
        QCOMPARE(cache->conversation(1)->unread, 2);
        QCOMPARE(cache->conversation(1)->lastText, QStringLiteral("new"));
    }

    void presenceUpdatesAgents()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        cache->applySnapshot(
            1,
            snapshot({},
                     {Agent{4, QStringLiteral("Eve"), {}, Role::Agent, Presence::Offline, false}}));
        cache->flush();
        bool agentsChanged = false;
        connect(cache.get(), &LocalCache::applied, this,
                [&](qint64, const QSet<qint64> &, bool changed) { agentsChanged = changed; });
        cache->applyEvents({presenceEvent(2, 4, QStringLiteral("away"))});
        cache->flush();
        QVERIFY(agentsChanged);
        QCOMPARE(cache->agents().first().presence, Presence::Away);
    }

    void changesMadeOfflineShowAheadOfTheServer()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        cache->applySnapshot(
            1,
            snapshot({{conversationObject(1, 5), {}}, {conversationObject(2, 4), {}}},
                     {Agent{4, QStringLiteral("Eve"), {}, Role::Agent, Presence::Online, false}}));
        cache->flush();
        QCOMPARE(cache->conversation(1)->status, ConversationStatus::Open);

        // Resolved, taken by Eve, labelled and raised offline: the summary shows all of it.
        const auto fields = [](const QJsonObject &more) {
            QJsonObject f{{QStringLiteral("conversation"), 1}};
            for (auto it = more.begin(); it != more.end(); ++it)
                f.insert(it.key(), it.value());
            return f;
        };
        cache->queueAction(1, QStringLiteral("status"),
                           fields({{QStringLiteral("status"), QStringLiteral("resolved")}}));
        cache->queueAction(1, QStringLiteral("assign"), fields({{QStringLiteral("agent"), 4}}));
        cache->queueAction(1, QStringLiteral("labels"),
                           fields({{QStringLiteral("add"), QJsonArray{9, 7}}}));
        cache->queueAction(1, QStringLiteral("labels"),
                           fields({{QStringLiteral("remove"), QJsonArray{9}}}));
        cache->queueAction(1, QStringLiteral("priority"),
                           fields({{QStringLiteral("priority"), 4}}));
        // Bad input kept in the queue changes nothing.
        cache->queueAction(1, QStringLiteral("status"), fields({}));
        cache->queueAction(1, QStringLiteral("priority"),
                           fields({{QStringLiteral("priority"), QStringLiteral("high")}}));
        cache->flush();
        std::optional<ConversationSummary> one = cache->conversation(1);
        QVERIFY(one);
        QCOMPARE(one->status, ConversationStatus::Resolved);
        QCOMPARE(one->assigneeId, 4);
        QCOMPARE(one->assigneeName, QStringLiteral("Eve"));
        QCOMPARE(one->labels, QList<qint64>{7});
        QCOMPARE(one->priority, 4);
        QCOMPARE(one->pendingActions, 7);
        // The whole list agrees, and the other conversation is untouched.
        const QList<ConversationSummary> all = cache->conversations();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).status, ConversationStatus::Resolved);
        QCOMPARE(all.at(1).status, ConversationStatus::Open);
        QCOMPARE(all.at(1).pendingActions, 0);

        // Snoozed until a time, then the server answered every change (refused, say): the
        // server's copy shows again.
        cache->queueAction(
            1, QStringLiteral("status"),
            fields({{QStringLiteral("status"), QStringLiteral("snoozed")},
                    {QStringLiteral("until"), QStringLiteral("2026-11-22T09:00:00.000Z")}}));
        cache->flush();
        one = cache->conversation(1);
        QCOMPARE(one->status, ConversationStatus::Snoozed);
        QCOMPARE(one->snoozedUntil, at(21 * 3600));
        for (const LocalCache::PendingAction &action : cache->pendingActions())
            cache->actionDone(action.id);
        cache->flush();
        one = cache->conversation(1);
        QCOMPARE(one->status, ConversationStatus::Open);
        QCOMPARE(one->assigneeId, 0);
        QVERIFY(one->labels.isEmpty());
        QCOMPARE(one->priority, 0);
        QVERIFY(!one->snoozedUntil.isValid());
        QCOMPARE(one->pendingActions, 0);
    }

    void teamsKeepTheirBusinessHours()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        const BusinessCalendar hours(
            QTimeZone("Europe/Berlin"), {{1, QTime(8, 0), QTime(18, 0)}},
            {{QDateTime(QDate(2026, 12, 24), QTime(0, 0)),
              QDateTime(QDate(2026, 12, 27), QTime(0, 0)), QStringLiteral("Christmas")}});
        cache->applyEvents(
            {withSeq(1, Events::teamSaved(
                            Team{1, QStringLiteral("Support"), {3}, hours, std::nullopt}, {}))});
        cache->flush();
        QCOMPARE(cache->teams().size(), 1);
        QCOMPARE(cache->teams().first().calendar, std::optional<BusinessCalendar>(hours));
        // Saved again without hours: open around the clock.
        cache->applyEvents({withSeq(
            2, Events::teamSaved(
                   Team{1, QStringLiteral("Support"), {3}, std::nullopt, std::nullopt}, {}))});
        cache->flush();
        QVERIFY(!cache->teams().first().calendar);
    }

    void repliesDeliveryStatesOnlyMoveForward()
    {
        const QString path = freshPath();
        auto cache = openCache(path);
        QVERIFY(cache);
        const Message reply = message(5, 2, Party::Kind::Agent, QStringLiteral("On it"));
        auto delivery = [&](qint64 seq, DeliveryState state, const QString &error = {}) {
            return withSeq(seq, Events::messageDelivery(reply, conversationObject(2),
                                                        QStringLiteral("email"), state, error));
        };
        QHash<qint64, DeliveryStatus> moved;
        QSet<qint64> changed;
        connect(cache.get(), &LocalCache::deliveriesChanged, this,
                [&](const QHash<qint64, DeliveryStatus> &byMessage) { moved = byMessage; });
        connect(cache.get(), &LocalCache::applied, this,
                [&](qint64, const QSet<qint64> &conversations, bool) { changed = conversations; });
        cache->applyEvents({messageEvent(1, reply), delivery(2, DeliveryState::Queued)});
        cache->flush();
        QCOMPARE(cache->messages(2, std::nullopt, 10).first().delivery, DeliveryState::Queued);
        // A page that knows a later state moves it too, and says so.
        Message newer = reply;
        newer.delivery = DeliveryState::Delivered;
        cache->storeHistory(2, {newer});
        cache->flush();
        QCOMPARE(moved.value(5).state, DeliveryState::Delivered);
        cache->applyEvents({delivery(3, DeliveryState::Read)});
        cache->flush();
        QCOMPARE(moved.keys(), QList<qint64>{5});
        QCOMPARE(moved.value(5).state, DeliveryState::Read);
        QVERIFY(changed.isEmpty()); // no conversation's summary changed
        // A page read before that event, arriving after it, does not take it back.
        Message stale = reply;
        stale.delivery = DeliveryState::Sent;
        cache->storeHistory(2, {stale});
        cache->flush();
        QCOMPARE(cache->messages(2, std::nullopt, 10).first().delivery, DeliveryState::Read);
        // A bad one is skipped, and the seq still moves.
        Event bad = delivery(4, DeliveryState::Failed);
        bad.data.insert(QStringLiteral("state"), QStringLiteral("teleported"));
        cache->applyEvents({bad});
        cache->flush();
        QCOMPARE(cache->lastSeq(), 4);
        QCOMPARE(cache->messages(2, std::nullopt, 10).first().delivery, DeliveryState::Read);
        // Failed says why, and survives a reopen.
        const Message other = message(6, 2, Party::Kind::Agent, QStringLiteral("Hello?"));
        cache->applyEvents(
            {messageEvent(5, other),
             withSeq(6, Events::messageDelivery(other, conversationObject(2),
                                                QStringLiteral("email"), DeliveryState::Failed,
                                                QStringLiteral("550 no such user")))});
        cache->flush();
        cache.reset();
        cache = openCache(path);
        const Message failed = cache->messages(2, std::nullopt, 10).last();
        QCOMPARE(failed.delivery, DeliveryState::Failed);
        QCOMPARE(failed.deliveryError, QStringLiteral("550 no such user"));
    }

    void historyPagesOldestFirst()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        QList<Message> older;
        for (qint64 id = 1; id <= 120; ++id)
            older << message(id, 2, Party::Kind::Customer, QStringLiteral("m%1").arg(id));
        cache->storeHistory(2, older);
        cache->flush();
        const QList<Message> newest = cache->messages(2, std::nullopt, 50);
        QCOMPARE(newest.first().id, 71);
        QCOMPARE(newest.last().id, 120);
        const QList<Message> before = cache->messages(2, 71, 50);
        QCOMPARE(before.first().id, 21);
        QCOMPARE(before.last().id, 70);
        QVERIFY(cache->hasMessagesBefore(2, 21));
        QVERIFY(!cache->hasMessagesBefore(2, 1));
        QCOMPARE(cache->messages(2, 71, 50).at(5), older.at(25));
    }

    void draftsReadBackAtOnceAndSurviveRestart()
    {
        const QString path = freshPath();
        {
            auto cache = openCache(path);
            QVERIFY(cache);
            cache->setDraft(1, QStringLiteral("first"));
            cache->setDraft(1, QStringLiteral("half a sentence"));
            QCOMPARE(cache->draft(1), QStringLiteral("half a sentence")); // not yet committed
            cache->setDraft(2, QStringLiteral("gone soon"));
            cache->setDraft(2, QString());
        }
        auto cache = openCache(path);
        QVERIFY(cache);
        QCOMPARE(cache->draft(1), QStringLiteral("half a sentence"));
        QCOMPARE(cache->draft(2), QString());
    }

    //! A version-1 cache keeps its conversations across the upgrade, and learns when their
    //! newest message was written.
    void upgradeKeepsConversationsAndFillsTheirLastMessageTime()
    {
        const QString path = freshPath();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(CacheSchema::migrate(db, 1).ok());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO conversations (id, customer_id, customer_name, channel, status,"
                " created_at, updated_at, last_message_id, last_text, last_author_kind)"
                " VALUES (5, 55, 'Ada', 'web', 'open', 0, 9000, 77, 'Hi', 'customer')")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO messages (id, conversation_id, client_id, author_kind, author_id,"
                " text, created_at) VALUES (77, 5, X'01', 'customer', 55, 'Hi', 8000)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO agents (id, name, role, presence)"
                                          " VALUES (3, 'Dana', 'agent', 'online')")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        auto cache = openCache(path);
        QVERIFY(cache);
        const auto c = cache->conversation(5);
        QVERIFY(c);
        QCOMPARE(c->mode, ConversationMode::Async);
        QCOMPARE(c->liveState, LiveState::None);
        QCOMPARE(c->lastMessageAt.toMSecsSinceEpoch(), 8000);
        QVERIFY(c->customerWaiting());
        QCOMPARE(cache->agents().first().capacity, Agent::DefaultCapacity);
        QVERIFY(cache->cannedResponses().isEmpty());
    }

    //! A live chat from the queue to an agent, to a colleague with a note, to its end.
    void liveChatStateFollowsTheEvents()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        const Party dana = agentParty(ownAgent, QStringLiteral("Dana"));
        const Party sam = agentParty(4, QStringLiteral("Sam"));
        cache->applyEvents({withSeq(1, Events::conversationCreated(liveChat(7, LiveState::Queued))),
                            messageEvent(2, 70, 7, QStringLiteral("Is anyone there?"))});
        cache->flush();
        auto c = cache->conversation(7);
        QVERIFY(c);
        QCOMPARE(c->mode, ConversationMode::Live);
        QCOMPARE(c->liveState, LiveState::Queued);
        QCOMPARE(c->queuedAt, at(1));
        QVERIFY(!c->assignedAt.isValid());
        QCOMPARE(c->assigneeId, 0);
        QCOMPARE(c->lastMessageAt, at(70));
        QVERIFY(cache->activeChats(ownAgent).isEmpty());

        QSet<qint64> touched;
        connect(cache.get(), &LocalCache::applied, this,
                [&](qint64, const QSet<qint64> &ids, bool) { touched += ids; });
        cache->applyEvents(
            {updatedEvent(3, liveChat(7, LiveState::Active, dana), Events::Change::Assigned)});
        cache->flush();
        QCOMPARE(touched, QSet<qint64>{7});
        c = cache->conversation(7);
        QCOMPARE(c->liveState, LiveState::Active);
        QCOMPARE(c->assigneeId, ownAgent);
        QCOMPARE(c->assigneeName, QStringLiteral("Dana"));
        QCOMPARE(c->assignedAt, at(30));
        QCOMPARE(idsOf(cache->activeChats(ownAgent)), QList<qint64>{7});

        // Handed to Sam with a note: the note stays with the chat for Sam to read.
        Conversation transferred = liveChat(7, LiveState::Active, sam);
        cache->applyEvents(
            {updatedEvent(4, transferred, Events::Change::Transferred),
             withSeq(5, Events::conversationTransferred(transferred, dana, sam,
                                                        QStringLiteral("Wants a refund, VIP")))});
        cache->flush();
        QVERIFY(cache->activeChats(ownAgent).isEmpty());
        QCOMPARE(idsOf(cache->activeChats(4)), QList<qint64>{7});
        c = cache->conversation(7);
        QCOMPARE(c->transferFrom, QStringLiteral("Dana"));
        QCOMPARE(c->transferTo, 4);
        QCOMPARE(c->transferNote, QStringLiteral("Wants a refund, VIP"));

        Conversation ended = liveChat(7, LiveState::Ended, sam);
        ended.rating = Rating{5, QStringLiteral("Quick and kind")};
        cache->applyEvents({updatedEvent(6, ended, Events::Change::Ended)});
        cache->flush();
        QVERIFY(cache->activeChats(4).isEmpty());
        c = cache->conversation(7);
        QCOMPARE(c->liveState, LiveState::Ended);
        QCOMPARE(c->status, QStringLiteral("closed"));
        QCOMPARE(c->endedAt, at(600));
        QCOMPARE(c->ratingScore, 5);
        QCOMPARE(c->ratingComment, QStringLiteral("Quick and kind"));

        // Another chat turned into a follow-up: async, same id, still there.
        cache->applyEvents(
            {updatedEvent(7, liveChat(8, LiveState::Active, dana), Events::Change::Assigned)});
        Conversation followup = liveChat(8, LiveState::Active, dana);
        followup.mode = ConversationMode::Async;
        followup.liveState = LiveState::None;
        cache->applyEvents({updatedEvent(8, followup, Events::Change::Followup)});
        cache->flush();
        QVERIFY(cache->activeChats(ownAgent).isEmpty());
        QCOMPARE(cache->conversation(8)->mode, ConversationMode::Async);
        QCOMPARE(cache->conversation(8)->assigneeId, ownAgent);
        QCOMPARE(cache->lastSeq(), 8);
    }

    //! What does not decode is skipped with a warning and changes nothing, and the events
    //! still count as seen.
    void badLiveChatEventsAreSkipped()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        const Party dana = agentParty(ownAgent, QStringLiteral("Dana"));
        cache->applyEvents(
            {updatedEvent(1, liveChat(7, LiveState::Active, dana), Events::Change::Assigned)});
        cache->flush();
        QJsonObject badState = Wire::encode(liveChat(7, LiveState::Ended, dana));
        badState.insert(QStringLiteral("liveState"), QStringLiteral("exploded"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("liveState")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("transfer")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("canned")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("agent update")));
        cache->applyEvents(
            {wireEvent(2, EventKind::ConversationUpdated, 7, 0, false,
                       {{QStringLiteral("conversation"), badState},
                        {QStringLiteral("change"), QStringLiteral("ended")}}),
             wireEvent(3, EventKind::ConversationTransferred, 7, 0, true,
                       {{QStringLiteral("conversation"), 7},
                        {QStringLiteral("from"), Wire::encode(dana)},
                        {QStringLiteral("note"), QStringLiteral("no 'to'")}}),
             wireEvent(
                 4, EventKind::CannedSaved, 0, 0, true,
                 {{QStringLiteral("canned"),
                   QJsonObject{{QStringLiteral("id"), 1},
                               {QStringLiteral("shortcut"), QString(40, QLatin1Char('x'))},
                               {QStringLiteral("text"), QStringLiteral("too long a shortcut")},
                               {QStringLiteral("updatedAt"), Wire::timeToString(at(1))}}}}),
             wireEvent(
                 5, EventKind::AgentUpdated, 0, 0, true,
                 {{QStringLiteral("agent"),
                   QJsonObject{{QStringLiteral("id"), 3}, {QStringLiteral("capacity"), 99}}}})});
        cache->flush();
        QCOMPARE(cache->lastSeq(), 5);
        QCOMPARE(cache->conversation(7)->liveState, LiveState::Active);
        QVERIFY(cache->conversation(7)->transferNote.isEmpty());
        QVERIFY(cache->cannedResponses().isEmpty());
        QVERIFY(cache->agents().isEmpty());
    }

    void agentUpdatesKeepCapacityAndAutoAccept()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        Agent eve{4, QStringLiteral("Eve"), {}, Role::Agent, Presence::Online, false};
        cache->applySnapshot(1, snapshot({}, {eve}));
        cache->flush();
        QCOMPARE(cache->agents().first().capacity, Agent::DefaultCapacity);
        QVERIFY(!cache->agents().first().autoAccept);
        bool agentsChanged = false;
        connect(cache.get(), &LocalCache::applied, this,
                [&](qint64, const QSet<qint64> &, bool changed) { agentsChanged = changed; });
        eve.capacity = 6;
        eve.autoAccept = true;
        cache->applyEvents({withSeq(2, Events::agentUpdated(eve))});
        cache->flush();
        QVERIFY(agentsChanged);
        QCOMPARE(cache->agents().size(), 1);
        QCOMPARE(cache->agents().first().capacity, 6);
        QVERIFY(cache->agents().first().autoAccept);
        QCOMPARE(cache->agents().first().presence, Presence::Online);
    }

    void cannedResponsesFollowEventsAndSnapshots()
    {
        auto cache = openCache(freshPath());
        QVERIFY(cache);
        QSignalSpy changed(cache.get(), &LocalCache::cannedChanged);
        QJsonObject first = snapshot({}, {});
        first.insert(QStringLiteral("canned"),
                     QJsonArray{Wire::encode(canned(1, QStringLiteral("refund"),
                                                    QStringLiteral("We have refunded you."))),
                                Wire::encode(canned(2, QStringLiteral("Hello"),
                                                    QStringLiteral("Hi, how can I help?")))});
        cache->applySnapshot(1, first);
        cache->flush();
        QVERIFY(!changed.isEmpty());
        QCOMPARE(shortcutsOf(cache->cannedResponses()),
                 (QStringList{QStringLiteral("Hello"), QStringLiteral("refund")}));

        changed.clear();
        cache->applyEvents(
            {withSeq(2, Events::cannedSaved(
                            canned(3, QStringLiteral("bye"), QStringLiteral("Have a nice day!")))),
             withSeq(3, Events::cannedSaved(canned(1, QStringLiteral("refund"),
                                                   QStringLiteral("Refunded: 3–5 days.")))),
             withSeq(4, Events::cannedDeleted(2))});
        cache->flush();
        QCOMPARE(changed.size(), 1); // one batch, one signal
        const QList<CannedResponse> now = cache->cannedResponses();
        QCOMPARE(shortcutsOf(now), (QStringList{QStringLiteral("bye"), QStringLiteral("refund")}));
        QCOMPARE(now.last().text, QStringLiteral("Refunded: 3–5 days."));
        QCOMPARE(now.last().updatedAt, at(1));

        // A snapshot without the list (a customer's, or an older server) leaves it alone…
        cache->applySnapshot(10, snapshot({}, {}));
        cache->flush();
        QCOMPARE(cache->cannedResponses().size(), 2);
        // …one with an empty list empties it.
        QJsonObject empty = snapshot({}, {});
        empty.insert(QStringLiteral("canned"), QJsonArray());
        cache->applySnapshot(11, empty);
        cache->flush();
        QVERIFY(cache->cannedResponses().isEmpty());
    }

    void hundredThousandMessageEvents()
    {
        constexpr int count = 100000;
        constexpr int conversations = 500;
        constexpr int perFrame = 500; // a replay arrives as frames; SyncClient hands them on
        QList<QList<Event>> frames;
        QList<Event> frame;
        for (int c = 1; c <= conversations; ++c)
            frame << conversationEvent(c, c);
        frames << frame;
        frame.clear();
        const QStringList words{QStringLiteral("order"), QStringLiteral("refund"),
                                QStringLiteral("parcel"), QStringLiteral("invoice"),
                                QStringLiteral("password")};
        for (int i = 0; i < count; ++i) {
            const qint64 id = i + 1;
            const QString text = QStringLiteral("Message %1 about my %2, sent from the web widget")
                                     .arg(id)
                                     .arg(words.at(i % words.size()));
            frame << messageEvent(conversations + id, id, 1 + i % conversations, text,
                                  i % 3 ? Party::Kind::Customer : Party::Kind::Agent);
            if (frame.size() >= perFrame) {
                frames << frame;
                frame.clear();
            }
        }
        QCOMPARE(frame.size(), 0);

        auto cache = openCache(freshPath());
        QVERIFY(cache);
        int batches = 0;
        connect(cache.get(), &LocalCache::applied, this, [&] { ++batches; });
        QElapsedTimer timer;
        timer.start();
        for (const QList<Event> &f : std::as_const(frames))
            cache->applyEvents(f);
        cache->flush();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        qInfo("applied %d message.created events in %.2f s: %.0f events/s, %d transactions", count,
              seconds, count / seconds, batches);

        QCOMPARE(cache->lastSeq(), conversations + count);
        const QList<ConversationSummary> all = cache->conversations();
        QCOMPARE(all.size(), conversations);
        qint64 total = 0;
        for (const ConversationSummary &c : all) {
            const QList<Message> page = cache->messages(c.id, std::nullopt, 1000);
            total += page.size();
            QCOMPARE(page.last().id, c.lastMessageId);
        }
        QCOMPARE(total, count);
        QCOMPARE(all.first().lastMessageId, count); // the newest activity first

        constexpr int rounds = 200;
        timer.restart();
        QList<Message> found;
        for (int i = 0; i < rounds; ++i)
            found = cache->search(QStringLiteral("refund"), 50);
        const double searchMs = double(timer.nsecsElapsed()) / 1e6 / rounds;
        QCOMPARE(found.size(), 50);
        QCOMPARE(found.first().id, count - 3); // the newest "refund" message
        timer.restart();
        for (int i = 0; i < rounds; ++i)
            found = cache->search(QStringLiteral("message 9999"), 50);
        const double prefixMs = double(timer.nsecsElapsed()) / 1e6 / rounds;
        QVERIFY(!found.isEmpty());
        timer.restart();
        for (int i = 0; i < rounds; ++i)
            found = cache->messages(1 + i % conversations, std::nullopt, 50);
        const double pageMs = double(timer.nsecsElapsed()) / 1e6 / rounds;
        timer.restart();
        QList<ConversationSummary> list;
        for (int i = 0; i < 20; ++i)
            list = cache->conversations();
        const double listMs = double(timer.nsecsElapsed()) / 1e6 / 20;
        qInfo("over %d messages: search \"refund\" (LIMIT 50) %.3f ms, prefix search %.3f ms,"
              " a page of 50 messages %.3f ms, the list of %d conversations %.3f ms",
              count, searchMs, prefixMs, pageMs, conversations, listMs);
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
