// SPDX-License-Identifier: GPL-3.0-or-later
// The customer web widget in a real headless Chromium, against the real tandemd, with an
// agent on the real SyncClient: what a customer sees and relies on.
#include "clockhand.h"
#include "tandemdprocess.h"
#include "testclient.h"
#include "webdriver.h"
#include "widgetfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace Tandem;
using namespace Fixture;

namespace {
QString field(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

//! The same opening hours on each day of the week.
QJsonArray everyDay(const QString &from, const QString &to)
{
    QJsonArray hours;
    for (int day = 1; day <= 7; ++day)
        hours.append(QJsonObject{{QStringLiteral("day"), day},
                                 {QStringLiteral("from"), from},
                                 {QStringLiteral("to"), to}});
    return hours;
}

int statusOf(QNetworkReply *reply)
{
    // The reply stays with its QNetworkAccessManager, so its headers can still be read.
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return -1;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}
} // namespace

class TestWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The browser is part of what is tested: missing, this suite fails rather than skips.
        WebDriver probe;
        QVERIFY2(probe.start(), qPrintable(probe.lastError()));
    }

    void saysHonestlyWhenNoAgentIsFree()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.openWidgetSaying(
            QStringLiteral("No agent is free right now — leave a message and we'll answer here")));
        QVERIFY(!s.browser.textOf(QStringLiteral("#widget"))
                     .contains(QLatin1String("offline"), Qt::CaseInsensitive));
        QVERIFY(s.browser.textOf(QStringLiteral("#email-hint")).contains(QLatin1String("email")));

        // Once an agent is online, the same page says so.
        QVERIFY(s.startAgent());
        QVERIFY(s.browser.refresh());
        QVERIFY2(s.browser.waitForText(QStringLiteral("#availability"),
                                       QStringLiteral("An agent is available")),
                 qPrintable(s.browser.textOf(QStringLiteral("#availability"))));
    }

    void outOfHoursTheWidgetSaysWhenTheTeamOpensAndTakesAMessage()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.startAgent()); // online: only the hours keep live chat away
        // Open every day, but closed from yesterday until the day after tomorrow.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QString format = QStringLiteral("yyyy-MM-ddT00:00");
        QVERIFY(s.setHours(
            {{QStringLiteral("timezone"), QStringLiteral("UTC")},
             {QStringLiteral("hours"), everyDay(QStringLiteral("00:00"), QStringLiteral("00:00"))},
             {QStringLiteral("closures"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("from"), today.addDays(-1).toString(format)},
                              {QStringLiteral("to"), today.addDays(2).toString(format)}}}}}));

        QVERIFY(s.openWidgetSaying(QStringLiteral("We're closed right now and open again")));
        QVERIFY(s.browser.textOf(QStringLiteral("#availability"))
                    .contains(QLatin1String("(your time)")));
        // And when an answer can be expected, worked out by the server, not typed.
        QVERIFY(s.browser.textOf(QStringLiteral("#availability"))
                    .contains(QLatin1String("we'll reply here by")));
        QCOMPARE(s.browser.textOf(QStringLiteral("#start-button")), QStringLiteral("Send message"));
        QVERIFY(s.widget.start(QStringLiteral("Nora"), QStringLiteral("Are you there tonight?"),
                               QStringLiteral("nora@example.com")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Are you there tonight?")));
        QVERIFY(s.browser.waitForText(QStringLiteral("#queue-text"),
                                      QStringLiteral("we will answer here")));
        // The team finds a message left for later, not a live chat.
        auto team = s.observer();
        QVERIFY(team);
        const QJsonObject seen = team->waitFrame(
            [](const QJsonObject &f) { return field(f, "type") == QLatin1String("snapshot"); });
        const QJsonArray conversations = seen.value(QLatin1String("data"))
                                             .toObject()
                                             .value(QLatin1String("conversations"))
                                             .toArray();
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(field(conversations.first().toObject(), "mode"), QStringLiteral("async"));
    }

    void atClosingTimeAWaitingChatBecomesAMessageAndTheCustomerIsTold()
    {
        Scene s(ClockHand::startArguments()); // 08:00 UTC
        QVERIFY(s.start());
        ClockHand hand(s.server);
        QVERIFY(hand.isReady());
        QVERIFY(s.setHours({{QStringLiteral("timezone"), QStringLiteral("UTC")},
                            {QStringLiteral("hours"),
                             everyDay(QStringLiteral("08:00"), QStringLiteral("10:00"))}}));
        // Dana is online but does not take it: the chat waits.
        QVERIFY(s.startLiveChat(QStringLiteral("Still there before you close?")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Still there before you close?")));
        QVERIFY(s.browser.waitForText(QStringLiteral("#subtitle"),
                                      QStringLiteral("Waiting for an agent")));
        QVERIFY(hand.advance(2 * 3600 * 1000));
        QVERIFY2(s.browser.waitForText(QStringLiteral("#messages"),
                                       QStringLiteral("The team has closed for now")),
                 qPrintable(s.browser.textOf(QStringLiteral("#messages"))));
        QVERIFY(
            s.browser.textOf(QStringLiteral("#messages")).contains(QLatin1String("(your time)")));
        QVERIFY(s.browser.textOf(QStringLiteral("#messages"))
                    .contains(QLatin1String("They expect to reply by")));
        QVERIFY(!s.browser.textOf(QStringLiteral("#subtitle")).contains(QLatin1String("Waiting")));
    }

    void leavingAMessageCreatesAnAsyncConversationTheTeamSees()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.openWidgetSaying(QStringLiteral("No agent is free")));
        QVERIFY(s.widget.start(QStringLiteral("Ada"), QStringLiteral("Where is my parcel?"),
                               QStringLiteral("ada@example.com")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Where is my parcel?")));
        QVERIFY(s.browser.waitForText(QStringLiteral("#queue-text"),
                                      QStringLiteral("we will answer here")));
        QVERIFY(s.browser.find(QStringLiteral("#end-chat")).isEmpty()
                || !s.browser.displayed(s.browser.find(QStringLiteral("#end-chat"))));

        const qint64 conversation = s.widget.conversation();
        QVERIFY(conversation > 0);
        QVERIFY(s.startAgent());
        QTRY_COMPARE(s.agent->messages(conversation),
                     QStringList{QStringLiteral("Where is my parcel?")});
        // The team sees a message left for later, not a live chat waiting in a queue.
        auto team = s.observer();
        QVERIFY(team);
        const QJsonObject snapshot = team->waitFrame(
            [](const QJsonObject &f) { return field(f, "type") == QLatin1String("snapshot"); });
        const QJsonArray conversations = snapshot.value(QLatin1String("data"))
                                             .toObject()
                                             .value(QLatin1String("conversations"))
                                             .toArray();
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(field(conversations.first().toObject(), "mode"), QStringLiteral("async"));
    }

    void liveChatReachesTheAgentAndTheReplyShowsTheAgentsName()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.startLiveChat(QStringLiteral("My order is late")));
        QTRY_VERIFY(s.widget.conversation() > 0);
        const qint64 conversation = s.widget.conversation();
        QVERIFY2(s.agent->accept(conversation), "the chat was never offered to the online agent");
        QTRY_COMPARE(s.agent->messages(conversation),
                     QStringList{QStringLiteral("My order is late")});

        QVERIFY(s.browser.waitForText(QStringLiteral("#title"), AgentName));
        QVERIFY(s.browser.waitForText(QStringLiteral("#messages"),
                                      AgentName + QStringLiteral(" joined the chat")));
        auto team = s.observer();
        QVERIFY(team);
        QVERIFY(s.agent->reply(conversation, QStringLiteral("Let me check that for you.")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Let me check that for you.")));
        const QJsonObject reply = s.widget.messages().last();
        QCOMPARE(field(reply, "author"), AgentName);
        QVERIFY(!reply.value(QLatin1String("mine")).toBool());
        // The page that shows it reports so: the team sees the reply reach her and read.
        const QJsonObject created = team->waitFrame([](const QJsonObject &f) {
            return f.value(QLatin1String("event")).toString() == QLatin1String("message.created")
                   && field(f.value(QLatin1String("data"))
                                .toObject()
                                .value(QLatin1String("message"))
                                .toObject(),
                            "text")
                          == QLatin1String("Let me check that for you.");
        });
        const qint64 replyId = created.value(QLatin1String("data"))
                                   .toObject()
                                   .value(QLatin1String("message"))
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toInteger();
        QVERIFY(replyId > 0);
        QStringList states;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonObject &e : team->takeEvents(QStringLiteral("message.delivery"))) {
                    const QJsonObject d = e.value(QLatin1String("data")).toObject();
                    if (d.value(QLatin1String("message")).toInteger() == replyId)
                        states.append(field(d, "state"));
                }
                return states.contains(QLatin1String("read"));
            }(),
            15000);
        QCOMPARE(states, (QStringList{QStringLiteral("queued"), QStringLiteral("sent"),
                                      QStringLiteral("delivered"), QStringLiteral("read")}));

        // And the customer's answer reaches the agent once.
        QVERIFY(s.widget.send(QStringLiteral("Thanks!")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Thanks!")));
        QTRY_COMPARE(s.agent->messages(conversation).count(QStringLiteral("Thanks!")), 1);
    }

    void typingShowsBothWays()
    {
        Scene s;
        QVERIFY(s.start());
        const qint64 conversation = s.startAssignedChat(QStringLiteral("Hello"));
        QVERIFY(conversation > 0);

        QSignalSpy typing(&s.agent->sync(), &SyncClient::typing);
        QVERIFY(s.widget.type(QStringLiteral("I am writing")));
        QTRY_VERIFY(std::any_of(typing.cbegin(), typing.cend(), [&](const QList<QVariant> &t) {
            return t.at(0).toLongLong() == conversation && t.at(2).toBool();
        }));
        // Stopping (here: no key for a few seconds) says so too.
        QTRY_VERIFY_WITH_TIMEOUT(!typing.isEmpty() && !typing.last().at(2).toBool(), 10000);

        QVERIFY(
            s.agent->ok(QStringLiteral("typing"), {{QStringLiteral("conversation"), conversation},
                                                   {QStringLiteral("on"), true}}));
        QVERIFY(s.browser.waitForText(QStringLiteral("#typing"),
                                      AgentName + QStringLiteral(" is typing")));
        s.agent->request(QStringLiteral("typing"), {{QStringLiteral("conversation"), conversation},
                                                    {QStringLiteral("on"), false}});
        QTRY_VERIFY(s.browser.textOf(QStringLiteral("#typing")).isEmpty());
    }

    void queuePositionIsShownWhileTheAgentIsAtCapacity()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.server.addAgent(QStringLiteral("sam@example.com"), QStringLiteral("Sam"),
                                  Password, QStringLiteral("supervisor")));
        QVERIFY(s.startAgent());
        TestClient supervisor;
        QVERIFY(supervisor.open(s.server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!supervisor.agentSignIn(QStringLiteral("sam@example.com"), Password).isEmpty());
        QCOMPARE(field(supervisor.request(QStringLiteral("agent.update"),
                                          {{QStringLiteral("agent"), s.agent->sync().agent().id},
                                           {QStringLiteral("capacity"), 1}}),
                       "type"),
                 QStringLiteral("ok"));
        // Another customer's live chat takes the agent's only slot.
        TestClient other;
        QVERIFY(other.open(s.server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!other.customerHello(QStringLiteral("Bob")).isEmpty());
        const qint64 first =
            qint64(other
                       .request(QStringLiteral("send"),
                                {{QStringLiteral("clientId"),
                                  QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("text"), QStringLiteral("Me first")},
                                 {QStringLiteral("mode"), QStringLiteral("live")}})
                       .value(QLatin1String("data"))
                       .toObject()
                       .value(QLatin1String("conversation"))
                       .toObject()
                       .value(QLatin1String("id"))
                       .toDouble());
        QVERIFY(first > 0);
        QVERIFY(s.agent->accept(first));

        QVERIFY(s.openWidgetSaying(QStringLiteral("An agent is available")));
        QVERIFY(s.widget.start(QStringLiteral("Ada"), QStringLiteral("Anyone there?")));
        QVERIFY2(s.browser.waitForText(
                     QStringLiteral("#queue-text"),
                     QStringLiteral("You are number 1 in the queue — expected wait about")),
                 qPrintable(s.browser.textOf(QStringLiteral("#queue-text"))));
        QCOMPARE(s.browser.textOf(QStringLiteral("#subtitle")),
                 QStringLiteral("Waiting for an agent"));

        // The first chat ends: the slot goes to Ada, and the queue notice to her agent's name.
        QVERIFY(s.agent->ok(QStringLiteral("end"), {{QStringLiteral("conversation"), first}}));
        QVERIFY(s.agent->accept(s.widget.conversation()));
        QVERIFY(s.browser.waitForText(QStringLiteral("#title"), AgentName));
        QTRY_VERIFY(!s.browser.displayed(s.browser.find(QStringLiteral("#queue-notice"))));
    }

    void declinedByTheOnlyAgentTheWidgetSaysAllAreBusy()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.startLiveChat(QStringLiteral("Hello?")));
        QVERIFY(
            s.browser.waitForText(QStringLiteral("#queue-text"), QStringLiteral("in the queue")));
        // The only agent declines (once the offer has reached her): nobody will take it
        // for a while, and the widget does not pretend otherwise.
        QVERIFY(s.agent->decline(s.widget.conversation()));
        QVERIFY2(s.browser.waitForText(QStringLiteral("#queue-text"),
                                       QStringLiteral("All our agents are busy right now")),
                 qPrintable(s.browser.textOf(QStringLiteral("#queue-text"))));
        QVERIFY(!s.browser.waitFor(QStringLiteral("#leave-message")).isEmpty());
    }

    void noAgentLeftWhileQueuedOffersToLeaveAMessage()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.startLiveChat(QStringLiteral("Hello?")));
        QVERIFY(
            s.browser.waitForText(QStringLiteral("#queue-text"), QStringLiteral("in the queue")));
        auto team = s.observer();
        QVERIFY(team);
        // The only agent steps away: nobody is there to take the chat.
        QVERIFY(s.agent->ok(QStringLiteral("presence"),
                            {{QStringLiteral("status"), QStringLiteral("away")}}));
        QVERIFY2(s.browser.waitForText(QStringLiteral("#queue-text"),
                                       QStringLiteral("No agent is available right now")),
                 qPrintable(s.browser.textOf(QStringLiteral("#queue-text"))));
        const QString leave = s.browser.waitFor(QStringLiteral("#leave-message"));
        QVERIFY(!leave.isEmpty());
        QVERIFY(s.browser.click(leave));
        QVERIFY(s.browser.waitForText(QStringLiteral("#messages"),
                                      QStringLiteral("The team will reply here")));
        const QJsonObject followup = team->waitFrame([](const QJsonObject &f) {
            return field(f.value(QLatin1String("data")).toObject(), "change")
                   == QLatin1String("followup");
        });
        QCOMPARE(field(followup.value(QLatin1String("data"))
                           .toObject()
                           .value(QLatin1String("conversation"))
                           .toObject(),
                       "mode"),
                 QStringLiteral("async"));
        // The customer can still write; it goes to the same conversation.
        QVERIFY(s.widget.send(QStringLiteral("My number is 555-0100")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("My number is 555-0100")));
    }

    void reloadKeepsTheConversationWithoutDuplicates()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.openWidget());
        QVERIFY(s.widget.start(QStringLiteral("Ada"), QStringLiteral("First question")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("First question")));
        QVERIFY(s.widget.send(QStringLiteral("Second question")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Second question")));
        const qint64 conversation = s.widget.conversation();
        QVERIFY(s.startAgent(false));
        QVERIFY(s.agent->reply(conversation, QStringLiteral("An answer")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("An answer")));

        // As if the acknowledgement of the second message had been lost before the reload:
        // it is still in the outbox, with the clientId the server already has.
        auto team = s.observer();
        QVERIFY(team);
        const QJsonArray history = team->request(QStringLiteral("history"),
                                                 {{QStringLiteral("conversation"), conversation}})
                                       .value(QLatin1String("data"))
                                       .toObject()
                                       .value(QLatin1String("messages"))
                                       .toArray();
        QCOMPARE(history.size(), 3);
        const QString secondId = field(history.at(1).toObject(), "clientId");
        QVERIFY(!s.browser
                     .execute(QStringLiteral(
                                  "const s = JSON.parse(localStorage.getItem('tandem.widget.v1'));"
                                  "s.outbox.push({clientId: arguments[0], text: 'Second question', "
                                  "conversation: s.conversation});"
                                  "localStorage.setItem('tandem.widget.v1', JSON.stringify(s)); "
                                  "return true;"),
                              {secondId})
                     .isUndefined());

        QVERIFY(s.browser.refresh());
        QVERIFY(s.linkOnline());
        QCOMPARE(s.widget.conversation(), conversation);
        QTRY_VERIFY(s.widget.stored().value(QLatin1String("outbox")).toArray().isEmpty());
        QTRY_COMPARE(s.widget.messages().size(), 3);
        QCOMPARE(s.widget.count(QStringLiteral("First question")), 1);
        QCOMPARE(s.widget.count(QStringLiteral("Second question")), 1);
        QCOMPARE(s.widget.count(QStringLiteral("An answer")), 1);
        QCOMPARE(s.storedCopies(conversation, QStringLiteral("Second question")), 1);

        QVERIFY(s.agent->reply(conversation, QStringLiteral("After the reload")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("After the reload")));
        // A marker sent after it: anything shown twice would be on the page before it.
        QVERIFY(s.agent->reply(conversation, QStringLiteral("Marker")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Marker")));
        QCOMPARE(s.widget.messages().size(), 5);
        QCOMPARE(s.widget.count(QStringLiteral("After the reload")), 1);
    }

    void messageWrittenWhileTheServerIsDownIsDeliveredOnce()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.openWidget());
        QVERIFY(s.widget.start(QStringLiteral("Ada"), QStringLiteral("Before the outage")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Before the outage")));
        const qint64 conversation = s.widget.conversation();
        QVERIFY(s.startAgent(false));
        QVERIFY(s.agent->reply(conversation, QStringLiteral("We are on it")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("We are on it")));

        s.server.stop();
        QVERIFY(s.browser.waitForText(QStringLiteral("#connection"),
                                      QStringLiteral("Connection lost")));
        QVERIFY(s.widget.send(QStringLiteral("Written during the outage")));
        QTRY_COMPARE(s.widget.stored().value(QLatin1String("outbox")).toArray().size(), 1);
        const QList<QJsonObject> shown = s.widget.messages();
        QVERIFY(shown.last().value(QLatin1String("pending")).toBool());

        QVERIFY(s.server.startOnSamePort());
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Written during the outage"), 40000));
        QCOMPARE(s.storedCopies(conversation, QStringLiteral("Written during the outage")), 1);
        QCOMPARE(s.widget.count(QStringLiteral("Written during the outage")), 1);
        // Catching up after the reconnect shows nothing twice (a marker sent after it
        // arrives after anything the catch-up could have repeated).
        QTRY_COMPARE_WITH_TIMEOUT(s.agent->sync().state(), SyncClient::State::Online, 40000);
        QVERIFY(s.agent->reply(conversation, QStringLiteral("Marker")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Marker")));
        QCOMPARE(s.widget.messages().size(), 4);
        QCOMPARE(s.widget.conversation(), conversation);
        QVERIFY(s.browser.find(QStringLiteral("#connection")).isEmpty()
                || !s.browser.displayed(s.browser.find(QStringLiteral("#connection"))));
    }

    void endingAndRatingTheChatIsStored()
    {
        Scene s;
        QVERIFY(s.start());
        const qint64 conversation = s.startAssignedChat(QStringLiteral("Quick question"));
        QVERIFY(conversation > 0);
        auto team = s.observer();
        QVERIFY(team);

        QVERIFY(s.browser.click(s.browser.waitFor(QStringLiteral("#end-chat"))));
        QVERIFY(!s.browser.waitFor(QStringLiteral("#rating-view")).isEmpty());
        QVERIFY(!s.browser.displayed(s.browser.find(QStringLiteral("#composer"))));
        QVERIFY(s.browser.click(s.browser.find(QStringLiteral("label[for='score-4']"))));
        QVERIFY(s.browser.sendKeys(s.browser.find(QStringLiteral("#rating-comment")),
                                   QStringLiteral("Fast and kind")));
        QVERIFY(s.browser.click(s.browser.find(QStringLiteral("#rate-button"))));
        QVERIFY(s.browser.waitForText(QStringLiteral("#thanks-view"), QStringLiteral("Thank you")));

        const QJsonObject rated = team->waitFrame([](const QJsonObject &f) {
            return field(f.value(QLatin1String("data")).toObject(), "change")
                   == QLatin1String("rated");
        });
        const QJsonObject conv = rated.value(QLatin1String("data"))
                                     .toObject()
                                     .value(QLatin1String("conversation"))
                                     .toObject();
        QCOMPARE(qint64(conv.value(QLatin1String("id")).toDouble()), conversation);
        QCOMPARE(
            conv.value(QLatin1String("rating")).toObject().value(QLatin1String("score")).toInt(),
            4);
        QCOMPARE(field(conv.value(QLatin1String("rating")).toObject(), "comment"),
                 QStringLiteral("Fast and kind"));

        // A new chat starts from the form, as the same customer.
        QVERIFY(s.browser.click(s.browser.find(QStringLiteral("#new-chat"))));
        QVERIFY(s.browser.waitForText(QStringLiteral("#returning"), QStringLiteral("Ada")));
        QCOMPARE(s.widget.conversation(), 0);
    }

    void agentEndingTheChatAsksTheCustomerForARating()
    {
        Scene s;
        QVERIFY(s.start());
        const qint64 conversation = s.startAssignedChat(QStringLiteral("Hi"));
        QVERIFY(conversation > 0);
        QVERIFY(
            s.agent->ok(QStringLiteral("end"), {{QStringLiteral("conversation"), conversation}}));
        QVERIFY(!s.browser.waitFor(QStringLiteral("#rating-view")).isEmpty());
        QVERIFY(s.browser.waitForText(QStringLiteral("#messages"),
                                      QStringLiteral("The chat has ended")));
    }

    void agentMarkupIsShownAsText()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.openWidget());
        QVERIFY(s.widget.start(QStringLiteral("<b>Ada</b>"), QStringLiteral("<i>hi</i>")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("<i>hi</i>")));
        QVERIFY(s.startAgent(false));
        const QString attack = QStringLiteral(
            "<img src=x onerror=\"window.__pwned=1\"> <script>window.__pwned=2</script>");
        QVERIFY(s.agent->reply(s.widget.conversation(), attack));
        QVERIFY(s.widget.waitDelivered(attack));
        // The text made no element (so no handler of one can ever run).
        QCOMPARE(s.browser
                     .execute(QStringLiteral("return document.querySelectorAll('#messages img, "
                                             "#messages script, #messages i').length;"))
                     .toInt(),
                 0);
        QVERIFY(s.browser.execute(QStringLiteral("return typeof window.__pwned;")).toString()
                == QLatin1String("undefined"));
        QCOMPARE(s.widget.count(QStringLiteral("<i>hi</i>")), 1);
    }

    void foreignSitesAreRefused()
    {
        HostSite site; // only its origin is used here
        const QString allowed = QStringLiteral("http://localhost:%1").arg(site.port());
        Scene s({QStringLiteral("--allowed-origin"), allowed});
        QVERIFY(s.start());
        const QString own = QStringLiteral("http://127.0.0.1:%1").arg(s.server.port());

        QNetworkAccessManager http;
        auto get = [&](const QString &path, const QByteArray &header, const QByteArray &value) {
            QNetworkRequest request(s.server.httpUrl(path));
            if (!header.isEmpty())
                request.setRawHeader(header, value);
            return http.get(request);
        };
        QCOMPARE(statusOf(get(QStringLiteral("/widget/"), "Origin", "http://evil.example")), 403);
        QCOMPARE(statusOf(get(QStringLiteral("/widget/"), "Referer", "http://evil.example/shop")),
                 403);
        QCOMPARE(statusOf(get(QStringLiteral("/widget.js"), "Referer", "http://evil.example/shop")),
                 403);
        QCOMPARE(
            statusOf(get(QStringLiteral("/widget/widget.js"), "Referer", "file:///tmp/x.html")),
            403);
        QCOMPARE(statusOf(get(QStringLiteral("/widget/widget.css"), "Referer",
                              (own + QStringLiteral("/widget/")).toLatin1())),
                 200);
        QCOMPARE(statusOf(get(QStringLiteral("/widget.js"), "Origin", allowed.toLatin1())), 200);
        QNetworkReply *page = get(QStringLiteral("/widget/"), {}, {});
        QCOMPARE(statusOf(page), 200);
        QCOMPARE(page->header(QNetworkRequest::ContentTypeHeader).toString(),
                 QStringLiteral("text/html; charset=utf-8"));
        QCOMPARE(page->rawHeader("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
        QCOMPARE(page->rawHeader("Cache-Control"), QByteArrayLiteral("no-cache"));
        QVERIFY2(page->rawHeader("Content-Security-Policy")
                     .contains("frame-ancestors 'self' " + allowed.toLatin1()),
                 page->rawHeader("Content-Security-Policy").constData());

        // The customer socket: a foreign page is turned away, the widget page and allowed
        // sites are let in.
        TestClient foreign;
        foreign.open(s.server.wsUrl(QStringLiteral("/ws/customer")), "http://evil.example");
        QVERIFY(foreign.waitDisconnected());
        QCOMPARE(foreign.closeCode(), 1008);
        for (const QString &origin : {own, allowed}) {
            TestClient welcome;
            QVERIFY2(
                welcome.open(s.server.wsUrl(QStringLiteral("/ws/customer")), origin.toLatin1()),
                qPrintable(origin));
            QVERIFY2(!welcome.customerHello(QStringLiteral("Ada")).isEmpty(), qPrintable(origin));
        }
    }

    void embedSnippetWorksOnAllowedSitesOnly()
    {
        // The same page under two origins; only http://localhost:PORT is allowed.
        HostSite shop;
        Scene s({QStringLiteral("--allowed-origin"),
                 QStringLiteral("http://localhost:%1").arg(shop.port())});
        QVERIFY(s.start());
        shop.setWidgetScript(s.server.httpUrl(QStringLiteral("/widget.js")));
        const QString allowedPage = shop.url(QStringLiteral("localhost")).toString();

        const auto script = [&] {
            return s.browser.execute(QStringLiteral("return window.widgetScript || '';"))
                .toString();
        };
        QVERIFY(s.browser.navigate(shop.url(QStringLiteral("127.0.0.1"))));
        QTRY_COMPARE_WITH_TIMEOUT(script(), QStringLiteral("refused"), 10000);
        QCOMPARE(s.browser.execute(QStringLiteral("return typeof window.TandemWidget;")).toString(),
                 QStringLiteral("undefined"));

        QVERIFY(s.browser.navigate(QUrl(allowedPage)));
        QTRY_COMPARE_WITH_TIMEOUT(script(), QStringLiteral("loaded"), 10000);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return s.browser.execute(QStringLiteral("return typeof window.TandemWidget;"))
                           .toString()
                       == QLatin1String("object");
            },
            10000));
        QVERIFY(s.browser
                    .execute(QStringLiteral("document.querySelector('[data-tandem-widget]')."
                                            "shadowRoot.querySelector('.launcher').click();"
                                            "return true;"))
                    .toBool());
        QJsonValue frame;
        QVERIFY(QTest::qWaitFor(
            [&] {
                frame =
                    s.browser.execute(QStringLiteral("return "
                                                     "document.querySelector('[data-tandem-widget]'"
                                                     ").shadowRoot.querySelector('iframe');"));
                return frame.isObject();
            },
            10000));
        QVERIFY(s.browser.switchToFrame(frame.toObject().begin().value().toString()));
        QVERIFY2(!s.browser.waitFor(QStringLiteral("#start-form")).isEmpty(),
                 "the chat did not open in the frame");
        QVERIFY(s.browser.waitForText(QStringLiteral("#availability"),
                                      QStringLiteral("No agent is free")));
        QVERIFY(s.widget.start(QStringLiteral("Ada"), QStringLiteral("Hello from the shop")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Hello from the shop")));
    }

    void aSiteEmbedsItsOwnInbox()
    {
        HostSite shop;
        Scene s({QStringLiteral("--allowed-origin"),
                 QStringLiteral("http://localhost:%1").arg(shop.port())});
        QVERIFY(s.start());
        // A supervisor gives the shop an inbox of its own, owned by the agents' team.
        QVERIFY(s.server.addAgent(QStringLiteral("sue@example.com"), QStringLiteral("Sue"),
                                  Password, QStringLiteral("supervisor")));
        TestClient sue;
        QVERIFY(sue.open(s.server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!sue.agentSignIn(QStringLiteral("sue@example.com"), Password).isEmpty());
        const QJsonObject saved = sue.request(QStringLiteral("inbox.save"),
                                              {{QStringLiteral("name"), QStringLiteral("Shop")},
                                               {QStringLiteral("channel"), QStringLiteral("web")},
                                               {QStringLiteral("team"), 1}});
        const qint64 inbox = saved.value(QLatin1String("data"))
                                 .toObject()
                                 .value(QLatin1String("inbox"))
                                 .toObject()
                                 .value(QLatin1String("id"))
                                 .toInteger();
        QVERIFY2(inbox > 1, QJsonDocument(saved).toJson().constData());
        auto team = s.observer();
        QVERIFY(team);

        shop.setWidgetScript(s.server.httpUrl(QStringLiteral("/widget.js")), inbox);
        QVERIFY(s.browser.navigate(shop.url(QStringLiteral("localhost"))));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return s.browser
                    .execute(QStringLiteral("const h = document.querySelector("
                                            "'[data-tandem-widget]'); if (!h) return false;"
                                            "h.shadowRoot.querySelector('.launcher').click();"
                                            "return true;"))
                    .toBool();
            },
            10000));
        QJsonValue frame;
        QVERIFY(QTest::qWaitFor(
            [&] {
                frame = s.browser.execute(
                    QStringLiteral("return document.querySelector('[data-tandem-widget]')"
                                   ".shadowRoot.querySelector('iframe');"));
                return frame.isObject();
            },
            10000));
        QVERIFY(s.browser.switchToFrame(frame.toObject().begin().value().toString()));
        QVERIFY(!s.browser.waitFor(QStringLiteral("#start-form")).isEmpty());
        QVERIFY(s.widget.start(QStringLiteral("Ada"), QStringLiteral("Is this the shop?")));
        const QJsonObject created = team->waitEvent(QStringLiteral("conversation.created"));
        QCOMPARE(created.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("conversation"))
                     .toObject()
                     .value(QLatin1String("inbox"))
                     .toInteger(),
                 inbox);
    }

    void screenshotsForTheReadme()
    {
        Scene s;
        QVERIFY(s.start());
        QVERIFY(s.startLiveChat(QStringLiteral("Hi! My order #1042 hasn't arrived yet.")));
        QVERIFY(
            s.browser.waitForText(QStringLiteral("#queue-text"), QStringLiteral("in the queue")));
        const QByteArray queue = s.browser.screenshotPng();
        QVERIFY(queue.startsWith("\x89PNG"));
        const qint64 conversation = s.widget.conversation();
        QVERIFY(s.agent->accept(conversation));
        QVERIFY(s.agent->reply(conversation,
                               QStringLiteral("Hi Ada, I'm Dana. Let me look that up for you.")));
        QVERIFY(s.widget.waitDelivered(
            QStringLiteral("Hi Ada, I'm Dana. Let me look that up for you.")));
        QVERIFY(s.widget.send(QStringLiteral("Thank you!")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral("Thank you!")));
        QVERIFY(s.agent->reply(
            conversation,
            QStringLiteral(
                "It left our warehouse this morning — it should be with you tomorrow.")));
        QVERIFY(s.widget.waitDelivered(QStringLiteral(
            "It left our warehouse this morning — it should be with you tomorrow.")));
        s.agent->request(QStringLiteral("typing"), {{QStringLiteral("conversation"), conversation},
                                                    {QStringLiteral("on"), true}});
        QVERIFY(s.browser.waitForText(QStringLiteral("#typing"), QStringLiteral("is typing")));
        const QByteArray chat = s.browser.screenshotPng();
        QVERIFY(chat.startsWith("\x89PNG"));

        const QString dir = artifactDir();
        if (dir.isEmpty())
            return; // set TANDEM_SCREENSHOT_DIR=docs/screenshots to update the README's pictures
        QDir().mkpath(dir);
        for (const auto &[name, png] : {std::pair{QStringLiteral("widget.png"), chat},
                                        std::pair{QStringLiteral("widget-queue.png"), queue}}) {
            QFile file(QDir(dir).filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(png);
        }
    }
};

QTEST_GUILESS_MAIN(TestWidget)
#include "tst_widget.moc"
