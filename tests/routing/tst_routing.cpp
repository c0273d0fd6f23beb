// SPDX-License-Identifier: GPL-3.0-or-later
// Live chat routing against the real tandemd: capacity, order, offers and their timeout,
// presence, the grace period, and what customers and agents may not do. Timeouts are
// tested on a manual clock the test moves; nothing here waits for time to pass.
#include "clockhand.h"
#include "framefields.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QUuid>
#include <memory>
#include <vector>

using namespace FrameFields;

namespace {
const QString Password = QStringLiteral("correct horse battery");
const QString AgentPath = QStringLiteral("/ws/agent");
const QString CustomerPath = QStringLiteral("/ws/customer");

bool isType(const QJsonObject &frame, const char *type)
{
    return str(frame, "type") == QLatin1String(type);
}

//! Someone the test speaks for: a connected agent or customer.
using Client = std::unique_ptr<TestClient>;
} // namespace

class TestRouting : public QObject
{
    Q_OBJECT

    std::unique_ptr<TandemdProcess> m_server;
    QString m_lastCustomerToken;
    QHash<QString, qint64> m_agentIds; // by name, as signing in told

    bool startServer(const QStringList &extra = {})
    {
        m_server = std::make_unique<TandemdProcess>(extra);
        if (!m_server->start())
            return false;
        return m_server->addAgent(QStringLiteral("sam@example.com"), QStringLiteral("Sam Lead"),
                                  Password, QStringLiteral("supervisor"));
    }

    Client agent(const QString &name, const QString &presence = QStringLiteral("online"))
    {
        const QString email = name.toLower() + QStringLiteral("@example.com");
        (void)m_server->addAgent(email, name, Password); // once per server; later calls fail
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_server->wsUrl(AgentPath)))
            return nullptr;
        const QJsonObject signedIn = client->agentSignIn(email, Password);
        if (signedIn.isEmpty())
            return nullptr;
        m_agentIds.insert(name, integer(obj(signedIn, "agent"), "id"));
        client->request(QStringLiteral("presence"), {{QStringLiteral("status"), presence}});
        return client;
    }

    Client supervisor()
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_server->wsUrl(AgentPath))
            || client->agentSignIn(QStringLiteral("sam@example.com"), Password).isEmpty())
            return nullptr;
        return client;
    }

    //! A customer who starts a live chat; `conversation` gets its id.
    Client liveCustomer(const QString &name, qint64 *conversation, const QString &text = {})
    {
        auto client = std::make_unique<TestClient>();
        if (!client->open(m_server->wsUrl(CustomerPath)))
            return nullptr;
        const QJsonObject hello = client->customerHello(name);
        if (hello.isEmpty())
            return nullptr;
        m_lastCustomerToken = str(hello, "token");
        const QJsonObject reply = client->request(
            QStringLiteral("send"),
            {{QStringLiteral("clientId"), newId()},
             {QStringLiteral("text"), text.isEmpty() ? QStringLiteral("Hi, it's ") + name : text},
             {QStringLiteral("mode"), QStringLiteral("live")}});
        *conversation = integer(obj(data(reply), "conversation"), "id");
        return client;
    }

    static QJsonObject waitOffer(TestClient &agent, int ms = 10000)
    {
        return agent.waitFrame([](const QJsonObject &f) { return isType(f, "offer"); }, ms);
    }

    static qint64 offeredId(const QJsonObject &offer)
    {
        return integer(obj(offer, "conversation"), "id");
    }

    static QJsonObject accept(TestClient &agent, qint64 conversation)
    {
        return agent.request(QStringLiteral("accept"),
                             {{QStringLiteral("conversation"), conversation}});
    }

    //! Whether nothing matching `match` reached `client` before the answer to a ping sent
    //! now: whatever the server had sent it before arrives first.
    static bool nothingYet(TestClient &client,
                           const std::function<bool(const QJsonObject &)> &match)
    {
        if (!isType(client.request(QStringLiteral("ping")), "ok"))
            return false;
        for (const QJsonObject &f : std::as_const(client.frames())) {
            if (match(f))
                return false;
        }
        return true;
    }

    static bool isOffer(const QJsonObject &f) { return isType(f, "offer"); }

    static bool isRequeue(const QJsonObject &f)
    {
        return isType(f, "event") && str(obj(f, "data"), "change") == QLatin1String("requeued");
    }

    //! Waits until `observer` hears (in queue.stats) that agent `id` has no connection.
    static bool waitGone(TestClient &observer, qint64 id)
    {
        return !observer
                    .waitFrame([id](const QJsonObject &f) {
                        if (!isType(f, "queue.stats"))
                            return false;
                        for (const QJsonValue &v : f.value(QLatin1String("agents")).toArray()) {
                            const QJsonObject a = v.toObject();
                            if (integer(a, "id") == id)
                                return !a.value(QLatin1String("connected")).toBool();
                        }
                        return false;
                    })
                    .isEmpty();
    }

    //! Ana takes Ada's chat and her app drops; `watcher` (a supervisor) has seen her go.
    bool anaLeavesWithAChat(qint64 *id, Client *customer, Client *watcher)
    {
        Client ana = agent(QStringLiteral("Ana"));
        *watcher = supervisor();
        *customer = ana && *watcher ? liveCustomer(QStringLiteral("Ada"), id) : nullptr;
        if (!*customer || !isType(accept(*ana, offeredId(waitOffer(*ana))), "ok"))
            return false;
        ana.reset();
        return waitGone(**watcher, m_agentIds.value(QStringLiteral("Ana")));
    }

    static QJsonObject conversationRequest(TestClient &client, const QString &type, qint64 id)
    {
        return client.request(type, {{QStringLiteral("conversation"), id}});
    }

private Q_SLOTS:
    void cleanup() { m_server.reset(); }

    void twentyCustomersThreeAgentsServedInOrderWithinCapacity()
    {
        QVERIFY(startServer());
        std::vector<Client> agents;
        for (const QString &name :
             {QStringLiteral("Ana"), QStringLiteral("Ben"), QStringLiteral("Cleo")}) {
            agents.push_back(agent(name));
            QVERIFY(agents.back());
        }
        std::vector<Client> customers;
        QList<qint64> arrival;
        for (int i = 0; i < 20; ++i) {
            qint64 id = 0;
            customers.push_back(liveCustomer(QStringLiteral("Customer %1").arg(i + 1), &id));
            QVERIFY(customers.back() && id > 0);
            arrival.append(id);
        }

        // Agents take every offer. Track who holds what, and that no chat is ever offered to
        // two agents at once or to an agent at capacity.
        QHash<qint64, int> openOfferTo; // conversation -> agent index
        QHash<int, QSet<qint64>> held;
        QList<qint64> served;
        QString violation;
        // Takes offers until `until` chats are served; false on a timeout or a broken rule.
        const auto pump = [&](int until) {
            return QTest::qWaitFor(
                       [&] {
                           for (int a = 0; a < int(agents.size()); ++a) {
                               auto &frames = agents[a]->frames();
                               for (qsizetype i = 0; i < frames.size();) {
                                   const QJsonObject f = frames.at(i);
                                   if (isType(f, "offer")) {
                                       frames.removeAt(i);
                                       const qint64 id = offeredId(f);
                                       if (openOfferTo.contains(id))
                                           violation =
                                               QStringLiteral("chat %1 offered twice at once")
                                                   .arg(id);
                                       else if (held[a].size() >= 4)
                                           violation =
                                               QStringLiteral(
                                                   "chat %1 offered to an agent at capacity")
                                                   .arg(id);
                                       else if (!isType(accept(*agents[a], id), "ok"))
                                           violation = QStringLiteral(
                                                           "offer of chat %1 could not be accepted")
                                                           .arg(id);
                                       if (!violation.isEmpty())
                                           return true;
                                       openOfferTo.insert(id, a);
                                       held[a].insert(id);
                                       served.append(id);
                                       continue;
                                   }
                                   if (isType(f, "offer.ended"))
                                       openOfferTo.remove(integer(f, "conversation"));
                                   ++i;
                               }
                           }
                           return served.size() >= until;
                       },
                       20000)
                   && violation.isEmpty();
        };
        QVERIFY2(pump(12), qPrintable(violation));
        QCOMPARE(served.size(), 12);
        for (int a = 0; a < 3; ++a)
            QCOMPARE(held[a].size(), 4);
        // The first twelve to arrive are the twelve served.
        QCOMPARE(QSet<qint64>(served.cbegin(), served.cend()),
                 QSet<qint64>(arrival.cbegin(), arrival.cbegin() + 12));

        // The rest wait in order and are told where they stand.
        const QJsonObject queue = customers[19]->waitFrame(
            [](const QJsonObject &f) { return isType(f, "queue") && integer(f, "position") == 8; });
        QVERIFY2(!queue.isEmpty(), "the last customer never heard it is eighth in line");
        QVERIFY(queue.value(QLatin1String("agentsAvailable")).toBool());
        QVERIFY(integer(queue, "expectedWaitSeconds") > 0);
        for (const Client &a : agents)
            QVERIFY(nothingYet(*a, isOffer));

        // As chats end, the next in line is served, one by one, in arrival order.
        for (int next = 12; next < 20; ++next) {
            const int a = next % 3;
            const qint64 done = *held[a].cbegin();
            QVERIFY(isType(conversationRequest(*agents[a], QStringLiteral("end"), done), "ok"));
            held[a].remove(done);
            QVERIFY2(pump(next + 1), qPrintable(violation));
            QCOMPARE(served.at(next), arrival.at(next));
        }
        for (int a = 0; a < 3; ++a)
            QVERIFY(held[a].size() <= 4);
    }

    void offerTimeoutGoesToNextAgentAndDeclineToTheOther()
    {
        QVERIFY(startServer(ClockHand::startArguments()));
        ClockHand clock(*m_server);
        QVERIFY(clock.isReady());
        Client ana = agent(QStringLiteral("Ana"));
        Client ben = agent(QStringLiteral("Ben"));
        QVERIFY(ana && ben);
        qint64 id = 0;
        Client customer =
            liveCustomer(QStringLiteral("Ada"), &id, QStringLiteral("My order is late"));
        QVERIFY(customer);

        // Neither has had a chat: the lower id (Ana) is asked first, for 20 s.
        QJsonObject offer = waitOffer(*ana);
        QCOMPARE(offeredId(offer), id);
        QCOMPARE(str(obj(offer, "message"), "text"), QStringLiteral("My order is late"));
        QCOMPARE(integer(offer, "timeoutMs"), 20000);
        QVERIFY(nothingYet(*ben, isOffer)); // never two offers at once

        // A millisecond before the timeout it is still hers.
        QVERIFY(clock.advance(19999));
        QCOMPARE(clock.timersRun(), 0);
        QVERIFY(nothingYet(*ana, [](const QJsonObject &f) { return isType(f, "offer.ended"); }));
        QVERIFY(nothingYet(*ben, isOffer));

        // Ana lets it expire: it goes to Ben.
        QVERIFY(clock.advance(1));
        QCOMPARE(clock.timersRun(), 1);
        const QJsonObject ended =
            ana->waitFrame([](const QJsonObject &f) { return isType(f, "offer.ended"); });
        QCOMPARE(str(ended, "reason"), QStringLiteral("expired"));
        QCOMPARE(offeredId(waitOffer(*ben)), id);
        // Accepting an expired offer is refused, not silently granted.
        QCOMPARE(str(accept(*ana, id), "code"), QStringLiteral("not_found"));

        // Ben declines: everyone has passed, so the round starts over with Ana.
        QVERIFY(isType(conversationRequest(*ben, QStringLiteral("decline"), id), "ok"));
        QCOMPARE(offeredId(waitOffer(*ana)), id);
        const QJsonObject reply = accept(*ana, id);
        QCOMPARE(str(reply, "type"), QStringLiteral("ok"));
        const QJsonObject conversation = obj(data(reply), "conversation");
        QCOMPARE(str(conversation, "liveState"), QStringLiteral("active"));
        QCOMPARE(str(obj(conversation, "assignee"), "name"), QStringLiteral("Ana"));

        // The customer learns who is helping them.
        const QJsonObject assigned = customer->waitFrame([](const QJsonObject &f) {
            return isType(f, "event") && str(f, "event") == QLatin1String("conversation.updated");
        });
        QCOMPARE(str(obj(obj(obj(assigned, "data"), "conversation"), "assignee"), "name"),
                 QStringLiteral("Ana"));
    }

    // The only agent who could take a chat declines it: it is not offered straight back to
    // her, the customer is told that nobody can take it for now and for how long, and when
    // the hold ends (the clock moved, not waited for) she is asked again. A colleague who
    // comes online meanwhile gets it at once.
    void aDeclinedChatWaitsForAColleagueOrTheEndOfTheHold()
    {
        QStringList args = ClockHand::startArguments();
        args << QStringLiteral("--decline-hold") << QStringLiteral("30000");
        QVERIFY(startServer(args));
        ClockHand clock(*m_server);
        QVERIFY(clock.isReady());
        Client ana = agent(QStringLiteral("Ana"));
        QVERIFY(ana);
        qint64 id = 0;
        Client customer = liveCustomer(QStringLiteral("Ada"), &id, QStringLiteral("Anyone?"));
        QVERIFY(customer);
        QCOMPARE(offeredId(waitOffer(*ana)), id);
        QVERIFY(isType(conversationRequest(*ana, QStringLiteral("decline"), id), "ok"));

        const auto busy = [id](const QJsonObject &f) {
            return isType(f, "queue") && integer(f, "conversation") == id
                   && f.value(QLatin1String("agentsBusy")).toBool();
        };
        const QJsonObject told = customer->waitFrame(busy);
        QVERIFY2(!told.isEmpty(), "the customer was not told that nobody can take it");
        QVERIFY(told.value(QLatin1String("agentsAvailable")).toBool());
        QCOMPARE(integer(told, "expectedWaitSeconds") >= 30, true);
        QVERIFY(nothingYet(*ana, isOffer));

        // A millisecond before the hold ends, still not hers; then it is offered again.
        QVERIFY(clock.advance(29999));
        QVERIFY(nothingYet(*ana, isOffer));
        QVERIFY(clock.advance(1));
        QCOMPARE(offeredId(waitOffer(*ana)), id);
        const QJsonObject again = customer->waitFrame([id](const QJsonObject &f) {
            return isType(f, "queue") && integer(f, "conversation") == id
                   && !f.value(QLatin1String("agentsBusy")).toBool();
        });
        QVERIFY2(!again.isEmpty(), "the customer was not told the chat is being offered again");

        // She declines once more; Ben comes online during the hold and is asked at once.
        QVERIFY(isType(conversationRequest(*ana, QStringLiteral("decline"), id), "ok"));
        QVERIFY(!customer->waitFrame(busy).isEmpty());
        Client ben = agent(QStringLiteral("Ben"));
        QVERIFY(ben);
        QCOMPARE(offeredId(waitOffer(*ben)), id);
        // Ben declines too: both are held off, nobody is asked.
        QVERIFY(isType(conversationRequest(*ben, QStringLiteral("decline"), id), "ok"));
        QVERIFY(nothingYet(*ana, isOffer));
        QVERIFY(nothingYet(*ben, isOffer));
        // An unknown or foreign decline changes nothing and is refused.
        QCOMPARE(str(conversationRequest(*ben, QStringLiteral("decline"), id), "code"),
                 QStringLiteral("not_found"));
    }

    void busyAgentsKeepTheirChatsButGetNoNewOnes()
    {
        QVERIFY(startServer());
        Client ana = agent(QStringLiteral("Ana"));
        QVERIFY(ana);
        qint64 first = 0;
        Client c1 = liveCustomer(QStringLiteral("Ada"), &first);
        QCOMPARE(offeredId(waitOffer(*ana)), first);
        QVERIFY(isType(accept(*ana, first), "ok"));

        QVERIFY(isType(ana->request(QStringLiteral("presence"),
                                    {{QStringLiteral("status"), QStringLiteral("busy")}}),
                       "ok"));
        qint64 second = 0;
        Client c2 = liveCustomer(QStringLiteral("Bo"), &second);
        // Nobody online: the customer is told so (and may leave a message instead). The
        // queue is published after routing, so by now Ana would have had an offer.
        const QJsonObject queue =
            c2->waitFrame([](const QJsonObject &f) { return isType(f, "queue"); });
        QCOMPARE(queue.value(QLatin1String("agentsAvailable")).toBool(), false);
        QVERIFY(nothingYet(*ana, isOffer));
        // The busy agent still has the first chat.
        const QJsonObject history = ana->request(
            QStringLiteral("send"), {{QStringLiteral("conversation"), first},
                                     {QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Still here")}});
        QVERIFY(isType(history, "ok"));

        // Online again: now it is offered.
        ana->request(QStringLiteral("presence"),
                     {{QStringLiteral("status"), QStringLiteral("online")}});
        QCOMPARE(offeredId(waitOffer(*ana)), second);

        // Away agents get none either.
        ana->request(QStringLiteral("presence"),
                     {{QStringLiteral("status"), QStringLiteral("away")}});
        QVERIFY(
            ana->waitFrame([](const QJsonObject &f) { return isType(f, "offer.ended"); }).size());
    }

    void disconnectedAgentsUnansweredChatsAreRequeuedAfterGrace()
    {
        QVERIFY(startServer(ClockHand::startArguments()));
        ClockHand clock(*m_server);
        QVERIFY(clock.isReady());
        Client ana = agent(QStringLiteral("Ana"));
        QVERIFY(ana);
        const qint64 anaId = m_agentIds.value(QStringLiteral("Ana"));
        qint64 waiting = 0;
        qint64 answered = 0;
        Client c1 = liveCustomer(QStringLiteral("Ada"), &waiting);
        QVERIFY(isType(accept(*ana, offeredId(waitOffer(*ana))), "ok"));
        Client c2 = liveCustomer(QStringLiteral("Bo"), &answered);
        QVERIFY(isType(accept(*ana, offeredId(waitOffer(*ana))), "ok"));
        QVERIFY(isType(ana->request(QStringLiteral("send"),
                                    {{QStringLiteral("conversation"), answered},
                                     {QStringLiteral("clientId"), newId()},
                                     {QStringLiteral("text"), QStringLiteral("Let me look")}}),
                       "ok"));

        // Ana's app drops; Ben is online but must not get her chats during the 60 s grace.
        ana.reset();
        Client ben = agent(QStringLiteral("Ben"));
        QVERIFY(ben);
        QVERIFY(waitGone(*ben, anaId));
        QVERIFY(clock.advance(59999));
        QVERIFY(nothingYet(*c1, isRequeue));
        QVERIFY(nothingYet(*ben, isOffer));

        // After it, the chat whose customer waits for an answer goes back and is offered;
        // the one Ana had answered stays hers.
        QVERIFY(clock.advance(1));
        QCOMPARE(clock.timersRun(), 1);
        QVERIFY2(!c1->waitFrame(isRequeue).isEmpty(),
                 "the waiting customer's chat was not re-queued");
        QCOMPARE(offeredId(waitOffer(*ben)), waiting);
        QVERIFY(nothingYet(*c2, isRequeue));
    }

    void agentBackWithinGraceKeepsChats()
    {
        QVERIFY(startServer(ClockHand::startArguments()));
        ClockHand clock(*m_server);
        QVERIFY(clock.isReady());
        qint64 id = 0;
        Client c1;
        Client watcher;
        QVERIFY(anaLeavesWithAChat(&id, &c1, &watcher));
        QVERIFY(clock.advance(59000));
        Client ana = agent(QStringLiteral("Ana"));
        QVERIFY(ana);
        QVERIFY(clock.advance(60000)); // well past the end of the grace period
        QCOMPARE(clock.timersRun(), 0);
        QVERIFY(nothingYet(*c1, isRequeue));
    }

    void aGracePeriodRunsOnAcrossARestart()
    {
        QVERIFY(startServer(ClockHand::startArguments()));
        qint64 id = 0;
        Client c1;
        Client watcher;
        QVERIFY(anaLeavesWithAChat(&id, &c1, &watcher));
        {
            ClockHand clock(*m_server);
            QVERIFY(clock.advance(40000)); // also: the grace period is on disk by now
        }
        watcher.reset();
        c1.reset();
        m_server->kill();
        // Back 40 s after Ana left, with 20 s of her grace period to run, not a fresh 60 s.
        m_server->extraArguments() = ClockHand::startArguments(ClockHand::Start + 40000);
        QVERIFY(m_server->restart());
        ClockHand clock(*m_server);
        QVERIFY(clock.isReady());
        QVERIFY(clock.advance(19999));
        QCOMPARE(clock.timersRun(), 0);
        QVERIFY(clock.advance(1));
        QCOMPARE(clock.timersRun(), 1);
        Client ben = agent(QStringLiteral("Ben"));
        QVERIFY(ben);
        QCOMPARE(offeredId(waitOffer(*ben)), id);
    }

    void restartKeepsTheQueueAndAssignments()
    {
        QVERIFY(startServer());
        Client ana = agent(QStringLiteral("Ana"));
        qint64 taken = 0;
        qint64 queued = 0;
        Client c1 = liveCustomer(QStringLiteral("Ada"), &taken);
        QVERIFY(isType(accept(*ana, offeredId(waitOffer(*ana))), "ok"));
        ana->request(QStringLiteral("presence"),
                     {{QStringLiteral("status"), QStringLiteral("busy")}});
        Client c2 = liveCustomer(QStringLiteral("Bo"), &queued);
        ana.reset();
        c1.reset();
        c2.reset();
        m_server->kill();
        QVERIFY(m_server->restart());
        ana = agent(QStringLiteral("Ana"));
        QVERIFY(ana);
        ana->request(QStringLiteral("presence"),
                     {{QStringLiteral("status"), QStringLiteral("online")}});
        // The waiting chat survived the crash and is offered; the taken one is still hers.
        QCOMPARE(offeredId(waitOffer(*ana)), queued);
        const QJsonObject stats = ana->waitFrame([](const QJsonObject &f) {
            if (!isType(f, "queue.stats"))
                return false;
            for (const QJsonValue &v : f.value(QLatin1String("agents")).toArray()) {
                if (str(v.toObject(), "presence") == QLatin1String("online"))
                    return true;
            }
            return false;
        });
        bool found = false;
        for (const QJsonValue &v : stats.value(QLatin1String("agents")).toArray()) {
            if (str(v.toObject(), "presence") == QLatin1String("online")) {
                QCOMPARE(integer(v.toObject(), "active"), 1);
                found = true;
            }
        }
        QVERIFY2(found, "the chat taken before the crash is no longer counted as hers");
    }

    void endRateTransferAndFollowup()
    {
        QVERIFY(startServer());
        Client ana = agent(QStringLiteral("Ana"));
        Client ben = agent(QStringLiteral("Ben"));
        qint64 id = 0;
        Client customer = liveCustomer(QStringLiteral("Ada"), &id);
        QVERIFY(isType(accept(*ana, offeredId(waitOffer(*ana))), "ok"));

        // Transfer with a note only staff see.
        QJsonObject reply =
            ana->request(QStringLiteral("transfer"),
                         {{QStringLiteral("conversation"), id},
                          {QStringLiteral("agent"), 3},
                          {QStringLiteral("note"), QStringLiteral("VIP, refund approved")}});
        QVERIFY2(isType(reply, "ok"), qPrintable(str(reply, "message")));
        const QJsonObject transferred = ben->waitEvent(QStringLiteral("conversation.transferred"));
        QCOMPARE(str(obj(transferred, "data"), "note"), QStringLiteral("VIP, refund approved"));
        QVERIFY(nothingYet(*customer, [](const QJsonObject &f) {
            return str(f, "event") == QLatin1String("conversation.transferred");
        }));
        // Ana no longer has it: she may not end it; Ben may.
        QCOMPARE(str(conversationRequest(*ana, QStringLiteral("end"), id), "code"),
                 QStringLiteral("forbidden"));

        // Rating before the end is refused; after it, stored and seen by agents.
        QCOMPARE(
            str(customer->request(QStringLiteral("rate"), {{QStringLiteral("conversation"), id},
                                                           {QStringLiteral("score"), 5}}),
                "code"),
            QStringLiteral("invalid_state"));
        reply = conversationRequest(*customer, QStringLiteral("end"), id);
        QCOMPARE(str(obj(data(reply), "conversation"), "status"), QStringLiteral("resolved"));
        // Ended is resolved: its SLA clocks stop there, and how long it took is kept.
        const QJsonObject sla = obj(obj(data(reply), "conversation"), "sla");
        QVERIFY(!str(sla, "pausedSince").isEmpty());
        QVERIFY(sla.contains(QLatin1String("resolutionSeconds")));
        QVERIFY(
            isType(conversationRequest(*customer, QStringLiteral("end"), id), "ok")); // again: fine
        reply = customer->request(QStringLiteral("rate"),
                                  {{QStringLiteral("conversation"), id},
                                   {QStringLiteral("score"), 4},
                                   {QStringLiteral("comment"), QStringLiteral("Quick, thanks")}});
        QVERIFY(isType(reply, "ok"));
        const QJsonObject rated = ben->waitFrame([](const QJsonObject &f) {
            return str(obj(f, "data"), "change") == QLatin1String("rated");
        });
        QCOMPARE(integer(obj(obj(obj(rated, "data"), "conversation"), "rating"), "score"), 4);

        // A queued chat the customer turns into a message left for later leaves the queue.
        ben->request(QStringLiteral("presence"),
                     {{QStringLiteral("status"), QStringLiteral("away")}});
        ana->request(QStringLiteral("presence"),
                     {{QStringLiteral("status"), QStringLiteral("away")}});
        qint64 later = 0;
        Client other = liveCustomer(QStringLiteral("Bo"), &later);
        reply = conversationRequest(*other, QStringLiteral("followup"), later);
        QCOMPARE(str(obj(data(reply), "conversation"), "mode"), QStringLiteral("async"));
        ana->request(QStringLiteral("presence"),
                     {{QStringLiteral("status"), QStringLiteral("online")}});
        QVERIFY(nothingYet(*ana, isOffer));
    }

    void capacityAutoAcceptAndCannedBySupervisorsOnly()
    {
        QVERIFY(startServer());
        Client ana = agent(QStringLiteral("Ana"));
        Client sam = supervisor();
        QVERIFY(ana && sam);
        const qint64 anaId = 2;
        QCOMPARE(
            str(ana->request(QStringLiteral("agent.update"),
                             {{QStringLiteral("agent"), anaId}, {QStringLiteral("capacity"), 9}}),
                "code"),
            QStringLiteral("forbidden"));
        QVERIFY(
            isType(sam->request(QStringLiteral("agent.update"), {{QStringLiteral("agent"), anaId},
                                                                 {QStringLiteral("capacity"), 1}}),
                   "ok"));
        QVERIFY(isType(
            ana->request(QStringLiteral("agent.update"),
                         {{QStringLiteral("agent"), anaId}, {QStringLiteral("autoAccept"), true}}),
            "ok"));
        const QJsonObject updated = ana->waitFrame([](const QJsonObject &f) {
            return str(f, "event") == QLatin1String("agent.updated")
                   && obj(obj(f, "data"), "agent").value(QLatin1String("autoAccept")).toBool();
        });
        QCOMPARE(integer(obj(obj(updated, "data"), "agent"), "capacity"), 1);

        // Auto-accept: given at once, no offer. Capacity 1: the second one waits.
        qint64 first = 0;
        qint64 second = 0;
        Client c1 = liveCustomer(QStringLiteral("Ada"), &first);
        const QJsonObject assigned = c1->waitFrame([](const QJsonObject &f) {
            return str(obj(f, "data"), "change") == QLatin1String("assigned");
        });
        QVERIFY(!assigned.isEmpty());
        Client c2 = liveCustomer(QStringLiteral("Bo"), &second);
        QCOMPARE(integer(c2->waitFrame([](const QJsonObject &f) { return isType(f, "queue"); }),
                         "position"),
                 1);
        QVERIFY(nothingYet(*ana, isOffer));

        // Canned responses: supervisors keep them, everyone on staff gets them.
        QCOMPARE(str(ana->request(QStringLiteral("canned.save"),
                                  {{QStringLiteral("shortcut"), QStringLiteral("hi")},
                                   {QStringLiteral("text"), QStringLiteral("Hello!")}}),
                     "code"),
                 QStringLiteral("forbidden"));
        QVERIFY(isType(
            sam->request(QStringLiteral("canned.save"),
                         {{QStringLiteral("shortcut"), QStringLiteral("refund")},
                          {QStringLiteral("text"), QStringLiteral("Your refund is on its way.")}}),
            "ok"));
        QCOMPARE(str(sam->request(QStringLiteral("canned.save"),
                                  {{QStringLiteral("shortcut"), QStringLiteral("REFUND")},
                                   {QStringLiteral("text"), QStringLiteral("x")}}),
                     "code"),
                 QStringLiteral("conflict"));
        QCOMPARE(str(obj(obj(ana->waitEvent(QStringLiteral("canned.saved")), "data"), "canned"),
                     "shortcut"),
                 QStringLiteral("refund"));
        TestClient late;
        QVERIFY(late.open(m_server->wsUrl(AgentPath)));
        QVERIFY(!late.agentSignIn(QStringLiteral("sam@example.com"), Password).isEmpty());
        const QJsonObject snapshot =
            late.waitFrame([](const QJsonObject &f) { return isType(f, "snapshot"); });
        QCOMPARE(obj(snapshot, "data").value(QLatin1String("canned")).toArray().size(), 1);
    }

    void customersCannotSteerOthersOrFlood()
    {
        QVERIFY(startServer({QStringLiteral("--max-requests-per-minute"), QStringLiteral("600")}));
        Client ana = agent(QStringLiteral("Ana"));
        qint64 mine = 0;
        qint64 theirs = 0;
        Client me = liveCustomer(QStringLiteral("Ada"), &mine);
        Client them = liveCustomer(QStringLiteral("Bo"), &theirs);
        // Another customer's chat answers exactly like a missing one.
        for (const char *type : {"end", "followup"})
            QCOMPARE(str(conversationRequest(*me, QString::fromLatin1(type), theirs), "code"),
                     QStringLiteral("not_found"));
        QCOMPARE(str(me->request(QStringLiteral("rate"), {{QStringLiteral("conversation"), theirs},
                                                          {QStringLiteral("score"), 1}}),
                     "code"),
                 QStringLiteral("not_found"));
        // Staff commands do not exist for customers.
        for (const char *type :
             {"accept", "decline", "transfer", "priority", "agent.update", "canned.save"})
            QCOMPARE(str(conversationRequest(*me, QString::fromLatin1(type), mine), "code"),
                     QStringLiteral("unknown_type"));
        // Malformed fields.
        QCOMPARE(str(me->request(QStringLiteral("rate"), {{QStringLiteral("conversation"), mine},
                                                          {QStringLiteral("score"), 6}}),
                     "code"),
                 QStringLiteral("bad_request"));
        QCOMPARE(str(me->request(QStringLiteral("rate"),
                                 {{QStringLiteral("conversation"), mine},
                                  {QStringLiteral("score"), 5},
                                  {QStringLiteral("comment"), QString(1001, QLatin1Char('x'))}}),
                     "code"),
                 QStringLiteral("bad_request"));
        QCOMPARE(str(me->request(QStringLiteral("send"),
                                 {{QStringLiteral("clientId"), newId()},
                                  {QStringLiteral("text"), QStringLiteral("x")},
                                  {QStringLiteral("mode"), QStringLiteral("urgent")}}),
                     "code"),
                 QStringLiteral("bad_request"));
        QCOMPARE(str(me->request(QStringLiteral("end"),
                                 {{QStringLiteral("conversation"), QStringLiteral("1")}}),
                     "code"),
                 QStringLiteral("bad_request"));
        // An agent cannot take a chat nobody offered them.
        QCOMPARE(str(accept(*ana, 999999), "code"), QStringLiteral("not_found"));
        QCOMPARE(str(conversationRequest(*ana, QStringLiteral("decline"), 999999), "code"),
                 QStringLiteral("not_found"));

        // Two tabs of one customer share one bucket: 35 requests from each (under the
        // 60 a single connection may burst) are still too many together.
        Client again = std::make_unique<TestClient>();
        QVERIFY(again->open(m_server->wsUrl(CustomerPath)));
        QVERIFY(!again->customerHello(QString(), m_lastCustomerToken).isEmpty()); // "Bo" again
        for (int i = 0; i < 35; ++i) {
            them->sendRawNoWait(QStringLiteral("{\"type\":\"ping\",\"id\":\"a%1\"}").arg(i));
            again->sendRawNoWait(QStringLiteral("{\"type\":\"ping\",\"id\":\"b%1\"}").arg(i));
        }
        int refused = 0;
        for (TestClient *c : {them.get(), again.get()}) {
            for (const QJsonObject &r : c->takeReplies(35, 10000))
                refused += str(r, "code") == QLatin1String("rate_limited") ? 1 : 0;
        }
        QVERIFY2(refused > 0, "two connections of one customer each got a full bucket");
        // Another customer is undisturbed.
        QVERIFY(isType(me->request(QStringLiteral("ping")), "ok"));
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
