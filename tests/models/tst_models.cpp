// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop models over a real cache file, each under QAbstractItemModelTester.
#include "cache/localcache.h"
#include "models/agentpresencemodel.h"
#include "models/cannedresponsesmodel.h"
#include "models/conversationlistmodel.h"
#include "models/livechatsmodel.h"
#include "models/messagelistmodel.h"
#include "models/offersmodel.h"
#include "protocol/events.h"
#include "protocol/wirecodec.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <limits>

using namespace Tandem;

namespace {
const QDateTime T0(QDate(2026, 11, 21), QTime(9, 0), QTimeZone::utc());

//! Numbers server events the way tandemd would send them.
class Feed
{
public:
    qint64 seq = 0;
    qint64 messageId = 0;

    //! Who a conversation's events are about, as far as events need it.
    static Conversation about(qint64 id)
    {
        Conversation c;
        c.id = id;
        c.customer.id = id * 10;
        c.inboxId = 1;
        return c;
    }
    Event conversation(qint64 id, const QString &customer, int minute)
    {
        Conversation c;
        c.id = id;
        c.customer = Customer{id * 10, customer, {}};
        c.createdAt = c.updatedAt = T0.addSecs(minute * 60);
        return next(Events::conversationCreated(c));
    }
    Event message(qint64 conversation, const QString &text, int minute,
                  Party::Kind kind = Party::Kind::Customer, QUuid clientId = QUuid::createUuid())
    {
        Message m;
        m.id = ++messageId;
        m.conversationId = conversation;
        m.clientId = clientId;
        m.author =
            Party{kind, kind == Party::Kind::Agent ? 1 : conversation * 10,
                  kind == Party::Kind::Agent ? QStringLiteral("Dana") : QStringLiteral("Customer")};
        m.text = text;
        m.createdAt = T0.addSecs(minute * 60);
        return next(Events::messageCreated(m, about(conversation)));
    }
    Event delivery(const Message &m, DeliveryState state, const QString &error = {})
    {
        return next(Events::messageDelivery(m, about(m.conversationId), QStringLiteral("email"),
                                            state, error));
    }
    Event presence(qint64 agent, Presence status)
    {
        return next(Events::agentPresence(agent, status));
    }
    //! A live chat's routing change: `assignee` 0 leaves it unassigned.
    Event live(qint64 id, const QString &customer, LiveState state, qint64 assignee, int minute,
               const QString &change = Events::Change::Assigned)
    {
        Conversation c;
        c.id = id;
        c.customer = Customer{id * 10, customer, {}};
        c.createdAt = c.updatedAt = c.queuedAt = T0.addSecs(minute * 60);
        c.mode = ConversationMode::Live;
        c.liveState = state;
        if (assignee) {
            c.assignee =
                Party{Party::Kind::Agent, assignee, QStringLiteral("Agent %1").arg(assignee)};
            c.assignedAt = T0.addSecs(minute * 60 + 10);
        }
        return next(Events::conversationUpdated(c, change, std::nullopt));
    }
    //! An async conversation's status or assignee changed (`assignee` 0: nobody).
    Event worked(qint64 id, const QString &customer, const QString &status, qint64 assignee,
                 int minute)
    {
        Conversation c = about(id);
        c.customer.name = customer;
        c.createdAt = T0;
        c.updatedAt = T0.addSecs(minute * 60);
        c.status = status;
        if (assignee)
            c.assignee =
                Party{Party::Kind::Agent, assignee, QStringLiteral("Agent %1").arg(assignee)};
        return next(Events::conversationUpdated(c, QStringLiteral("status"), std::nullopt));
    }
    //! Labels and priority set on an async conversation.
    Event tagged(qint64 id, const QString &customer, const QList<qint64> &labels, int priority,
                 int minute, qint64 inbox = 1)
    {
        Conversation c = about(id);
        c.customer.name = customer;
        c.createdAt = T0;
        c.updatedAt = T0.addSecs(minute * 60);
        c.labels = labels;
        c.priority = priority;
        c.inboxId = inbox;
        return next(Events::conversationUpdated(c, Events::Change::Labels, std::nullopt));
    }
    Event labelDeleted(qint64 id) { return next(Events::labelDeleted(id)); }
    //! For waiting(): the customer does not wait for an answer.
    static constexpr int NotWaiting = std::numeric_limits<int>::min();
    //! An async conversation whose customer has waited for an answer since `since` (minutes
    //! after T0, or NotWaiting), with `status` (a pause from `pausedAt`, if not open).
    Event waiting(qint64 id, const QString &status, int since, int minute, int pausedAt = -1)
    {
        Conversation c = about(id);
        c.customer.name = QStringLiteral("Customer %1").arg(id);
        c.createdAt = T0;
        c.updatedAt = T0.addSecs(minute * 60);
        c.status = status;
        if (since != NotWaiting)
            c.sla.awaitingSince = T0.addSecs(qint64(since) * 60);
        if (pausedAt >= 0)
            c.sla.pausedSince = T0.addSecs(pausedAt * 60);
        return next(Events::conversationUpdated(c, QStringLiteral("status"), std::nullopt));
    }
    //! `id` was promised a reply by `by` (minutes after T0), answered at `answered` (-1: not).
    Event promised(qint64 id, int by, int answered)
    {
        Conversation c = about(id);
        c.customer.name = QStringLiteral("Customer %1").arg(id);
        c.createdAt = c.updatedAt = T0;
        c.promisedBy = T0.addSecs(by * 60);
        if (answered >= 0)
            c.promiseAnsweredAt = T0.addSecs(answered * 60);
        return next(Events::conversationUpdated(c, Events::Change::Promised, std::nullopt));
    }
    //! Staff's first reply to `id` at `minute`, after `took` minutes of waiting.
    Event firstReply(qint64 id, int minute, int took)
    {
        Conversation c = about(id);
        c.customer.name = QStringLiteral("Customer %1").arg(id);
        c.createdAt = T0;
        c.updatedAt = c.firstReplyAt = T0.addSecs(minute * 60);
        c.sla.firstReplySeconds = took * 60;
        return next(Events::conversationUpdated(c, Events::Change::Replied, std::nullopt));
    }
    //! A colleague's note in `conversation` that mentions `agents`.
    Event note(qint64 conversation, const QList<qint64> &agents, int minute)
    {
        Message m;
        m.id = ++messageId;
        m.conversationId = conversation;
        m.clientId = QUuid::createUuid();
        m.author = Party{Party::Kind::Agent, 2, QStringLiteral("Sam")};
        m.text = QStringLiteral("Have a look");
        m.createdAt = T0.addSecs(minute * 60);
        m.kind = MessageKind::Note;
        m.mentions = agents;
        return next(Events::messageCreated(m, about(conversation)));
    }
    Event canned(qint64 id, const QString &shortcut, const QString &text)
    {
        return next(Events::cannedSaved(CannedResponse{id, shortcut, text, T0}));
    }

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
    agents.append(
        Wire::encode(Agent{1, QStringLiteral("Dana"), {}, Role::Agent, Presence::Online, false}));
    agents.append(
        Wire::encode(Agent{2, QStringLiteral("Sam"), {}, Role::Supervisor, Presence::Away, false}));
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
        apply({m_feed.conversation(1, QStringLiteral("Ada"), 0),
               m_feed.message(1, QStringLiteral("first"), 0),
               m_feed.conversation(2, QStringLiteral("Bo"), 1),
               m_feed.message(2, QStringLiteral("second"), 1)});
        ConversationListModel model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(ConversationListModel::CustomerNameRole).toString(),
                 QStringLiteral("Bo"));
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 1);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // A new message in the older conversation moves it to the top and changes its text.
        apply({m_feed.message(1, QStringLiteral("are you there?"), 5)});
        QCOMPARE(moved.size(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::IdRole).toLongLong(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::LastTextRole).toString(),
                 QStringLiteral("are you there?"));
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

    void conversationListShowsOneViewWithCountsOfAll()
    {
        using View = ConversationListModel::View;
        ConversationListModel model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOwnAgent(1);
        QSignalSpy counted(&model, &ConversationListModel::countsChanged);
        apply({m_feed.worked(1, QStringLiteral("Ada"), QStringLiteral("open"), 0, 1),
               m_feed.worked(2, QStringLiteral("Bo"), QStringLiteral("open"), 1, 2),
               m_feed.worked(3, QStringLiteral("Cy"), QStringLiteral("pending"), 1, 3),
               m_feed.worked(4, QStringLiteral("Di"), QStringLiteral("snoozed"), 1, 4),
               m_feed.worked(5, QStringLiteral("Ed"), QStringLiteral("resolved"), 2, 5),
               m_feed.worked(6, QStringLiteral("Fa"), QStringLiteral("open"), 2, 6)});
        QVERIFY(!counted.isEmpty());
        const auto counts = [&model] {
            return QList<int>{model.count(View::Mine), model.count(View::Unassigned),
                              model.count(View::All), model.count(View::Snoozed),
                              model.count(View::Resolved)};
        };
        QCOMPARE(counts(), (QList<int>{2, 1, 5, 1, 1}));
        const auto shown = [&model] {
            QList<qint64> ids;
            for (int row = 0; row < model.rowCount(); ++row)
                ids.append(model.index(row).data(ConversationListModel::IdRole).toLongLong());
            return ids;
        };
        QCOMPARE(shown(), (QList<qint64>{6, 4, 3, 2, 1}));
        model.setView(View::Mine);
        QCOMPARE(shown(), (QList<qint64>{3, 2}));
        // Changes move conversations between views row by row, and the counts follow.
        apply({m_feed.worked(2, QStringLiteral("Bo"), QStringLiteral("resolved"), 1, 7),
               m_feed.worked(1, QStringLiteral("Ada"), QStringLiteral("open"), 1, 8)});
        QCOMPARE(shown(), (QList<qint64>{1, 3}));
        QCOMPARE(counts(), (QList<int>{2, 0, 4, 1, 2}));
        model.setView(View::Resolved);
        QCOMPARE(shown(), (QList<qint64>{2, 5}));
        // The text filter narrows the view, not the counts.
        model.setFilter(QStringLiteral("Ed"));
        QCOMPARE(shown(), QList<qint64>{5});
        QCOMPARE(counts(), (QList<int>{2, 0, 4, 1, 2}));
        QCOMPARE(model.index(0).data(ConversationListModel::StatusRole).toString(),
                 QStringLiteral("resolved"));
        // What the customers wrote and the agent has not read counts per view: Mine's goes
        // to the window title.
        QCOMPARE(model.unread(View::Mine), 0);
        apply({m_feed.message(3, QStringLiteral("Any news?"), 9),
               m_feed.message(3, QStringLiteral("Hello?"), 10),
               m_feed.message(6, QStringLiteral("Hi"), 11)});
        QCOMPARE(model.unread(View::Mine), 2);
        QCOMPARE(model.unread(View::All), 3);
        QCOMPARE(model.unread(View::Unassigned), 0);
        apply({m_feed.worked(3, QStringLiteral("Cy"), QStringLiteral("resolved"), 1, 12)});
        QCOMPARE(model.unread(View::Mine), 0);
        QCOMPARE(model.unread(View::Resolved), 2);
        // A live chat under way is the deck's to count, not the inbox's.
        apply({m_feed.live(7, QStringLiteral("Gus"), LiveState::Active, 1, 13),
               m_feed.message(7, QStringLiteral("Are you there?"), 14)});
        QCOMPARE(model.count(View::Mine), 2);
        QCOMPARE(model.unread(View::Mine), 0);
    }

    void conversationListShowsTheNewestAtOnceThenEverything()
    {
        using View = ConversationListModel::View;
        constexpr int Total = ConversationListModel::FirstPage + 50;
        QList<Event> events;
        for (int id = 1; id <= Total; ++id)
            events.append(m_feed.worked(id, QStringLiteral("C%1").arg(id), QStringLiteral("open"),
                                        id % 2, id));
        apply(events);
        ConversationListModel model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOwnAgent(1);
        model.setView(View::All);
        // The newest page, in order, before the rest has been read; no count is shown yet
        // (it would be the page's), but the list is not taken for an empty one.
        QCOMPARE(model.rowCount(), ConversationListModel::FirstPage);
        QCOMPARE(model.index(0).data(ConversationListModel::IdRole).toLongLong(), Total);
        QVERIFY(!model.isComplete());
        QVERIFY(!model.holdsNone());
        QCOMPARE(model.count(View::All), 0);
        // A change to a conversation outside the page, arriving while the rest is read.
        QSignalSpy counted(&model, &ConversationListModel::countsChanged);
        apply({m_feed.worked(2, QStringLiteral("C2"), QStringLiteral("open"), 1, Total + 1)});
        QTRY_VERIFY(model.isComplete());
        QCOMPARE(model.rowCount(), Total);
        QCOMPARE(model.count(View::All), Total);
        QCOMPARE(model.count(View::Mine), Total / 2 + 1);
        QVERIFY(!counted.isEmpty());
        QCOMPARE(model.index(0).data(ConversationListModel::IdRole).toLongLong(), 2);
        // Switching views works on what is in memory: no read, same answer.
        model.setView(View::Mine);
        QCOMPARE(model.rowCount(), Total / 2 + 1);
        model.setView(View::Unassigned);
        QCOMPARE(model.rowCount(), Total / 2 - 1);
    }

    void conversationListFollowsTheSlaClocksAsTimeMoves()
    {
        using M = ConversationListModel;
        M model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto shown = [&model] {
            QList<qint64> ids;
            for (int row = 0; row < model.rowCount(); ++row)
                ids.append(model.index(row).data(M::IdRole).toLongLong());
            return ids;
        };
        // Support answers a first reply within an hour, around the clock.
        SlaPolicy policy;
        policy.rules = {{std::nullopt, std::nullopt, {3600, 1800, 0}}};
        model.setSlaTerms({Team{1, QStringLiteral("Support"), {}, std::nullopt, policy}},
                          {Inbox{1, QStringLiteral("Website"), QStringLiteral("web"), 1}});
        model.setSlaNow(T0.addSecs(40 * 60));
        apply({m_feed.waiting(1, QStringLiteral("open"), 0, 1),
               m_feed.waiting(2, QStringLiteral("open"), 30, 30),
               m_feed.waiting(3, QStringLiteral("pending"), 0, 31, 10),
               m_feed.waiting(4, QStringLiteral("open"), Feed::NotWaiting, 32)});
        QTRY_COMPARE(model.rowCount(), 4);

        model.setOrder(M::Order::SlaDue);
        // 20 minutes left, then 50 (running before paused), then the one owing nothing.
        QCOMPARE(shown(), (QList<qint64>{1, 2, 3, 4}));
        QCOMPARE(model.index(0).data(M::SlaKindRole).toString(), QStringLiteral("first_reply"));
        QCOMPARE(model.index(0).data(M::SlaRemainingRole).toLongLong(), 20 * 60);
        QCOMPARE(model.index(0).data(M::SlaDueRole).toDateTime(), T0.addSecs(3600));
        QCOMPARE(model.index(2).data(M::SlaStateRole).toString(), QStringLiteral("paused"));
        QVERIFY(!model.index(2).data(M::SlaDueRole).toDateTime().isValid());
        QVERIFY(model.index(3).data(M::SlaKindRole).toString().isEmpty());
        QCOMPARE(model.count(M::View::SlaAtRisk), 0);

        // Ten minutes on, the first is past 80 % of its hour: at risk.
        QSignalSpy counts(&model, &M::countsChanged);
        model.setSlaNow(T0.addSecs(50 * 60));
        QCOMPARE(model.count(M::View::SlaAtRisk), 1);
        QCOMPARE(counts.size(), 1);
        model.setView(M::View::SlaAtRisk);
        QCOMPARE(shown(), QList<qint64>{1});
        QVERIFY(model.index(0).data(M::SlaAtRiskRole).toBool());
        // Past its hour: breached, and still at the top of the view.
        model.setSlaNow(T0.addSecs(61 * 60));
        QCOMPARE(model.index(0).data(M::SlaStateRole).toString(), QStringLiteral("breached"));
        QCOMPARE(model.index(0).data(M::SlaRemainingRole).toLongLong(), -60);
        // A day later the second has run out too; the paused one has not moved.
        model.setSlaNow(T0.addSecs(24 * 3600));
        QCOMPARE(shown(), (QList<qint64>{1, 2}));
        // Answered: it leaves the view.
        apply({m_feed.firstReply(1, 24 * 60, 70)});
        QCOMPARE(shown(), QList<qint64>{2});
        QCOMPARE(model.count(M::View::SlaAtRisk), 1);
    }

    void slaClocksStandStillWhileTheTeamIsClosed()
    {
        using M = ConversationListModel;
        M model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Open Monday to Friday, 09:00 to 17:00 UTC; a first reply within the hour.
        QList<OpeningHours> week;
        for (int day = 1; day <= 5; ++day)
            week.append({day, QTime(9, 0), QTime(17, 0)});
        SlaPolicy policy;
        policy.rules = {{std::nullopt, std::nullopt, {3600, 0, 0}}};
        model.setSlaTerms({Team{1,
                                QStringLiteral("Support"),
                                {},
                                BusinessCalendar(QTimeZone::utc(), week),
                                policy}},
                          {Inbox{1, QStringLiteral("Website"), QStringLiteral("web"), 1}});
        // T0 is a Saturday, 09:00: the customer wrote on Friday at 16:50.
        QCOMPARE(T0.date().dayOfWeek(), 6);
        model.setSlaNow(T0);
        apply({m_feed.waiting(1, QStringLiteral("open"), -(16 * 60 + 10), 0)});
        QTRY_COMPARE(model.rowCount(), 1);
        const auto remaining = [&model] {
            return model.index(0).data(M::SlaRemainingRole).toLongLong();
        };
        QCOMPARE(remaining(), 50 * 60);
        QCOMPARE(model.index(0).data(M::SlaDueRole).toDateTime(),
                 T0.addDays(2).addSecs(50 * 60)); // Monday 09:50
        // The whole weekend passes: nothing moves, nobody is warned.
        QSignalSpy moved(&model, &M::slaMoved);
        for (int hour = 1; hour <= 47; ++hour) {
            model.setSlaNow(T0.addSecs(hour * 3600));
            QCOMPARE(remaining(), 50 * 60);
        }
        QCOMPARE(model.count(M::View::SlaAtRisk), 0);
        QVERIFY(model.slaAlerts().isEmpty());
        // Monday 09:40: 50 of its 60 minutes gone, so at risk only now.
        model.setSlaNow(T0.addDays(2).addSecs(40 * 60));
        QCOMPARE(remaining(), 10 * 60);
        QCOMPARE(model.count(M::View::SlaAtRisk), 1);
        QCOMPARE(model.slaAlerts().size(), 1);
        // Past due, and the next minute again: the overrun in business time.
        model.setSlaNow(T0.addDays(2).addSecs(60 * 60));
        QCOMPARE(remaining(), -10 * 60);
        QCOMPARE(model.index(0).data(M::SlaStateRole).toString(), QStringLiteral("breached"));
        QVERIFY(model.slaAlerts().first().breached);
        QVERIFY(moved.size() >= 48);
    }

    void conversationListTalliesThePromisesKept()
    {
        using M = ConversationListModel;
        M model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        apply({m_feed.promised(1, 60, 30),   // kept
               m_feed.promised(2, 60, 90),   // answered late
               m_feed.promised(3, 60, -1),   // due, not answered: broken
               m_feed.promised(4, 600, -1),  // not due yet: not counted
               m_feed.promised(5, 600, 100), // answered before it came due: kept
               m_feed.conversation(6, QStringLiteral("No promise"), 0)});
        QTRY_COMPARE(model.rowCount(), 6);
        const M::PromiseTally tally = model.promises(T0, T0.addSecs(120 * 60));
        QCOMPARE(tally.due, 4);
        QCOMPARE(tally.kept, 2);
        // Promises due before the stretch are not counted.
        QCOMPARE(model.promises(T0.addSecs(61 * 60), T0.addSecs(120 * 60)).due, 1);
    }

    void conversationListNarrowsAndOrders()
    {
        using M = ConversationListModel;
        M model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto shown = [&model] {
            QList<qint64> ids;
            for (int row = 0; row < model.rowCount(); ++row)
                ids.append(model.index(row).data(M::IdRole).toLongLong());
            return ids;
        };
        apply({m_feed.tagged(1, QStringLiteral("Ada"), {3}, Priority::Urgent, 1),
               m_feed.tagged(2, QStringLiteral("Bo"), {3, 4}, Priority::None, 2, 2),
               m_feed.tagged(3, QStringLiteral("Cy"), {}, Priority::Urgent, 3)});
        QCOMPARE(shown(), (QList<qint64>{3, 2, 1}));
        QCOMPARE(model.index(1).data(M::LabelsRole), QVariant(QVariantList{3, 4}));
        M::Narrowing n;
        n.labelId = 3;
        model.setNarrowing(n);
        QCOMPARE(shown(), (QList<qint64>{2, 1}));
        n.priority = Priority::Urgent;
        model.setNarrowing(n);
        QCOMPARE(shown(), QList<qint64>{1});
        model.setNarrowing({});
        n = {};
        n.inboxId = 2;
        model.setNarrowing(n);
        QCOMPARE(shown(), QList<qint64>{2});
        QCOMPARE(model.count(M::View::All), 3); // the counts are the views'
        // My teams: the inboxes of the agent's teams only.
        model.setOwnInboxes({2});
        QCOMPARE(model.count(M::View::MyTeams), 1);
        model.setOwnInboxes({1, 2});
        QCOMPARE(model.count(M::View::MyTeams), 3);
        model.setOwnInboxes({2});
        // A change that takes a row out of the narrowing removes it, row by row.
        apply({m_feed.tagged(2, QStringLiteral("Bo"), {3, 4}, Priority::None, 4, 1)});
        QCOMPARE(shown(), QList<qint64>{});
        QCOMPARE(model.count(M::View::MyTeams), 0); // it moved to an inbox of another team
        model.setNarrowing({});
        // Longest waiting: customers waiting for an answer first, the earliest on top.
        apply({m_feed.message(1, QStringLiteral("Hello?"), 10),
               m_feed.message(3, QStringLiteral("Anyone?"), 11),
               m_feed.message(2, QStringLiteral("Thanks!"), 12, Party::Kind::Agent)});
        QCOMPARE(shown(), (QList<qint64>{2, 3, 1}));
        model.setOrder(M::Order::LongestWaiting);
        QCOMPARE(shown(), (QList<qint64>{1, 3, 2}));
        apply({m_feed.message(1, QStringLiteral("We are on it"), 13, Party::Kind::Agent)});
        QCOMPARE(shown(), (QList<qint64>{3, 1, 2}));
        // A note naming the signed-in agent puts the conversation in Mentions, counted
        // until read; one naming someone else does not.
        m_cache->setOwnAgent(1);
        model.setOwnAgent(1);
        model.setView(M::View::Mentions);
        apply({m_feed.note(3, {2}, 14), m_feed.note(1, {1, 2}, 15)});
        QCOMPARE(shown(), QList<qint64>{1});
        QCOMPARE(model.count(M::View::Mentions), 1);
        QCOMPARE(model.unread(M::View::Mentions), 1);
        QVERIFY(model.index(0).data(M::MentionUnreadRole).toBool());
        QSignalSpy read(m_cache.get(), &LocalCache::applied);
        m_cache->setReadMarker(1, m_feed.messageId);
        QVERIFY(read.wait(10000));
        QCOMPARE(model.unread(M::View::Mentions), 0);
        QCOMPARE(shown(), QList<qint64>{1});
        model.setView(M::View::All);
        // A deleted label leaves the rows that had it.
        apply({m_feed.labelDeleted(3)});
        QCOMPARE(model.index(model.rowOf(2)).data(M::LabelsRole), QVariant(QVariantList{4}));
        QCOMPARE(model.index(model.rowOf(1)).data(M::LabelsRole), QVariant(QVariantList{}));
    }

    void messageListTurnsASendingReplyIntoTheServersMessage()
    {
        apply({m_feed.conversation(1, QStringLiteral("Ada"), 0),
               m_feed.message(1, QStringLiteral("help"), 0)});
        MessageListModel model(*m_cache, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
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
        QCOMPARE(model.index(1).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("thanks"));
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

    void messageListFollowsARepliesDeliveryState()
    {
        apply({m_feed.conversation(1, QStringLiteral("Ada"), 0),
               m_feed.message(1, QStringLiteral("help"), 0),
               m_feed.message(1, QStringLiteral("On it"), 1, Party::Kind::Agent)});
        MessageListModel model(*m_cache, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(1);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex reply = model.index(1);
        QCOMPARE(reply.data(MessageListModel::DeliveryRole).toString(), QString());
        Message m;
        m.id = reply.data(MessageListModel::IdRole).toLongLong();
        m.conversationId = 1;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        apply({m_feed.delivery(m, DeliveryState::Sent)});
        QCOMPARE(reply.data(MessageListModel::DeliveryRole).toString(), QStringLiteral("sent"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), reply);
        apply({m_feed.delivery(m, DeliveryState::Failed, QStringLiteral("550 no such user"))});
        QCOMPARE(reply.data(MessageListModel::DeliveryRole).toString(), QStringLiteral("failed"));
        QCOMPARE(reply.data(MessageListModel::DeliveryErrorRole).toString(),
                 QStringLiteral("550 no such user"));
        // The customer's message has none.
        QCOMPARE(model.index(0).data(MessageListModel::DeliveryRole).toString(), QString());
    }

    //! The outbox reports refusals of every conversation's replies: a model marks (and owns up
    //! to) only those it shows.
    void messageListOwnsOnlyItsRefusedReplies()
    {
        apply({m_feed.conversation(1, QStringLiteral("Ada"), 0),
               m_feed.conversation(2, QStringLiteral("Bo"), 1)});
        MessageListModel model(*m_cache, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(1);
        const QUuid mine = m_cache->queueReply(1, QStringLiteral("On it"));
        const QUuid other = m_cache->queueReply(2, QStringLiteral("Elsewhere"));
        m_cache->flush();
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!model.setFailed(other, true));
        QCOMPARE(changed.size(), 0);
        QVERIFY(model.setFailed(mine, true));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0).data(MessageListModel::StateRole).value<MessageListModel::State>(),
                 MessageListModel::State::Failed);
        // Told twice, it is still this model's, and nothing changes again.
        QVERIFY(model.setFailed(mine, true));
        QCOMPARE(changed.size(), 1);
        // The other conversation's reply shows as failed once that conversation is open.
        model.setConversation(2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(MessageListModel::StateRole).value<MessageListModel::State>(),
                 MessageListModel::State::Failed);
    }

    void messageListShowsEveryMessageOfABigBatch()
    {
        apply({m_feed.conversation(1, QStringLiteral("Ada"), 0),
               m_feed.message(1, QStringLiteral("start"), 0)});
        MessageListModel model(*m_cache, nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(1);
        const QUuid reply = m_cache->queueReply(1, QStringLiteral("early reply"));
        QTRY_COMPARE(model.rowCount(), 2);
        // Back from a long absence: far more than a page at once, our reply among the first.
        QList<Event> burst{
            m_feed.message(1, QStringLiteral("early reply"), 1, Party::Kind::Agent, reply)};
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
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
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
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        apply({m_feed.presence(2, Presence::Busy)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(),
                 QList<int>{AgentPresenceModel::PresenceRole});
        QCOMPARE(model.index(1).data(AgentPresenceModel::PresenceRole).toString(),
                 QStringLiteral("busy"));
        QCOMPARE(inserted.size(), 0);
    }

    //! The deck's chats: this agent's active live chats, in the order they were given; a
    //! chat that ends or goes to a colleague is one removed row.
    void liveChatsAreTheAgentsActiveChats()
    {
        m_cache->setOwnAgent(1);
        apply({m_feed.conversation(5, QStringLiteral("Async Anna"), 0),
               m_feed.live(1, QStringLiteral("Ada"), LiveState::Active, 1, 1),
               m_feed.live(2, QStringLiteral("Bo"), LiveState::Queued, 0, 2),
               m_feed.live(3, QStringLiteral("Cy"), LiveState::Active, 2, 3)});
        LiveChatsModel model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.agent(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.conversationAt(0), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::ModeRole).toString(),
                 QStringLiteral("live"));
        QCOMPARE(model.index(0).data(ConversationListModel::LiveStateRole).toString(),
                 QStringLiteral("active"));
        QCOMPARE(model.index(0).data(ConversationListModel::AssigneeIdRole).toLongLong(), 1);
        QVERIFY(
            !model.index(0).data(ConversationListModel::WaitingSinceRole).toDateTime().isValid());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy unread(&model, &LiveChatsModel::totalUnreadChanged);
        // The queued one is given to this agent: it goes after the first.
        apply({m_feed.live(2, QStringLiteral("Bo"), LiveState::Active, 1, 4)});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.conversationAt(1), 2);
        // The customer writes: unread, and waiting since that message.
        apply({m_feed.message(1, QStringLiteral("hello?"), 6)});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        const auto roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(ConversationListModel::UnreadRole));
        QVERIFY(roles.contains(ConversationListModel::WaitingSinceRole));
        QCOMPARE(model.index(0).data(ConversationListModel::WaitingSinceRole).toDateTime(),
                 T0.addSecs(6 * 60));
        QCOMPARE(model.totalUnread(), 1);
        QCOMPARE(unread.size(), 1);
        // The agent answers: no longer waiting.
        apply({m_feed.message(1, QStringLiteral("Hi!"), 7, Party::Kind::Agent)});
        QVERIFY(
            !model.index(0).data(ConversationListModel::WaitingSinceRole).toDateTime().isValid());
        // Transferred to a colleague, with a note: gone from this deck.
        apply({m_feed.live(1, QStringLiteral("Ada"), LiveState::Active, 2, 8,
                           Events::Change::Transferred)});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.conversationAt(0), 2);
        // Ended: the deck is empty.
        apply(
            {m_feed.live(2, QStringLiteral("Bo"), LiveState::Ended, 1, 9, Events::Change::Ended)});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalUnread(), 0);
        QCOMPARE(unread.size(), 2);
        // A chat transferred to this agent carries the note for them.
        apply({m_feed.live(3, QStringLiteral("Cy"), LiveState::Active, 1, 10,
                           Events::Change::Transferred)});
        Conversation three;
        three.id = 3;
        three.customer = Customer{30, QStringLiteral("Cy"), {}};
        const Party sam{Party::Kind::Agent, 2, QStringLiteral("Sam")};
        const Party me{Party::Kind::Agent, 1, QStringLiteral("Dana")};
        Event note =
            Events::conversationTransferred(three, sam, me, QStringLiteral("VIP, be quick"));
        note.seq = ++m_feed.seq;
        apply({note});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(LiveChatsModel::TransferFromRole).toString(),
                 QStringLiteral("Sam"));
        QCOMPARE(model.index(0).data(LiveChatsModel::TransferNoteRole).toString(),
                 QStringLiteral("VIP, be quick"));
    }

    //! Until the cache knows who signed in, no chat is anyone's.
    void liveChatsWaitForTheOwnAgent()
    {
        apply({m_feed.live(1, QStringLiteral("Ada"), LiveState::Active, 1, 1)});
        LiveChatsModel model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        m_cache->setOwnAgent(1);
        apply({m_feed.message(1, QStringLiteral("hello?"), 2)});
        QCOMPARE(model.rowCount(), 1);
    }

    void offersCountDownAndEnd()
    {
        OffersModel model(nullptr);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy arrived(&model, &OffersModel::offerArrived);
        const auto offer = [](qint64 id, const QString &name, int secondsLeft) {
            Offer o;
            o.conversation.id = id;
            o.conversation.customer = Customer{id * 10, name, {}};
            o.conversation.mode = ConversationMode::Live;
            o.conversation.liveState = LiveState::Queued;
            Message first;
            first.id = id * 100;
            first.conversationId = id;
            first.text = QStringLiteral("Help with order %1").arg(id);
            o.firstMessage = first;
            o.timeoutMs = 20000;
            o.localDeadline = QDateTime::currentDateTimeUtc().addSecs(secondsLeft);
            o.expiresAt = o.localDeadline;
            return o;
        };
        model.add(offer(1, QStringLiteral("Ada"), 15));
        model.add(offer(2, QStringLiteral("Bo"), 20));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(arrived.size(), 2);
        QCOMPARE(model.index(0).data(OffersModel::CustomerNameRole).toString(),
                 QStringLiteral("Ada"));
        QCOMPARE(model.index(0).data(OffersModel::FirstMessageRole).toString(),
                 QStringLiteral("Help with order 1"));
        const int left = model.index(0).data(OffersModel::RemainingSecondsRole).toInt();
        QVERIFY2(left > 0 && left <= 15, qPrintable(QString::number(left)));
        QCOMPARE(model.index(0).data(OffersModel::TimeoutSecondsRole).toInt(), 20);

        // Sent again after a reconnect: the same row, no new "arrived".
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.add(offer(1, QStringLiteral("Ada"), 18));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(arrived.size(), 2);

        // The countdown moves on, once a second, as one dataChanged for all rows.
        QSignalSpy ticks(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(ticks.wait(3000));
        QCOMPARE(ticks.first().at(2).value<QList<int>>(),
                 QList<int>{OffersModel::RemainingSecondsRole});

        model.remove(1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(2), 0);
        model.remove(42); // not there: nothing happens
        QCOMPARE(model.rowCount(), 1);

        // One that lapsed long ago, of which the server never said a word, goes by itself.
        model.add(offer(3, QStringLiteral("Cy"), -(OffersModel::LapsedGraceMs / 1000 + 2)));
        QCOMPARE(model.index(1).data(OffersModel::RemainingSecondsRole).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(3), -1, 5000);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void cannedResponsesFilterAsTheAgentTypes()
    {
        apply({m_feed.canned(1, QStringLiteral("refund"),
                             QStringLiteral("Your refund is on its way.")),
               m_feed.canned(2, QStringLiteral("hello"), QStringLiteral("Hi! How can I help?")),
               m_feed.canned(3, QStringLiteral("shipping"),
                             QStringLiteral("Parcels ship in 2 days; no refund of shipping.")),
               m_feed.canned(4, QStringLiteral("Refer"),
                             QStringLiteral("Let me refer you to billing."))});
        CannedResponsesModel model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0).data(CannedResponsesModel::ShortcutRole).toString(),
                 QStringLiteral("hello"));
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("/hello"));
        // Shortcuts starting with it first, then those that mention it.
        model.setFilter(QStringLiteral("/ref"));
        QCOMPARE(model.filter(), QStringLiteral("ref"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(CannedResponsesModel::ShortcutRole).toString(),
                 QStringLiteral("Refer"));
        QCOMPARE(model.index(1).data(CannedResponsesModel::ShortcutRole).toString(),
                 QStringLiteral("refund"));
        QCOMPARE(model.index(2).data(CannedResponsesModel::ShortcutRole).toString(),
                 QStringLiteral("shipping"));
        model.setFilter(QStringLiteral("nothing like it"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.totalCount(), 4);
        // A change from the server shows, filtered the same way.
        model.setFilter(QStringLiteral("bye"));
        QSignalSpy changed(m_cache.get(), &LocalCache::cannedChanged);
        apply({m_feed.canned(5, QStringLiteral("bye"), QStringLiteral("Have a nice day!"))});
        QTRY_VERIFY(!changed.isEmpty());
        QCOMPARE(model.rowCount(), 1);
    }

    void agentLoadAndCapacity()
    {
        QSignalSpy reset(m_cache.get(), &LocalCache::reset);
        m_cache->applySnapshot(0, snapshotWithAgents());
        QVERIFY(reset.wait(10000) || !reset.isEmpty());
        AgentPresenceModel model(*m_cache);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.index(0).data(AgentPresenceModel::CapacityRole).toInt(),
                 Agent::DefaultCapacity);
        QCOMPARE(model.index(0).data(AgentPresenceModel::ActiveChatsRole).toInt(), 0);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QueueStats stats;
        stats.agents = {AgentLoad{1, Presence::Online, true, 3, 4, 1}};
        model.setLoad(stats);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(model.index(0).data(AgentPresenceModel::ActiveChatsRole).toInt(), 3);
        QCOMPARE(model.index(0).data(AgentPresenceModel::OffersRole).toInt(), 1);
        QVERIFY(model.index(0).data(AgentPresenceModel::ConnectedRole).toBool());
        model.setLoad(stats); // the same figures: nothing to say
        QCOMPARE(changed.size(), 1);

        Agent dana{1, QStringLiteral("Dana"), {}, Role::Agent, Presence::Online, false};
        dana.capacity = 2;
        Event updated = Events::agentUpdated(dana);
        updated.seq = ++m_feed.seq;
        apply({updated});
        QCOMPARE(model.index(0).data(AgentPresenceModel::CapacityRole).toInt(), 2);
        QVERIFY(
            changed.last().at(2).value<QList<int>>().contains(AgentPresenceModel::CapacityRole));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
