// SPDX-License-Identifier: GPL-3.0-or-later
// Replies on the web channel, end to end through the real tandemd: the agents see each
// reply's delivery state move as the widget has it and reads it, a reply written while the
// customer is away waits for them (however long), and customers never see the states.
#include "clockhand.h"
#include "framefields.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QJsonArray>
#include <QTest>

using namespace FrameFields;

namespace {
const QString Email = QStringLiteral("dana@example.com");
const QString Password = QStringLiteral("correct horse battery");

//! The states of `message.delivery` events about `message` among `events`.
QStringList statesOf(const QList<QJsonObject> &events, qint64 message)
{
    QStringList states;
    for (const QJsonObject &e : events) {
        const QJsonObject d = data(e);
        if (integer(d, "message") == message)
            states.append(str(d, "state"));
    }
    return states;
}

QJsonObject ackFields(qint64 conversation, qint64 upTo)
{
    return {{QStringLiteral("conversation"), conversation}, {QStringLiteral("upTo"), upTo}};
}
} // namespace

class TestDelivery : public QObject
{
    Q_OBJECT

    TandemdProcess m_server{ClockHand::startArguments()};
    std::unique_ptr<ClockHand> m_clock;

    bool signIn(TestClient &agent)
    {
        return agent.open(m_server.wsUrl(QStringLiteral("/ws/agent")))
               && !agent.agentSignIn(Email, Password).isEmpty();
    }
    bool openCustomer(TestClient &customer)
    {
        return customer.open(m_server.wsUrl(QStringLiteral("/ws/customer")));
    }
    //! The agent's reply; returns its message id.
    qint64 reply(TestClient &agent, qint64 conversation, const QString &text)
    {
        const QJsonObject answer =
            agent.request(QStringLiteral("send"), {{QStringLiteral("conversation"), conversation},
                                                   {QStringLiteral("clientId"), newId()},
                                                   {QStringLiteral("text"), text}});
        return integer(obj(data(answer), "message"), "id");
    }
    //! Waits for the `message.delivery` event that puts `message` in `state`, and takes it.
    static bool waitState(TestClient &agent, qint64 message, const QString &state)
    {
        return !agent
                    .waitFrame([&](const QJsonObject &f) {
                        const QJsonObject d = data(f);
                        return str(f, "event") == QLatin1String("message.delivery")
                               && integer(d, "message") == message && str(d, "state") == state;
                    })
                    .isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addAgent(Email, QStringLiteral("Dana Demo"), Password));
        m_clock = std::make_unique<ClockHand>(m_server);
        QVERIFY(m_clock->isReady());
    }

    void aReplyIsSentThenDeliveredThenRead()
    {
        TestClient agent;
        QVERIFY(signIn(agent));
        TestClient ada;
        QVERIFY(openCustomer(ada));
        QVERIFY(!ada.customerHello(QStringLiteral("Ada")).isEmpty());
        const qint64 conversation =
            integer(obj(data(ada.request(QStringLiteral("send"),
                                         {{QStringLiteral("clientId"), newId()},
                                          {QStringLiteral("text"), QStringLiteral("Hi")}})),
                        "conversation"),
                    "id");
        QVERIFY(conversation > 0);

        const qint64 message = reply(agent, conversation, QStringLiteral("Hello Ada"));
        QVERIFY(message > 0);
        QVERIFY(waitState(agent, message, QStringLiteral("sent")));
        QCOMPARE(type(ada.request(QStringLiteral("received"), ackFields(conversation, message))),
                 QStringLiteral("ok"));
        QVERIFY(waitState(agent, message, QStringLiteral("delivered")));
        QCOMPARE(type(ada.request(QStringLiteral("read"), ackFields(conversation, message))),
                 QStringLiteral("ok"));
        QVERIFY(waitState(agent, message, QStringLiteral("read")));
        QVERIFY(agent.settle());
        // Each state once (those waited for were taken): queued came with the reply.
        QCOMPARE(statesOf(agent.takeEvents(QStringLiteral("message.delivery")), message),
                 QStringList{QStringLiteral("queued")});
        // The customer sees none of it, in events or history; agents' history has it.
        QVERIFY(ada.takeEvents(QStringLiteral("message.delivery"), TestClient::Settle::AfterPing)
                    .isEmpty());
        const QJsonObject page{{QStringLiteral("conversation"), conversation}};
        const QJsonArray staffCopy = data(agent.request(QStringLiteral("history"), page))
                                         .value(QLatin1String("messages"))
                                         .toArray();
        QCOMPARE(staffCopy.size(), 2);
        QVERIFY(!staffCopy.at(0).toObject().contains(QLatin1String("delivery"))); // hers
        QCOMPARE(str(obj(staffCopy.at(1).toObject(), "delivery"), "state"), QStringLiteral("read"));
        const QJsonArray customerCopy = data(ada.request(QStringLiteral("history"), page))
                                            .value(QLatin1String("messages"))
                                            .toArray();
        QCOMPARE(customerCopy.size(), 2);
        QVERIFY(!customerCopy.at(1).toObject().contains(QLatin1String("delivery")));
        // Only customers report receipt; for an agent it is no command.
        QCOMPARE(code(agent.request(QStringLiteral("received"), ackFields(conversation, message))),
                 QStringLiteral("unknown_type"));
        // Bad input is refused clearly.
        QCOMPARE(code(ada.request(QStringLiteral("received"), ackFields(conversation, -1))),
                 QStringLiteral("bad_request"));
        QCOMPARE(code(ada.request(QStringLiteral("received"), ackFields(conversation, 1 << 30))),
                 QStringLiteral("not_found"));
    }

    void aReplyWaitsUntilTheCustomerComesBack()
    {
        TestClient agent;
        QVERIFY(signIn(agent));
        QString token;
        qint64 conversation = 0;
        {
            TestClient bea;
            QVERIFY(openCustomer(bea));
            token = str(bea.customerHello(QStringLiteral("Bea")), "token");
            QVERIFY(!token.isEmpty());
            conversation = integer(
                obj(data(bea.request(QStringLiteral("send"),
                                     {{QStringLiteral("clientId"), newId()},
                                      {QStringLiteral("text"), QStringLiteral("Call me back")}})),
                    "conversation"),
                "id");
            bea.close();
            QVERIFY(bea.waitDisconnected());
        }
        const qint64 message = reply(agent, conversation, QStringLiteral("Here is your answer"));
        QVERIFY(waitState(agent, message, QStringLiteral("queued")));
        // Two days pass: the reply is not given up on, nor marked sent.
        QVERIFY(m_clock->advance(qint64(48) * 3600 * 1000));
        // Had the reply come due, the queue would read it, try it and save the outcome: two
        // more steps through the storage, each behind one more advance.
        QVERIFY(m_clock->advance(1));
        QVERIFY(m_clock->advance(1));
        QVERIFY(agent.settle());
        QCOMPARE(statesOf(agent.takeEvents(QStringLiteral("message.delivery")), message),
                 QStringList{});

        // She opens the widget again: the reply is in her catch-up, and now counts as sent.
        TestClient back;
        QVERIFY(openCustomer(back));
        QVERIFY(!back.customerHello({}, token).isEmpty());
        QVERIFY(waitState(agent, message, QStringLiteral("sent")));
        QCOMPARE(type(back.request(QStringLiteral("read"), ackFields(conversation, message))),
                 QStringLiteral("ok"));
        QVERIFY(waitState(agent, message, QStringLiteral("read")));
    }
};

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
