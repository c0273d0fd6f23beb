// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop models over a real cache file, each under QAbstractItemModelTester.
#include "cache/localcache.h"
#include "models/agentpresencemodel.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "protocol/events.h"
#include "protocol/wirecodec.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tandem;

namespace {
const QDateTime T0(QDate(2026, 11, 21), QTime(9, 0), Qt::UTC);

//! Numbers server events the way tandemd would send them.
class Feed
{
public:
    qint64 seq = 0;
    qint64 messageId = 0;

    Event conversation(qint64 id, const QString &customer, int minute)
    {
        Conversation c;
        c.id = id;
        c.customer = Customer{id * 10, customer, {}};
        c.createdAt = c.updatedAt = T0.addSecs(minute * 60);
        return next(Events::conversationCreated(c));
    }
    Event message(qint64 conversation, const QString &text, int minute, Party::Kind kind = Party::Kind::Customer,
                  QUuid clientId = QUuid::createUuid())
    {
        Message m;
        m.id = ++messageId;
        m.conversationId = conversation;
        m.clientId = clientId;
        m.author = Party{kind, kind == Party::Kind::Agent ? 1 : conversation * 10,
                         kind == Party::Kind::Agent ? QStringLiteral("Dana") : QStringLiteral("Customer")};
        m.text = text;
        m.createdAt = T0.addSecs(minute * 60);
        return next(Events::messageCreated(m, conversation * 10));
    }
    Event presence(qint64 agent, Presence status) { return next(Events::agentPresence(agent, status)); }

private:
    Event next(Event e)
    {
        e.seq = ++seq;
        return e;
    }
};

QJsonObject snapshotWithAgents()
{
    QJsonArray agents;
    agents.append(Wire::encode(Agent{1, QStringLiteral("Dana"), {}, Role::Agent, Presence::Online, false}));
    agents.append(Wire::encode(Agent{2, QStringLiteral("Sam"), {}, Role::Supervisor, Presence::Away, false}));
    return {{QStringLiteral("conversations"), QJsonArray()}, {QStringLiteral("agents"), agents}};
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;
    Feed m_feed;

    void apply(const QList<Event> &events)
    {
        QSignalSpy applied(m_cache.get(), &LocalCache::applied);
        m_cache->applyEvents(events);
        QVERIFY(applied.wait(10000) || !applied.isEmpty());
    }

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        m_cache = std::make_unique<LocalCache>();
        QVERIFY(m_cache->open(m_dir.filePath(QStringLiteral("models-%1.sqlite").arg(++n))).ok());
        m_feed = Feed{};
    }

    void conversationListChangesRowByRow()
    {
        apply({m_feed.conversation(1, QStringLiteral("Ada"), 0), m_feed.message(1, QStringLiteral("first"), 0),
               m_feed.conversation(2, QStringLiteral("Bo"), 1), m_feed.message(2, QStringLiteral("second"), 1)});
        ConversationListModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(ConversationListModel::CustomerNameRole).toString(), QStringLiteral("Bo"));
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 1);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // A new message in the older conversation moves it to the top and changes its text.
        apply({m_feed.message(1, QStringLiteral("are you there?"), 5)});
        QCOMPARE(moved.size(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::IdRole).toLongLong(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::LastTextRole).toString(), QStringLiteral("are you there?"));
        QCOMPARE(changed.size(), 1);
        const auto roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(ConversationListModel::LastTextRole));
        QVERIFY(!roles.contains(ConversationListModel::CustomerNameRole));

        // A new conversation is one inserted row, at its place.
        apply({m_feed.conversation(3, QStringLiteral("Cy"), 9)});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::IdRole).toLongLong(), 3);
        QCOMPARE(reset.size(), 0);

        // The filter works in the model, over the summaries.
        model.setFilter(QStringLiteral("there"));
        QCOMPARE(model.rowCount(), 1);
        model.setFilter(QString());
        QCOMPARE(model.rowCount(), 3);
    }

    void messageListTurnsASendingReplyIntoTheServersMessage()
    {
        apply({m_feed.conversation(1, QStringLiteral("Ada"), 0), m_feed.message(1, QStringLiteral("help"), 0)});
        MessageListModel model(*m_cache, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(1);
        QCOMPARE(model.rowCount(), 1);

        const QUuid reply = m_cache->queueReply(1, QStringLiteral("On it"));
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data(MessageListModel::StateRole).value<MessageListModel::State>(),
                 MessageListModel::State::Sending);
        QCOMPARE(model.index(1).data(MessageListModel::ClientIdRole).toUuid(), reply);

        // A customer message arrives first, then the server's copy of the reply.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        apply({m_feed.message(1, QStringLiteral("thanks"), 2)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1).data(MessageListModel::TextRole).toString(), QStringLiteral("thanks"));
        QCOMPARE(model.index(2).data(MessageListModel::StateRole).value<MessageListModel::State>(),
                 MessageListModel::State::Sending);
        apply({m_feed.message(1, QStringLiteral("On it"), 3, Party::Kind::Agent, reply)});
        QTRY_COMPARE(m_cache->outbox().size(), 0);
        QCOMPARE(model.rowCount(), 3); // one row for the reply, never two
        QCOMPARE(removed.size(), 0);
        QCOMPARE(model.index(2).data(MessageListModel::StateRole).value<MessageListModel::State>(),
                 MessageListModel::State::Sent);
        QVERIFY(model.index(2).data(MessageListModel::IdRole).toLongLong() > 0);
    }

    void messageListShowsEveryMessageOfABigBatch()
    {
        apply({m_feed.conversation(1, QStringLiteral("Ada"), 0), m_feed.message(1, QStringLiteral("start"), 0)});
        MessageListModel model(*m_cache, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(1);
        const QUuid reply = m_cache->queueReply(1, QStringLiteral("early reply"));
        QTRY_COMPARE(model.rowCount(), 2);
        // Back from a long absence: far more than a page at once, our reply among the first.
        QList<Event> burst{m_feed.message(1, QStringLiteral("early reply"), 1, Party::Kind::Agent, reply)};
        for (int i = 0; i < 130; ++i)
            burst.append(m_feed.message(1, QStringLiteral("b%1").arg(i), 2 + i));
        apply(burst);
        QTRY_COMPARE(model.rowCount(), 132);
        QCOMPARE(model.index(1).data(MessageListModel::ClientIdRole).toUuid(), reply);
        QCOMPARE(model.index(1).data(MessageListModel::StateRole).value<MessageListModel::State>(),
                 MessageListModel::State::Sent);
        for (int i = 0; i < 130; ++i)
            QCOMPARE(model.index(2 + i).data().toString(), QStringLiteral("b%1").arg(i));
    }

    void messageListPagesOlderHistoryFromTheCache()
    {
        QList<Event> events{m_feed.conversation(1, QStringLiteral("Ada"), 0)};
        for (int i = 0; i < 120; ++i)
            events.append(m_feed.message(1, QString::number(i), i));
        apply(events);
        MessageListModel model(*m_cache, nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(1);
        QCOMPARE(model.rowCount(), MessageListModel::PageSize);
        QCOMPARE(model.index(model.rowCount() - 1).data().toString(), QStringLiteral("119"));
        // (The tester itself also calls fetchMore, as a view scrolled to the top would.)
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 120);
        for (int row = 0; row < 120; ++row) // every page in its place, none twice
            QCOMPARE(model.index(row).data().toString(), QString::number(row));
        QVERIFY(!model.canFetchMore({})); // no server to ask
    }

    void agentPresenceIsOneRowChange()
    {
        QSignalSpy reset(m_cache.get(), &LocalCache::reset);
        m_cache->applySnapshot(0, snapshotWithAgents());
        QVERIFY(reset.wait(10000) || !reset.isEmpty());
        AgentPresenceModel model(*m_cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        apply({m_feed.presence(2, Presence::Busy)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{AgentPresenceModel::PresenceRole});
        QCOMPARE(model.index(1).data(AgentPresenceModel::PresenceRole).toString(), QStringLiteral("busy"));
        QCOMPARE(inserted.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
