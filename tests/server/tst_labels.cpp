// SPDX-License-Identifier: GPL-3.0-or-later
// Labels and priority against the real tandemd: supervisors keep the labels, staff put them
// on conversations and take them off without losing a colleague's, a deleted label leaves
// every conversation, priority has five levels, the timeline tells it, customers never
// hear of it, and bad requests are refused.
#include "framefields.h"
#include "staffclient.h"

#include <QJsonArray>
#include <QTest>
#include <algorithm>
#include <memory>

using namespace FrameFields;

namespace {
using Client = std::unique_ptr<TestClient>;

QList<qint64> labelsOf(const QJsonObject &conversation)
{
    QList<qint64> ids;
    for (const QJsonValue &v : conversation.value(QLatin1String("labels")).toArray())
        ids.append(qint64(v.toDouble()));
    return ids;
}
} // namespace

class TestLabels : public QObject
{
    Q_OBJECT

    TandemdProcess m_server;
    Client m_sue, m_dana, m_bo;
    qint64 m_sueId = 0, m_danaId = 0, m_boId = 0;
    Client m_customer;
    qint64 m_billing = 0, m_bug = 0, m_vip = 0; // labels

    qint64 newConversation(const QString &text)
    {
        const QJsonObject sent =
            m_customer->request(QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                                         {QStringLiteral("text"), text}});
        return integer(obj(data(sent), "conversation"), "id");
    }

    qint64 saveLabel(const QString &name, const QString &colour)
    {
        const QJsonObject saved =
            m_sue->request(QStringLiteral("label.save"),
                           {{QStringLiteral("name"), name}, {QStringLiteral("colour"), colour}});
        return integer(obj(data(saved), "label"), "id");
    }

    static QJsonObject change(TestClient &who, qint64 conversation, const QJsonArray &add,
                              const QJsonArray &remove = {})
    {
        QJsonObject fields{{QStringLiteral("conversation"), conversation}};
        if (!add.isEmpty())
            fields.insert(QStringLiteral("add"), add);
        if (!remove.isEmpty())
            fields.insert(QStringLiteral("remove"), remove);
        return who.request(QStringLiteral("labels"), fields);
    }

    //! The conversation as the `conversations` page gives it to `who`.
    static QJsonObject listed(TestClient &who, qint64 id)
    {
        const QJsonObject page = who.request(QStringLiteral("conversations"), {});
        for (const QJsonValue &v : data(page).value(QLatin1String("conversations")).toArray())
            if (integer(v.toObject(), "id") == id)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_sue = newStaff(m_server, QStringLiteral("Sue"), &m_sueId, QStringLiteral("supervisor"));
        m_dana = newStaff(m_server, QStringLiteral("Dana"), &m_danaId);
        m_bo = newStaff(m_server, QStringLiteral("Bo"), &m_boId);
        QVERIFY(m_sue && m_dana && m_bo);
        m_customer = std::make_unique<TestClient>();
        QVERIFY(m_customer->open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!m_customer->customerHello(QStringLiteral("Ada")).isEmpty());
    }

    void supervisorsKeepTheLabels()
    {
        m_dana->frames().clear();
        m_billing = saveLabel(QStringLiteral("Billing"), QStringLiteral("#2563EB"));
        QVERIFY(m_billing > 0);
        const QJsonObject heard = m_dana->waitEvent(QStringLiteral("label.saved"));
        QCOMPARE(str(obj(data(heard), "label"), "name"), QStringLiteral("Billing"));
        QCOMPARE(str(obj(data(heard), "label"), "colour"), QStringLiteral("#2563eb"));
        m_bug = saveLabel(QStringLiteral("Bug"), QStringLiteral("#dc2626"));
        m_vip = saveLabel(QStringLiteral("VIP"), QStringLiteral("#ca8a04"));
        QVERIFY(m_bug > 0 && m_vip > 0);
        // Renamed and recoloured, it keeps its id.
        const QJsonObject renamed = m_sue->request(
            QStringLiteral("label.save"), {{QStringLiteral("label"), m_bug},
                                           {QStringLiteral("name"), QStringLiteral("Defect")},
                                           {QStringLiteral("colour"), QStringLiteral("#b91c1c")}});
        QCOMPARE(integer(obj(data(renamed), "label"), "id"), m_bug);
        // Someone signing in now gets them, by name.
        qint64 id = 0;
        Client late = newStaff(m_server, QStringLiteral("Late"), &id);
        QVERIFY(late);
        QStringList names;
        const QJsonObject snapshot = late->waitFrame(
            [](const QJsonObject &f) { return type(f) == QLatin1String("snapshot"); });
        for (const QJsonValue &v : data(snapshot).value(QLatin1String("labels")).toArray())
            names.append(str(v.toObject(), "name"));
        QCOMPARE(names, (QStringList{QStringLiteral("Billing"), QStringLiteral("Defect"),
                                     QStringLiteral("VIP")}));
    }

    void badLabelsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("code");
        const auto label = [](const QString &name, const QString &colour) {
            return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("colour"), colour}};
        };
        QTest::newRow("taken, ignoring case")
            << label(QStringLiteral("billing"), QStringLiteral("#000000")) << "conflict";
        QTest::newRow("blank") << label(QStringLiteral("   "), QStringLiteral("#000000"))
                               << "bad_request";
        QTest::newRow("too long") << label(QString(41, QLatin1Char('x')), QStringLiteral("#000000"))
                                  << "bad_request";
        QTest::newRow("a comma") << label(QStringLiteral("a,b"), QStringLiteral("#000000"))
                                 << "bad_request";
        QTest::newRow("colour by name")
            << label(QStringLiteral("Red"), QStringLiteral("red")) << "bad_request";
        QTest::newRow("colour not hex")
            << label(QStringLiteral("Red"), QStringLiteral("#12345g")) << "bad_request";
        QJsonObject unknown = label(QStringLiteral("Ghost"), QStringLiteral("#000000"));
        unknown.insert(QStringLiteral("label"), 424242);
        QTest::newRow("unknown id") << unknown << "not_found";
    }

    void badLabelsAreRefused()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, code);
        QCOMPARE(FrameFields::code(m_sue->request(QStringLiteral("label.save"), fields)), code);
    }

    void agentsDoNotKeepLabels()
    {
        QCOMPARE(code(m_dana->request(QStringLiteral("label.save"),
                                      {{QStringLiteral("name"), QStringLiteral("Mine")},
                                       {QStringLiteral("colour"), QStringLiteral("#000000")}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(code(m_dana->request(QStringLiteral("label.delete"),
                                      {{QStringLiteral("label"), m_billing}})),
                 QStringLiteral("forbidden"));
    }

    void labellingAddsAndRemovesWithoutLosingOthers()
    {
        const qint64 c = newConversation(QStringLiteral("I was charged twice"));
        QVERIFY(c > 0);
        m_bo->frames().clear();
        m_customer->frames().clear();
        const QJsonObject first = change(*m_dana, c, {m_vip, m_billing});
        QCOMPARE(labelsOf(obj(data(first), "conversation")), (QList<qint64>{m_billing, m_vip}));
        const QJsonObject heard = m_bo->waitFrame([c](const QJsonObject &f) {
            return isEvent(f, "conversation.updated")
                   && integer(obj(data(f), "conversation"), "id") == c;
        });
        QCOMPARE(str(data(heard), "change"), QStringLiteral("labels"));
        QCOMPARE(labelsOf(obj(data(heard), "conversation")), (QList<qint64>{m_billing, m_vip}));
        const QJsonObject line = m_bo->waitFrame([](const QJsonObject &f) {
            return isEvent(f, "message.created")
                   && str(obj(data(f), "message"), "kind") == QLatin1String("activity");
        });
        const QJsonObject activity = obj(obj(data(line), "message"), "activity");
        QCOMPARE(str(activity, "change"), QStringLiteral("labels"));
        QCOMPARE(activity.value(QLatin1String("added")).toArray().size(), 2);
        QCOMPARE(str(obj(obj(data(line), "message"), "author"), "name"), QStringLiteral("Dana"));
        // Bo adds Defect while Dana takes VIP off: each keeps the other's change.
        change(*m_bo, c, {m_bug});
        const QJsonObject both = change(*m_dana, c, {}, {m_vip});
        QCOMPARE(labelsOf(obj(data(both), "conversation")), (QList<qint64>{m_billing, m_bug}));
        // Asked again (a replay from the outbox): as it is, and nothing recorded.
        QVERIFY(m_bo->settle());
        m_bo->frames().clear();
        const QJsonObject again = change(*m_dana, c, {}, {m_vip});
        QCOMPARE(labelsOf(obj(data(again), "conversation")), (QList<qint64>{m_billing, m_bug}));
        QVERIFY(m_bo->settle());
        for (const QJsonObject &f : std::as_const(m_bo->frames()))
            QVERIFY2(type(f) != QLatin1String("event"), qPrintable(str(f, "event")));
        QCOMPARE(labelsOf(listed(*m_bo, c)), (QList<qint64>{m_billing, m_bug}));
        // The customer heard of none of it.
        QVERIFY(m_customer->settle());
        for (const QJsonObject &f : std::as_const(m_customer->frames()))
            QVERIFY2(type(f) != QLatin1String("event"), qPrintable(str(f, "event")));
    }

    void badLabellingIsRefused()
    {
        const qint64 c = newConversation(QStringLiteral("Another question"));
        QCOMPARE(code(change(*m_dana, c, {424242})), QStringLiteral("not_found"));
        QCOMPARE(code(change(*m_dana, c, {}, {})), QStringLiteral("bad_request"));
        QCOMPARE(code(change(*m_dana, c, {QStringLiteral("Billing")})),
                 QStringLiteral("bad_request"));
        QCOMPARE(code(change(*m_dana, 999999, {m_billing})), QStringLiteral("not_found"));
        QJsonArray many;
        for (int i = 1; i <= 21; ++i)
            many.append(i);
        QCOMPARE(code(change(*m_dana, c, many)), QStringLiteral("bad_request"));
        QCOMPARE(code(m_customer->request(QStringLiteral("labels"),
                                          {{QStringLiteral("conversation"), c},
                                           {QStringLiteral("add"), QJsonArray{m_billing}}})),
                 QStringLiteral("unknown_type"));
        // Twenty is the most one conversation carries.
        QJsonArray ids{m_billing, m_bug, m_vip};
        for (int i = 0; i < 18; ++i)
            ids.append(saveLabel(QStringLiteral("Extra %1").arg(i), QStringLiteral("#111111")));
        QCOMPARE(code(change(*m_dana, c, ids)), QStringLiteral("bad_request"));
        ids.removeLast();
        QCOMPARE(labelsOf(obj(data(change(*m_dana, c, ids)), "conversation")).size(), 20);
    }

    void aDeletedLabelLeavesEveryConversation()
    {
        const qint64 c = newConversation(QStringLiteral("Broken button"));
        change(*m_dana, c, {m_bug, m_billing});
        m_dana->frames().clear();
        QCOMPARE(type(m_sue->request(QStringLiteral("label.delete"),
                                     {{QStringLiteral("label"), m_bug}})),
                 QStringLiteral("ok"));
        const QJsonObject gone = m_dana->waitEvent(QStringLiteral("label.deleted"));
        QCOMPARE(integer(data(gone), "id"), m_bug);
        QCOMPARE(labelsOf(listed(*m_dana, c)), (QList<qint64>{m_billing}));
        QCOMPARE(code(m_sue->request(QStringLiteral("label.delete"),
                                     {{QStringLiteral("label"), m_bug}})),
                 QStringLiteral("not_found"));
        QCOMPARE(code(change(*m_dana, c, {m_bug})), QStringLiteral("not_found"));
        // Taking off a label that is gone is no failure: it is off already.
        QCOMPARE(type(change(*m_dana, c, {}, {m_bug})), QStringLiteral("ok"));
    }

    void priorityHasFiveLevels()
    {
        const qint64 c = newConversation(QStringLiteral("Our shop is down"));
        m_bo->frames().clear();
        const QJsonObject urgent =
            m_dana->request(QStringLiteral("priority"),
                            {{QStringLiteral("conversation"), c}, {QStringLiteral("priority"), 4}});
        QCOMPARE(integer(obj(data(urgent), "conversation"), "priority"), 4);
        const QJsonObject line = m_bo->waitFrame([](const QJsonObject &f) {
            return isEvent(f, "message.created")
                   && str(obj(data(f), "message"), "kind") == QLatin1String("activity");
        });
        const QJsonObject activity = obj(obj(data(line), "message"), "activity");
        QCOMPARE(str(activity, "change"), QStringLiteral("priority"));
        QCOMPARE(integer(activity, "priority"), 4);
        QCOMPARE(integer(listed(*m_bo, c), "priority"), 4);
        QCOMPARE(
            code(m_dana->request(QStringLiteral("priority"), {{QStringLiteral("conversation"), c},
                                                              {QStringLiteral("priority"), 5}})),
            QStringLiteral("bad_request"));
        QCOMPARE(
            code(m_dana->request(QStringLiteral("priority"), {{QStringLiteral("conversation"), c},
                                                              {QStringLiteral("priority"), -1}})),
            QStringLiteral("bad_request"));
    }

    void theCustomerCardAndItsCorrections()
    {
        const qint64 c = newConversation(QStringLiteral("Who am I to you?"));
        const QJsonObject card =
            m_dana->request(QStringLiteral("customer"), {{QStringLiteral("conversation"), c}});
        QCOMPARE(str(obj(data(card), "customer"), "name"), QStringLiteral("Ada"));
        QList<qint64> listed;
        for (const QJsonValue &v : data(card).value(QLatin1String("conversations")).toArray())
            listed << integer(v.toObject(), "id");
        QVERIFY(listed.contains(c));
        QVERIFY(listed.size() >= 2); // her earlier ones too
        QCOMPARE(listed.first(), c); // newest activity first
        const auto update = [this, c](const QJsonObject &more) {
            QJsonObject fields = more;
            fields.insert(QStringLiteral("conversation"), c);
            return m_dana->request(QStringLiteral("customer.update"), fields);
        };
        QCOMPARE(code(update({{QStringLiteral("name"), QStringLiteral("  ")}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(code(update({{QStringLiteral("email"), QStringLiteral("not an address")}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(code(update({})), QStringLiteral("bad_request"));
        QCOMPARE(code(m_dana->request(QStringLiteral("customer"),
                                      {{QStringLiteral("conversation"), 999999}})),
                 QStringLiteral("not_found"));
        QCOMPARE(code(m_customer->request(QStringLiteral("customer.update"),
                                          {{QStringLiteral("conversation"), c},
                                           {QStringLiteral("name"), QStringLiteral("Me")}})),
                 QStringLiteral("unknown_type"));
        m_bo->frames().clear();
        const QJsonObject done =
            update({{QStringLiteral("name"), QStringLiteral("Ada King")},
                    {QStringLiteral("email"), QStringLiteral("ada@example.org")}});
        QCOMPARE(str(obj(data(done), "customer"), "email"), QStringLiteral("ada@example.org"));
        const QJsonObject heard = m_bo->waitEvent(QStringLiteral("customer.updated"));
        QCOMPARE(str(obj(data(heard), "customer"), "name"), QStringLiteral("Ada King"));
        const QJsonObject again =
            m_dana->request(QStringLiteral("customer"), {{QStringLiteral("conversation"), c}});
        QCOMPARE(str(obj(data(again), "customer"), "name"), QStringLiteral("Ada King"));
    }

    void colleaguesSeeWhoElseHasAConversationOpen()
    {
        const qint64 c = newConversation(QStringLiteral("Two of you?"));
        const auto viewing = [c](TestClient &who, bool on = true) {
            return who.request(QStringLiteral("viewing"), {{QStringLiteral("conversation"),
                                                            on ? QJsonValue(c) : QJsonValue()}});
        };
        const auto names = [](const QJsonArray &viewers) {
            QStringList list;
            for (const QJsonValue &v : viewers)
                list << str(v.toObject(), "name");
            std::sort(list.begin(), list.end());
            return list;
        };
        const auto heard = [c, &names](TestClient &who) {
            const QJsonObject f = who.waitFrame([c](const QJsonObject &f) {
                return type(f) == QLatin1String("viewers") && integer(f, "conversation") == c;
            });
            return names(f.value(QLatin1String("viewers")).toArray());
        };
        const QJsonObject first = viewing(*m_dana);
        QCOMPARE(names(data(first).value(QLatin1String("viewers")).toArray()),
                 QStringList{QStringLiteral("Dana")});
        m_dana->frames().clear();
        qint64 cyId = 0;
        Client cy = newStaff(m_server, QStringLiteral("Cy"), &cyId);
        QVERIFY(cy);
        QCOMPARE(names(data(viewing(*cy)).value(QLatin1String("viewers")).toArray()),
                 (QStringList{QStringLiteral("Cy"), QStringLiteral("Dana")}));
        QCOMPARE(heard(*m_dana), (QStringList{QStringLiteral("Cy"), QStringLiteral("Dana")}));
        // Gone (the app closed): the others hear it.
        cy.reset();
        QCOMPARE(heard(*m_dana), QStringList{QStringLiteral("Dana")});
        QCOMPARE(type(viewing(*m_dana, false)), QStringLiteral("ok"));
        QCOMPARE(code(viewing(*m_customer)), QStringLiteral("unknown_type"));
        QCOMPARE(code(m_dana->request(QStringLiteral("viewing"),
                                      {{QStringLiteral("conversation"), 999999}})),
                 QStringLiteral("not_found"));
        QCOMPARE(code(m_dana->request(QStringLiteral("viewing"), {})),
                 QStringLiteral("bad_request"));
    }

    void aQueuedChatsPriorityIsTheSupervisors()
    {
        Client chat = std::make_unique<TestClient>();
        QVERIFY(chat->open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!chat->customerHello(QStringLiteral("Kim")).isEmpty());
        const QJsonObject started = chat->request(
            QStringLiteral("send"), {{QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Anyone there?")},
                                     {QStringLiteral("mode"), QStringLiteral("live")}});
        const qint64 c = integer(obj(data(started), "conversation"), "id");
        QVERIFY(c > 0);
        const QJsonObject fields{{QStringLiteral("conversation"), c},
                                 {QStringLiteral("priority"), 3}};
        QCOMPARE(code(m_dana->request(QStringLiteral("priority"), fields)),
                 QStringLiteral("forbidden"));
        QCOMPARE(
            integer(obj(data(m_sue->request(QStringLiteral("priority"), fields)), "conversation"),
                    "priority"),
            3);
    }
};

QTEST_GUILESS_MAIN(TestLabels)
#include "tst_labels.moc"
