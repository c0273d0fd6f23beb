// SPDX-License-Identifier: GPL-3.0-or-later
// Merging two conversations of one customer against the real tandemd, on a clock the test
// moves: every message joins the one kept, the customer sees one thread, the merge is
// undone within its window and refused after it, and bad merges are refused.
#include "clockhand.h"
#include "framefields.h"
#include "staffclient.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace FrameFields;

namespace {
using Client = std::unique_ptr<TestClient>;

QStringList textsOf(const QJsonObject &historyReply)
{
    QStringList texts;
    for (const QJsonValue &v : data(historyReply).value(QLatin1String("messages")).toArray())
        if (!v.toObject().contains(QLatin1String("kind")))
            texts.append(str(v.toObject(), "text"));
    return texts;
}
} // namespace

class TestMerge : public QObject
{
    Q_OBJECT

    TandemdProcess m_server{ClockHand::startArguments()};
    std::unique_ptr<ClockHand> m_clock;
    Client m_dana;
    qint64 m_danaId = 0;
    Client m_ada, m_bea; // customers
    qint64 m_first = 0, m_second = 0;

    static qint64 idOf(const QJsonObject &reply, const char *key = "conversation")
    {
        return integer(obj(data(reply), key), "id");
    }

    static QJsonObject say(TestClient &customer, const QString &text, qint64 conversation = 0)
    {
        QJsonObject fields{{QStringLiteral("clientId"), newId()}, {QStringLiteral("text"), text}};
        if (conversation)
            fields.insert(QStringLiteral("conversation"), conversation);
        return customer.request(QStringLiteral("send"), fields);
    }

    QJsonObject history(TestClient &who, qint64 conversation)
    {
        return who.request(QStringLiteral("history"),
                           {{QStringLiteral("conversation"), conversation}});
    }

    QJsonObject merge(qint64 from, qint64 into)
    {
        return m_dana->request(QStringLiteral("merge"), {{QStringLiteral("conversation"), from},
                                                         {QStringLiteral("into"), into}});
    }

    //! Ada's second conversation: her first resolved, she writes again.
    void twoConversations()
    {
        m_first = idOf(say(*m_ada, QStringLiteral("My order has not arrived")));
        QVERIFY(m_first > 0);
        QVERIFY(!say(*m_ada, QStringLiteral("Order 1042"), m_first).isEmpty());
        QCOMPARE(type(m_dana->request(QStringLiteral("status"),
                                      {{QStringLiteral("conversation"), m_first},
                                       {QStringLiteral("status"), QStringLiteral("resolved")}})),
                 QStringLiteral("ok"));
        m_second = idOf(say(*m_ada, QStringLiteral("Still nothing, it is about order 1042")));
        QVERIFY(m_second > 0 && m_second != m_first);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_clock = std::make_unique<ClockHand>(m_server);
        QVERIFY(m_clock->isReady());
        m_dana = newStaff(m_server, QStringLiteral("Dana"), &m_danaId);
        QVERIFY(m_dana);
        for (auto *customer : {&m_ada, &m_bea}) {
            *customer = std::make_unique<TestClient>();
            QVERIFY((*customer)->open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        }
        QVERIFY(!m_ada->customerHello(QStringLiteral("Ada")).isEmpty());
        QVERIFY(!m_bea->customerHello(QStringLiteral("Bea")).isEmpty());
        twoConversations();
    }

    void badMergesAreRefused()
    {
        const qint64 beas = idOf(say(*m_bea, QStringLiteral("Hello")));
        QCOMPARE(code(merge(m_first, beas)), QStringLiteral("bad_request")); // not her customer
        QCOMPARE(code(merge(m_first, m_first)), QStringLiteral("bad_request"));
        QCOMPARE(code(merge(m_first, 999999)), QStringLiteral("not_found"));
        QCOMPARE(
            code(m_ada->request(QStringLiteral("merge"), {{QStringLiteral("conversation"), m_first},
                                                          {QStringLiteral("into"), m_second}})),
            QStringLiteral("unknown_type"));
        QCOMPARE(code(m_dana->request(QStringLiteral("unmerge"),
                                      {{QStringLiteral("conversation"), m_first}})),
                 QStringLiteral("invalid_state")); // not merged
    }

    void mergingJoinsEveryMessageIntoOneThread()
    {
        m_dana->frames().clear();
        const QJsonObject done = merge(m_first, m_second);
        QCOMPARE(type(done), QStringLiteral("ok"));
        const QJsonObject from = obj(data(done), "from");
        QCOMPARE(integer(from, "mergedInto"), m_second);
        QCOMPARE(str(from, "status"), QStringLiteral("resolved"));
        QCOMPARE(str(data(done), "undoUntil"),
                 QDateTime::fromMSecsSinceEpoch(ClockHand::Start + 10 * 60 * 1000, Qt::UTC)
                     .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
        const QJsonObject heard = m_dana->waitEvent(QStringLiteral("conversation.merged"));
        QCOMPARE(integer(obj(data(heard), "from"), "id"), m_first);
        QCOMPARE(integer(obj(data(heard), "into"), "id"), m_second);
        // The one kept has every message, in order; the other none.
        QCOMPARE(
            textsOf(history(*m_dana, m_second)),
            (QStringList{QStringLiteral("My order has not arrived"), QStringLiteral("Order 1042"),
                         QStringLiteral("Still nothing, it is about order 1042")}));
        QVERIFY(textsOf(history(*m_dana, m_first)).isEmpty());
        // Its timeline says so.
        bool recorded = false;
        for (const QJsonValue &v :
             data(history(*m_dana, m_second)).value(QLatin1String("messages")).toArray())
            recorded =
                recorded || str(obj(v.toObject(), "activity"), "change") == QLatin1String("merged");
        QVERIFY(recorded);
        // Asked again (a retry): the same answer, nothing more.
        QCOMPARE(integer(obj(data(merge(m_first, m_second)), "from"), "mergedInto"), m_second);
        // Merged away, it cannot take another merge.
        const qint64 third = idOf(say(*m_bea, QStringLiteral("Another")));
        QCOMPARE(code(merge(m_first, third)), QStringLiteral("bad_request"));
    }

    void theCustomerSeesOneThread()
    {
        // Asking for the old conversation, she gets the one it went into.
        QCOMPARE(textsOf(history(*m_ada, m_first)).size(), 3);
        const QJsonObject sent = say(*m_ada, QStringLiteral("Hello?"), m_first);
        QCOMPARE(integer(obj(data(sent), "message"), "conversation"), m_second);
    }

    void undoneItGivesBackWhatCameFromIt()
    {
        m_dana->frames().clear();
        const QJsonObject undone =
            m_dana->request(QStringLiteral("unmerge"), {{QStringLiteral("conversation"), m_first}});
        QCOMPARE(type(undone), QStringLiteral("ok"));
        QVERIFY(!obj(data(undone), "from").contains(QLatin1String("mergedInto")));
        QCOMPARE(str(obj(data(undone), "from"), "status"), QStringLiteral("resolved"));
        QVERIFY(!m_dana->waitEvent(QStringLiteral("conversation.unmerged")).isEmpty());
        QCOMPARE(textsOf(history(*m_dana, m_first)),
                 (QStringList{QStringLiteral("My order has not arrived"),
                              QStringLiteral("Order 1042")}));
        // What was written in the kept one meanwhile stays there.
        QCOMPARE(textsOf(history(*m_dana, m_second)),
                 (QStringList{QStringLiteral("Still nothing, it is about order 1042"),
                              QStringLiteral("Hello?")}));
    }

    void anUndoComesTooLateAfterTenMinutes()
    {
        QCOMPARE(type(merge(m_first, m_second)), QStringLiteral("ok"));
        QVERIFY(m_clock->advance(9 * 60 * 1000));
        // Still in time at nine minutes; merged again, and then let be.
        QCOMPARE(type(m_dana->request(QStringLiteral("unmerge"),
                                      {{QStringLiteral("conversation"), m_first}})),
                 QStringLiteral("ok"));
        QCOMPARE(type(merge(m_first, m_second)), QStringLiteral("ok"));
        QVERIFY(m_clock->advance(10 * 60 * 1000 + 1));
        QCOMPARE(code(m_dana->request(QStringLiteral("unmerge"),
                                      {{QStringLiteral("conversation"), m_first}})),
                 QStringLiteral("invalid_state"));
        QVERIFY(textsOf(history(*m_dana, m_first)).isEmpty());
    }

    void theCustomersWaitGoesWithTheMergeAndComesBackWithTheUndo()
    {
        TestClient cleo;
        QVERIFY(cleo.open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!cleo.customerHello(QStringLiteral("Cleo")).isEmpty());
        const auto sla = [](const QJsonObject &conversation, const char *key) {
            return QDateTime::fromString(str(obj(conversation, "sla"), key), Qt::ISODateWithMs);
        };
        // Her first conversation is resolved unanswered; she writes again and is answered.
        const QJsonObject asked = say(cleo, QStringLiteral("Can I pay by invoice?"));
        const QDateTime waitingSince = sla(obj(data(asked), "conversation"), "awaitingSince");
        QVERIFY(waitingSince.isValid());
        const qint64 unanswered = idOf(asked);
        QVERIFY(m_clock->advance(60 * 1000));
        const QJsonObject resolved = m_dana->request(
            QStringLiteral("status"), {{QStringLiteral("conversation"), unanswered},
                                       {QStringLiteral("status"), QStringLiteral("resolved")}});
        const QDateTime resolvedAt = sla(obj(data(resolved), "conversation"), "pausedSince");
        QCOMPARE(resolvedAt, waitingSince.addSecs(60)); // resolved: its clocks stopped
        QVERIFY(m_clock->advance(60 * 1000));
        const qint64 answered = idOf(say(cleo, QStringLiteral("And by card?")));
        QVERIFY(answered != unanswered);
        QCOMPARE(type(m_dana->request(QStringLiteral("send"),
                                      {{QStringLiteral("conversation"), answered},
                                       {QStringLiteral("clientId"), newId()},
                                       {QStringLiteral("text"), QStringLiteral("By card, yes.")}})),
                 QStringLiteral("ok"));
        // Merged: the first question is still owed an answer, in the thread it joined.
        QVERIFY(m_clock->advance(60 * 1000));
        const QJsonObject done = merge(unanswered, answered);
        QCOMPARE(type(done), QStringLiteral("ok"));
        QCOMPARE(sla(obj(data(done), "into"), "awaitingSince"), waitingSince);
        // Merged away, its status is the other one's to change.
        QCOMPARE(code(m_dana->request(QStringLiteral("status"),
                                      {{QStringLiteral("conversation"), unanswered},
                                       {QStringLiteral("status"), QStringLiteral("open")}})),
                 QStringLiteral("invalid_state"));
        // Undone: resolved as it was, paused since it was resolved, not since the merge.
        QVERIFY(m_clock->advance(2 * 60 * 1000));
        const QJsonObject undone = m_dana->request(QStringLiteral("unmerge"),
                                                   {{QStringLiteral("conversation"), unanswered}});
        QCOMPARE(type(undone), QStringLiteral("ok"));
        const QJsonObject back = obj(data(undone), "from");
        QCOMPARE(str(back, "status"), QStringLiteral("resolved"));
        QCOMPARE(sla(back, "pausedSince"), resolvedAt);
        // The wait went back with its messages: the thread that was answered owes nothing.
        QVERIFY(!sla(obj(data(undone), "into"), "awaitingSince").isValid());
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
