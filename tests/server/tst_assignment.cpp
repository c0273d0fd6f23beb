// SPDX-License-Identifier: GPL-3.0-or-later
// Assigning async conversations against the real tandemd: take, assign, reassign and
// unassign, who may be given one, an agent's async capacity and the confirmation that
// goes past it, what the timeline and the other agents see, and bad requests.
#include "framefields.h"
#include "staffclient.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace FrameFields;

namespace {
using Client = std::unique_ptr<TestClient>;

} // namespace

class TestAssignment : public QObject
{
    Q_OBJECT

    TandemdProcess m_server;
    Client m_sue, m_dana, m_bo, m_cy;
    qint64 m_sueId = 0, m_danaId = 0, m_boId = 0, m_cyId = 0;
    Client m_customer;
    qint64 m_billing = 0; // Cy's team

    Client signIn(const QString &name, qint64 *id, const QString &role = QStringLiteral("agent"))
    {
        return newStaff(m_server, name, id, role);
    }

    qint64 newConversation(const QString &text)
    {
        const QJsonObject sent =
            m_customer->request(QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                                         {QStringLiteral("text"), text}});
        return integer(obj(data(sent), "conversation"), "id");
    }

    static QJsonObject assign(TestClient &who, qint64 conversation, const QJsonValue &agent,
                              bool force = false)
    {
        QJsonObject fields{{QStringLiteral("conversation"), conversation},
                           {QStringLiteral("agent"), agent}};
        if (force)
            fields.insert(QStringLiteral("force"), true);
        return who.request(QStringLiteral("assign"), fields);
    }

    static qint64 assigneeOf(const QJsonObject &reply)
    {
        return integer(obj(obj(data(reply), "conversation"), "assignee"), "id");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_sue = signIn(QStringLiteral("Sue"), &m_sueId, QStringLiteral("supervisor"));
        m_dana = signIn(QStringLiteral("Dana"), &m_danaId);
        m_bo = signIn(QStringLiteral("Bo"), &m_boId);
        m_cy = signIn(QStringLiteral("Cy"), &m_cyId);
        QVERIFY(m_sue && m_dana && m_bo && m_cy);
        // Cy works Billing only.
        QCOMPARE(type(m_sue->request(
                     QStringLiteral("team.save"),
                     {{QStringLiteral("team"), 1},
                      {QStringLiteral("name"), QStringLiteral("Support")},
                      {QStringLiteral("members"), QJsonArray{m_sueId, m_danaId, m_boId}}})),
                 QStringLiteral("ok"));
        const QJsonObject billing = m_sue->request(
            QStringLiteral("team.save"), {{QStringLiteral("name"), QStringLiteral("Billing")},
                                          {QStringLiteral("members"), QJsonArray{m_cyId}}});
        m_billing = integer(obj(data(billing), "team"), "id");
        QVERIFY(m_billing > 0);
        m_customer = std::make_unique<TestClient>();
        QVERIFY(m_customer->open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!m_customer->customerHello(QStringLiteral("Ada")).isEmpty());
    }

    void badAssignmentsAreRefused()
    {
        const qint64 c = newConversation(QStringLiteral("Hello"));
        QVERIFY(c > 0);
        QCOMPARE(
            code(m_dana->request(QStringLiteral("assign"), {{QStringLiteral("conversation"), c}})),
            QStringLiteral("bad_request")); // agent must be said, even if null
        QCOMPARE(code(assign(*m_dana, c, QStringLiteral("bo"))), QStringLiteral("bad_request"));
        QCOMPARE(code(assign(*m_dana, c, 424242)), QStringLiteral("not_found"));
        QCOMPARE(code(assign(*m_dana, c, m_cyId)), QStringLiteral("unavailable"));
        QCOMPARE(code(assign(*m_cy, c, m_cyId)), QStringLiteral("not_found")); // not hers to see
        QCOMPARE(code(assign(*m_dana, 999999, m_danaId)), QStringLiteral("not_found"));
        QCOMPARE(code(m_customer->request(
                     QStringLiteral("assign"),
                     {{QStringLiteral("conversation"), c}, {QStringLiteral("agent"), m_danaId}})),
                 QStringLiteral("unknown_type"));
    }

    void takeReassignAndUnassign()
    {
        const qint64 c = newConversation(QStringLiteral("My parcel"));
        m_customer->frames().clear();
        m_bo->frames().clear();
        // Dana takes it.
        const QJsonObject taken = assign(*m_dana, c, m_danaId);
        QCOMPARE(assigneeOf(taken), m_danaId);
        QVERIFY(obj(data(taken), "conversation").contains(QLatin1String("assignedAt")));
        const QJsonObject heard = m_bo->waitFrame([c](const QJsonObject &f) {
            return isEvent(f, "conversation.updated")
                   && integer(obj(data(f), "conversation"), "id") == c;
        });
        QCOMPARE(str(data(heard), "change"), QStringLiteral("assigned"));
        QCOMPARE(integer(obj(data(heard), "by"), "id"), m_danaId);
        const QJsonObject line = m_bo->waitFrame([](const QJsonObject &f) {
            return isEvent(f, "message.created")
                   && str(obj(data(f), "message"), "kind") == QLatin1String("activity");
        });
        const QJsonObject activity = obj(obj(data(line), "message"), "activity");
        QCOMPARE(str(activity, "change"), QStringLiteral("assignee"));
        QCOMPARE(integer(obj(activity, "to"), "id"), m_danaId);
        QVERIFY(activity.value(QLatin1String("from")).isNull());
        // Asked again: nothing new.
        QCOMPARE(assigneeOf(assign(*m_dana, c, m_danaId)), m_danaId);
        // Reassigned to Bo, then unassigned by a supervisor.
        QCOMPARE(assigneeOf(assign(*m_dana, c, m_boId)), m_boId);
        const QJsonObject none = assign(*m_sue, c, QJsonValue());
        QCOMPARE(type(none), QStringLiteral("ok"));
        QVERIFY(!obj(data(none), "conversation").contains(QLatin1String("assignee")));
        QVERIFY(m_bo->settle());
        QStringList changes;
        for (const QJsonObject &f : std::as_const(m_bo->frames()))
            if (isEvent(f, "conversation.updated")
                && integer(obj(data(f), "conversation"), "id") == c)
                changes.append(str(data(f), "change"));
        QCOMPARE(changes, (QStringList{QStringLiteral("assigned"), QStringLiteral("unassigned")}));
        // The customer hears of none of it.
        QVERIFY(m_customer->settle());
        for (const QJsonObject &f : std::as_const(m_customer->frames()))
            QVERIFY2(!isEvent(f, "conversation.updated") && !isEvent(f, "message.created"),
                     qPrintable(str(f, "event")));
    }

    void supervisorsMayBeAssignedAnything()
    {
        const qint64 c = newConversation(QStringLiteral("Escalate please"));
        QCOMPARE(assigneeOf(assign(*m_dana, c, m_sueId)), m_sueId);
    }

    void asyncCapacityAsksBeforeGoingPastIt()
    {
        QCOMPARE(code(m_dana->request(
                     QStringLiteral("agent.update"),
                     {{QStringLiteral("agent"), m_boId}, {QStringLiteral("asyncCapacity"), 1}})),
                 QStringLiteral("forbidden"));
        const QJsonObject set =
            m_sue->request(QStringLiteral("agent.update"), {{QStringLiteral("agent"), m_boId},
                                                            {QStringLiteral("asyncCapacity"), 1}});
        QCOMPARE(integer(obj(data(set), "agent"), "asyncCapacity"), 1);
        const qint64 first = newConversation(QStringLiteral("One"));
        const qint64 second = newConversation(QStringLiteral("Two"));
        QCOMPARE(assigneeOf(assign(*m_dana, first, m_boId)), m_boId);
        const QJsonObject refused = assign(*m_dana, second, m_boId);
        QCOMPARE(code(refused), QStringLiteral("over_capacity"));
        QVERIFY(str(refused, "message").contains(QLatin1String("capacity 1")));
        QCOMPARE(assigneeOf(assign(*m_dana, second, m_boId, true)), m_boId);
        // Resolved conversations no longer count: room again.
        for (qint64 c : {first, second})
            QCOMPARE(type(m_bo->request(QStringLiteral("status"),
                                        {{QStringLiteral("conversation"), c},
                                         {QStringLiteral("status"), QStringLiteral("resolved")}})),
                     QStringLiteral("ok"));
        QCOMPARE(assigneeOf(assign(*m_dana, newConversation(QStringLiteral("Three")), m_boId)),
                 m_boId);
    }

    void waitingConversationsGoToTheLeastLoadedOnlineAgentOfTheirTeam()
    {
        // Until now everyone was offline: what nobody took still waits. Dana comes online
        // and gets the Support ones; Cy, online too, is not of that team.
        const auto assignedTo = [this](qint64 conversation) {
            const QJsonObject f = m_sue->waitFrame([conversation](const QJsonObject &f) {
                return isEvent(f, "conversation.updated")
                       && str(data(f), "change") == QLatin1String("assigned")
                       && integer(obj(data(f), "conversation"), "id") == conversation;
            });
            return std::make_pair(integer(obj(obj(data(f), "conversation"), "assignee"), "id"),
                                  str(obj(data(f), "by"), "kind"));
        };
        const qint64 waiting = newConversation(QStringLiteral("Anyone there?"));
        m_sue->frames().clear();
        for (TestClient *who : {m_cy.get(), m_dana.get()})
            QCOMPARE(type(who->request(QStringLiteral("presence"),
                                       {{QStringLiteral("status"), QStringLiteral("online")}})),
                     QStringLiteral("ok"));
        QCOMPARE(assignedTo(waiting), std::make_pair(m_danaId, QStringLiteral("system")));
        const QJsonObject line = m_sue->waitFrame([waiting](const QJsonObject &f) {
            return isEvent(f, "message.created")
                   && integer(obj(data(f), "message"), "conversation") == waiting
                   && obj(obj(data(f), "message"), "activity").value(QLatin1String("automatic"))
                          == true;
        });
        QCOMPARE(str(obj(obj(obj(data(line), "message"), "activity"), "to"), "name"),
                 QStringLiteral("Dana"));

        // Full: Dana's capacity is what she has. A new Support conversation waits; a Billing
        // one, coming after it, goes to Cy — and nothing was given to anyone before that.
        const QJsonArray seen = data(m_dana->request(QStringLiteral("conversations")))
                                    .value(QLatin1String("conversations"))
                                    .toArray();
        int load = 0;
        for (const QJsonValue &c : seen)
            if (integer(obj(c.toObject(), "assignee"), "id") == m_danaId
                && (str(c.toObject(), "status") == QLatin1String("open")
                    || str(c.toObject(), "status") == QLatin1String("pending")))
                ++load;
        QCOMPARE(type(m_sue->request(QStringLiteral("agent.update"),
                                     {{QStringLiteral("agent"), m_danaId},
                                      {QStringLiteral("asyncCapacity"), load}})),
                 QStringLiteral("ok"));
        const QJsonObject inbox = m_sue->request(
            QStringLiteral("inbox.save"), {{QStringLiteral("name"), QStringLiteral("Billing site")},
                                           {QStringLiteral("channel"), QStringLiteral("web")},
                                           {QStringLiteral("team"), m_billing}});
        const qint64 billingInbox = integer(obj(data(inbox), "inbox"), "id");
        QVERIFY(billingInbox > 0);
        m_sue->frames().clear();
        const qint64 queued = newConversation(QStringLiteral("Me too"));
        const QJsonObject sent = m_customer->request(
            QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Invoice please")},
                                     {QStringLiteral("inbox"), billingInbox}});
        const qint64 billed = integer(obj(data(sent), "conversation"), "id");
        QCOMPARE(assignedTo(billed), std::make_pair(m_cyId, QStringLiteral("system")));
        for (const QJsonObject &f : std::as_const(m_sue->frames()))
            QVERIFY(!(isEvent(f, "conversation.updated")
                      && integer(obj(data(f), "conversation"), "id") == queued
                      && str(data(f), "change") == QLatin1String("assigned")));
        // Room again (she resolves one of hers): the one that waited is hers now.
        QCOMPARE(type(m_dana->request(QStringLiteral("status"),
                                      {{QStringLiteral("conversation"), waiting},
                                       {QStringLiteral("status"), QStringLiteral("resolved")}})),
                 QStringLiteral("ok"));
        QCOMPARE(assignedTo(queued), std::make_pair(m_danaId, QStringLiteral("system")));

        // Away agents get none: with Dana away and room for her, a new one waits until she
        // is back.
        QCOMPARE(type(m_sue->request(
                     QStringLiteral("agent.update"),
                     {{QStringLiteral("agent"), m_danaId}, {QStringLiteral("asyncCapacity"), 20}})),
                 QStringLiteral("ok"));
        QCOMPARE(type(m_dana->request(QStringLiteral("presence"),
                                      {{QStringLiteral("status"), QStringLiteral("away")}})),
                 QStringLiteral("ok"));
        m_sue->frames().clear();
        const qint64 later = newConversation(QStringLiteral("Hello again"));
        const QJsonObject another = m_customer->request(
            QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Receipt please")},
                                     {QStringLiteral("inbox"), billingInbox}});
        QCOMPARE(assignedTo(integer(obj(data(another), "conversation"), "id")).first, m_cyId);
        for (const QJsonObject &f : std::as_const(m_sue->frames()))
            QVERIFY(!(isEvent(f, "conversation.updated")
                      && integer(obj(data(f), "conversation"), "id") == later
                      && str(data(f), "change") == QLatin1String("assigned")));
        QCOMPARE(type(m_dana->request(QStringLiteral("presence"),
                                      {{QStringLiteral("status"), QStringLiteral("online")}})),
                 QStringLiteral("ok"));
        QCOMPARE(assignedTo(later).first, m_danaId);
    }

    void liveChatsUnderWayAreNotAssignedThisWay()
    {
        const QJsonObject sent = m_customer->request(
            QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Live please")},
                                     {QStringLiteral("mode"), QStringLiteral("live")}});
        const qint64 chat = integer(obj(data(sent), "conversation"), "id");
        QCOMPARE(code(assign(*m_dana, chat, m_danaId)), QStringLiteral("invalid_state"));
    }
};

QTEST_GUILESS_MAIN(TestAssignment)
#include "tst_assignment.moc"
