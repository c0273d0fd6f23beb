// SPDX-License-Identifier: GPL-3.0-or-later
// Assigning async conversations against the real tandemd: take, assign, reassign and
// unassign, who may be given one, an agent's async capacity and the confirmation that
// goes past it, what the timeline and the other agents see, and bad requests.
#include "framefields.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace FrameFields;

namespace {
const QString Password = QStringLiteral("correct horse battery");
using Client = std::unique_ptr<TestClient>;

bool isEvent(const QJsonObject &frame, const char *kind)
{
    return type(frame) == QLatin1String("event") && str(frame, "event") == QLatin1String(kind);
}
} // namespace

class TestAssignment : public QObject
{
    Q_OBJECT

    TandemdProcess m_server;
    Client m_sue, m_dana, m_bo, m_cy;
    qint64 m_sueId = 0, m_danaId = 0, m_boId = 0, m_cyId = 0;
    Client m_customer;

    Client signIn(const QString &name, qint64 *id, const QString &role = QStringLiteral("agent"))
    {
        const QString email = name.toLower() + QStringLiteral("@example.com");
        if (!m_server.addAgent(email, name, Password, role))
            return nullptr;
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_server.wsUrl(QStringLiteral("/ws/agent"))))
            return nullptr;
        const QJsonObject signedIn = client->agentSignIn(email, Password);
        *id = integer(obj(signedIn, "agent"), "id");
        return *id ? std::move(client) : nullptr;
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
        QCOMPARE(type(m_sue->request(QStringLiteral("team.save"),
                                     {{QStringLiteral("name"), QStringLiteral("Billing")},
                                      {QStringLiteral("members"), QJsonArray{m_cyId}}})),
                 QStringLiteral("ok"));
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
