// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: the live chat deck against the real tandemd and its router, with test
// clients playing the customers (on /ws/customer) and the colleagues. One agent app runs
// through a working session: offers accepted and declined, four chats side by side, keyboard
// focus, replies, canned responses, the supervisor's tools, and chats leaving the deck by
// transfer, end and follow-up. Set TANDEM_SCREENSHOT_DIR to keep the README's screenshot.
#include "cache/localcache.h"
#include "conversations/inboxpanel.h"
#include "deck/cannedresponsesdialog.h"
#include "deck/chatdeck.h"
#include "deck/chatpane.h"
#include "deck/livenotifier.h"
#include "deck/livetimes.h"
#include "deck/offerbanner.h"
#include "deck/offerstrip.h"
#include "deck/ratingwatcher.h"
#include "deck/teamdialog.h"
#include "deck/transferdialog.h"
#include "desktoptest.h"
#include "main/mainwindow.h"
#include "main/workspace.h"
#include "models/agentpresencemodel.h"
#include "models/cannedresponsesmodel.h"
#include "models/conversationlistmodel.h"
#include "models/livechatsmodel.h"
#include "models/messagelistmodel.h"
#include "models/offersmodel.h"
#include "shell/agentsession.h"
#include "shell/desktopapplication.h"
#include "status/queueindicator.h"
#include "sync/syncclient.h"
#include "tandemdprocess.h"
#include "teams/hourseditor.h"
#include "teams/slaeditor.h"
#include "teams/teamsdialog.h"
#include "testclient.h"
#include "thread/cannedpopup.h"
#include "thread/composer.h"
#include "thread/conversationview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QUuid>
#include <map>
#include <memory>

using namespace Tandem;
using namespace DesktopTest;

namespace {
const QString Password = QStringLiteral("correct horse battery");
const QString DanaEmail = QStringLiteral("dana@example.com");
const QString SamEmail = QStringLiteral("sam@example.com");
const QString BenEmail = QStringLiteral("ben@example.com");
const QString TraceText = QStringLiteral(
    "I'm sorry about that! I've opened a trace with the carrier: you'll hear from us within "
    "24 hours, and if the parcel doesn't turn up we'll send a replacement free of charge.");
const QString RefundText = QStringLiteral(
    "I've issued a full refund; it will show on your statement within 3–5 business days.");
constexpr int Slow = 15000; // a server round trip on a busy machine, generously

bool isOk(const QJsonObject &reply)
{
    return reply.value(QLatin1String("type")).toString() == QLatin1String("ok");
}

//! A customer in a live chat.
struct ChatCustomer {
    QString name;
    std::unique_ptr<TestClient> client;
    qint64 conversation = 0;
};
} // namespace

class TestDeck : public QObject
{
    Q_OBJECT

private:
    TandemdProcess m_server;
    std::unique_ptr<DesktopApplication> m_app;
    std::unique_ptr<TestClient> m_sam; // the supervisor, as a protocol client
    std::unique_ptr<TestClient> m_ben; // a colleague, as a protocol client
    std::map<QString, ChatCustomer> m_customers;
    qint64 m_dana = 0;
    qint64 m_ben_id = 0;
    std::optional<Offer> m_acceptedOffer;

    MainWindow *window() const { return m_app ? m_app->mainWindow() : nullptr; }
    ChatDeck *deck() const { return window()->deck(); }

    QJsonObject signIn(TestClient &client, const QString &email)
    {
        if (!client.open(m_server.wsUrl(QStringLiteral("/ws/agent"))))
            return {};
        return client.agentSignIn(email, Password);
    }

    //! A customer starts a live chat with their first words.
    ChatCustomer &startChat(const QString &name, const QString &text)
    {
        ChatCustomer &c = m_customers[name];
        c.name = name;
        c.client = std::make_unique<TestClient>();
        if (!c.client->open(m_server.wsUrl(QStringLiteral("/ws/customer")))
            || c.client->customerHello(name).isEmpty())
            return c;
        const QJsonObject sent = c.client->request(
            QStringLiteral("send"),
            {{QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("text"), text},
             {QStringLiteral("mode"), QStringLiteral("live")}});
        c.conversation = integer(data(sent).value(QLatin1String("conversation")).toObject(), "id");
        return c;
    }

    static bool say(ChatCustomer &c, const QString &text)
    {
        return isOk(c.client->request(
            QStringLiteral("send"),
            {{QStringLiteral("conversation"), c.conversation},
             {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("text"), text}}));
    }

    //! Waits for the event `kind` about `conversation` at this client (a customer or agent).
    static QJsonObject waitEventAbout(TestClient &client, const QString &kind, qint64 conversation)
    {
        return client.waitFrame(
            [&](const QJsonObject &f) {
                if (f.value(QLatin1String("event")).toString() != kind)
                    return false;
                const QJsonValue c = data(f).value(QLatin1String("conversation"));
                return (c.isObject() ? integer(c.toObject(), "id") : qint64(c.toDouble()))
                       == conversation;
            },
            Slow);
    }

    static QJsonObject waitMessage(TestClient &client, const QString &text)
    {
        return client.waitFrame(
            [&](const QJsonObject &f) {
                return data(f)
                           .value(QLatin1String("message"))
                           .toObject()
                           .value(QLatin1String("text"))
                       == text;
            },
            Slow);
    }

    OfferBanner *waitBanner(qint64 conversation)
    {
        OfferStrip *strip = window()->offerStrip();
        if (!QTest::qWaitFor([&] { return strip->banner(conversation) != nullptr; }, Slow))
            return nullptr;
        return strip->banner(conversation);
    }

    //! The offer of `customer`'s chat arrives, and the agent takes it with the banner's button.
    void acceptThroughBanner(const ChatCustomer &customer)
    {
        OfferBanner *banner = waitBanner(customer.conversation);
        QVERIFY2(banner, qPrintable(customer.name));
        QVERIFY(banner->isVisible());
        QTest::mouseClick(banner->acceptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(deck()->pane(customer.conversation), Slow);
        QTRY_VERIFY(!window()->offerStrip()->banner(customer.conversation));
    }

    void activate(QWidget *w)
    {
        w->show();
        w->raise();
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w));
    }

    bool startApp(DesktopApplication &app, const QString &email, const QString &profile)
    {
        TestClient agent;
        const QString token = signIn(agent, email).value(QLatin1String("token")).toString();
        if (token.isEmpty())
            return false;
        qputenv("TANDEM_SESSION_TOKEN", token.toUtf8());
        const bool started =
            app.start({QStringLiteral("tandem"), QStringLiteral("--profile"), profile,
                       QStringLiteral("--server"), m_server.httpUrl(QString()).toString(),
                       QStringLiteral("--email"), email});
        qunsetenv("TANDEM_SESSION_TOKEN");
        return started
               && QTest::qWaitFor(
                   [&] {
                       return app.session()
                              && app.session()->sync().state() == SyncClient::State::Online;
                   },
                   Slow);
    }

    bool setPresence(const QString &email, const QString &presence)
    {
        TestClient agent;
        return !signIn(agent, email).isEmpty()
               && isOk(agent.request(QStringLiteral("presence"),
                                     {{QStringLiteral("status"), presence}}));
    }

    bool setCapacity(qint64 agent, int capacity)
    {
        return isOk(m_sam->request(
            QStringLiteral("agent.update"),
            {{QStringLiteral("agent"), agent}, {QStringLiteral("capacity"), capacity}}));
    }

    int cachedCapacity(qint64 agent) const
    {
        for (const Agent &a : m_app->session()->cache().agents()) {
            if (a.id == agent)
                return a.capacity;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addAgent(DanaEmail, QStringLiteral("Dana Demo"), Password));
        QVERIFY(m_server.addAgent(SamEmail, QStringLiteral("Sam Lead"), Password,
                                  QStringLiteral("supervisor")));
        QVERIFY(m_server.addAgent(BenEmail, QStringLiteral("Ben Okafor"), Password));
        m_sam = std::make_unique<TestClient>();
        QVERIFY(!signIn(*m_sam, SamEmail).isEmpty());
        for (const auto &[shortcut, text] : {std::pair{QStringLiteral("trace"), TraceText},
                                             std::pair{QStringLiteral("refund"), RefundText}}) {
            QVERIFY(isOk(m_sam->request(
                QStringLiteral("canned.save"),
                {{QStringLiteral("shortcut"), shortcut}, {QStringLiteral("text"), text}})));
        }
        // Dana is online (presence belongs to the account, whichever app sets it).
        QVERIFY(setPresence(DanaEmail, QStringLiteral("online")));

        m_app = std::make_unique<DesktopApplication>();
        QVERIFY(startApp(*m_app, DanaEmail, QStringLiteral("deck")));
        m_dana = m_app->session()->sync().agent().id;
        QVERIFY(m_dana > 0);
        window()->resize(1400, 900);
        activate(window());
        // The team's canned responses came with the snapshot.
        QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->cache().cannedResponses().size(), 2, Slow);
        QVERIFY(deck()->panes().isEmpty());
        QVERIFY(deck()->findChild<QLabel *>(QStringLiteral("deckEmpty"))->isVisible());
    }

    void timeThresholds()
    {
        QCOMPARE(LiveTimes::urgencyOf(0), LiveTimes::Urgency::Calm);
        QCOMPARE(LiveTimes::urgencyOf(LiveTimes::AmberAfterSeconds - 1), LiveTimes::Urgency::Calm);
        QCOMPARE(LiveTimes::urgencyOf(LiveTimes::AmberAfterSeconds), LiveTimes::Urgency::Amber);
        QCOMPARE(LiveTimes::urgencyOf(LiveTimes::RedAfterSeconds), LiveTimes::Urgency::Red);
        QCOMPARE(LiveTimes::clock(42), QStringLiteral("0:42"));
        QCOMPARE(LiveTimes::clock(725), QStringLiteral("12:05"));
        QCOMPARE(LiveTimes::clock(3723), QStringLiteral("1:02:03"));
        QCOMPARE(LiveTimes::clock(-5), QStringLiteral("0:00"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(LiveTimes::secondsSince(now.addSecs(30), now), 0); // a clock ahead of ours
        QCOMPARE(LiveTimes::secondsSince(QDateTime(), now), 0);
    }

    //! An offer shows who, their first words and the time left; Accept opens the chat in a
    //! pane with the composer ready.
    void offerAcceptedOpensAPane()
    {
        const QString first =
            QStringLiteral("Hi! My order #48213 says delivered but there's nothing at my door.");
        ChatCustomer &maria = startChat(QStringLiteral("Maria García"), first);
        QVERIFY(maria.conversation > 0);
        OfferBanner *banner = waitBanner(maria.conversation);
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->nameLabel()->text(), QStringLiteral("Maria García"));
        QVERIFY2(banner->messageLabel()->text().contains(first),
                 qPrintable(banner->messageLabel()->text()));
        const QRegularExpression seconds(QStringLiteral("^(\\d+) s$"));
        const auto match = seconds.match(banner->countdownLabel()->text());
        QVERIFY2(match.hasMatch(), qPrintable(banner->countdownLabel()->text()));
        QVERIFY(match.captured(1).toInt() > 0 && match.captured(1).toInt() <= 20);
        QCOMPARE(window()->notifier()->lastTitle(), QStringLiteral("New live chat: Maria García"));
        m_acceptedOffer = window()->offers()->offer(maria.conversation);
        QVERIFY(m_acceptedOffer);

        QTest::mouseClick(banner->acceptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(deck()->pane(maria.conversation), Slow);
        QTRY_VERIFY(!window()->offerStrip()->banner(maria.conversation));
        QCOMPARE(window()->tabs()->currentWidget(), deck());
        ChatPane *pane = deck()->pane(maria.conversation);
        QCOMPARE(pane->nameLabel()->text(), QStringLiteral("Maria García"));
        QCOMPARE(pane->number(), 1);
        QTRY_VERIFY(pane->composer()->hasFocus());
        QTRY_VERIFY(!rowsWithText(pane->messages(), first).isEmpty());
        // The customer has written and nobody answered yet: they are waiting.
        QVERIFY2(pane->waitLabel()->text().startsWith(QStringLiteral("Waiting ")),
                 qPrintable(pane->waitLabel()->text()));
        QVERIFY(pane->durationLabel()->text().startsWith(QStringLiteral("Chat ")));
        // The customer is told an agent has the chat.
        const QJsonObject assigned = waitEventAbout(
            *maria.client, QStringLiteral("conversation.updated"), maria.conversation);
        QCOMPARE(data(assigned).value(QLatin1String("change")).toString(),
                 QStringLiteral("assigned"));
    }

    void moreOffersAccepted()
    {
        acceptThroughBanner(startChat(QStringLiteral("Kenji Watanabe"),
                                      QStringLiteral("Can I change the size on an order I placed "
                                                     "an hour ago?")));
        acceptThroughBanner(startChat(QStringLiteral("Amelia Clarke"),
                                      QStringLiteral("The discount code SPRING20 isn't working at "
                                                     "checkout.")));
        QCOMPARE(deck()->panes().size(), 3);
    }

    //! Declined, the offer goes to the next agent, and the banner is gone.
    void declinedOfferGoesToAColleague()
    {
        ChatCustomer &tomas =
            startChat(QStringLiteral("Tomás Silva"), QStringLiteral("Do you ship to Portugal?"));
        OfferBanner *banner = waitBanner(tomas.conversation);
        QVERIFY(banner);
        // A colleague comes online while it is offered to Dana.
        m_ben = std::make_unique<TestClient>();
        const QJsonObject ben = signIn(*m_ben, BenEmail);
        QVERIFY(!ben.isEmpty());
        m_ben_id = integer(ben.value(QLatin1String("agent")).toObject(), "id");
        QVERIFY(isOk(m_ben->request(QStringLiteral("presence"),
                                    {{QStringLiteral("status"), QStringLiteral("online")}})));
        QTest::mouseClick(banner->declineButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window()->offerStrip()->banner(tomas.conversation), Slow);
        const QJsonObject offer = m_ben->waitFrame(
            [&](const QJsonObject &f) {
                return f.value(QLatin1String("type")).toString() == QLatin1String("offer")
                       && integer(f.value(QLatin1String("conversation")).toObject(), "id")
                              == tomas.conversation;
            },
            Slow);
        QVERIFY2(!offer.isEmpty(), "the declined chat was not offered to the colleague");
        QVERIFY(isOk(m_ben->request(QStringLiteral("accept"),
                                    {{QStringLiteral("conversation"), tomas.conversation}})));
        // The assignment reaches the app too: the inbox has it as Ben's, and the deck, fed by
        // the same cache batch, opened no pane for it.
        ConversationListModel *inbox = window()->inbox()->conversations();
        QTRY_COMPARE_WITH_TIMEOUT(inbox->index(inbox->rowOf(tomas.conversation), 0)
                                      .data(ConversationListModel::AssigneeIdRole)
                                      .toLongLong(),
                                  m_ben_id, Slow);
        QVERIFY(!deck()->pane(tomas.conversation));
        QCOMPARE(deck()->panes().size(), 3);
        QVERIFY(window()->offerStrip()->noticeLabel()->text().isEmpty());
    }

    //! Four chats at once, side by side; the grid follows the window's width.
    void fourChatsSideBySide()
    {
        // Dana was given a chat longer ago than Ben: the next one is hers.
        acceptThroughBanner(startChat(QStringLiteral("Priya Nair"),
                                      QStringLiteral("I was charged twice for my subscription "
                                                     "this month.")));
        const QList<ChatPane *> panes = deck()->panes();
        QCOMPARE(panes.size(), 4);
        const QStringList order{QStringLiteral("Maria García"), QStringLiteral("Kenji Watanabe"),
                                QStringLiteral("Amelia Clarke"), QStringLiteral("Priya Nair")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(panes.at(i)->nameLabel()->text(), order.at(i));
            QCOMPARE(panes.at(i)->number(), i + 1);
            QCOMPARE(panes.at(i)->conversation(), m_customers[order.at(i)].conversation);
            QVERIFY(panes.at(i)->isVisible());
        }
        QCOMPARE(window()->tabs()->tabText(0).left(14), QStringLiteral("Live Chats (4)"));
        QCOMPARE(deck()->columns(), 4);
        // Side by side: one row, left to right.
        for (int i = 1; i < 4; ++i) {
            QCOMPARE(panes.at(i)->geometry().top(), panes.at(0)->geometry().top());
            QVERIFY(panes.at(i)->geometry().left() > panes.at(i - 1)->geometry().right());
        }
        window()->resize(900, 900);
        QTRY_COMPARE(deck()->columns(), 2);
        QTRY_VERIFY(panes.at(2)->geometry().top() > panes.at(0)->geometry().bottom());
        window()->resize(1400, 900);
        QTRY_COMPARE(deck()->columns(), 4);
        // At capacity (4): the next customer waits in the queue, and the status bar says so.
        QTRY_VERIFY_WITH_TIMEOUT(
            window()->queueIndicator()->text().startsWith(QStringLiteral("Queue:")), Slow);
    }

    void ctrlNumberFocusesEachPane()
    {
        activate(window());
        // From the inbox too: the shortcut brings the deck back.
        window()->showInbox();
        for (int n : {1, 2, 3, 4, 2}) {
            QTest::keyClick(window(), Qt::Key(Qt::Key_0 + n), Qt::ControlModifier);
            QTRY_VERIFY2(deck()->panes().at(n - 1)->composer()->hasFocus(),
                         qPrintable(QStringLiteral("Ctrl+%1").arg(n)));
            QCOMPARE(window()->tabs()->currentWidget(), deck());
            QCOMPARE(deck()->currentPane(), deck()->panes().at(n - 1));
        }
        // No fifth pane: Ctrl+5 leaves the focus where it is.
        QTest::keyClick(window(), Qt::Key_5, Qt::ControlModifier);
        QVERIFY(deck()->panes().at(1)->composer()->hasFocus());
    }

    //! A reply typed in a pane reaches its customer; a customer writing in another pane
    //! shows as unread there, in the title and in the tray's tooltip until the agent looks.
    void replyInAPaneReachesTheCustomer()
    {
        ChatCustomer &kenji = m_customers[QStringLiteral("Kenji Watanabe")];
        ChatPane *pane = deck()->pane(kenji.conversation);
        QTest::keyClick(window(), Qt::Key_2, Qt::ControlModifier);
        QTRY_VERIFY(pane->composer()->hasFocus());
        const QString reply = QStringLiteral("Sure, which size would you like instead?");
        QTest::keyClicks(pane->composer(), reply);
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QVERIFY(pane->composer()->toPlainText().isEmpty());
        const QJsonObject received = waitMessage(*kenji.client, reply);
        QVERIFY2(!received.isEmpty(), "the customer did not get the reply");
        QCOMPARE(data(received)
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("author"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("Dana Demo"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !rowsWithText(pane->messages(), reply).isEmpty()
                && pane->messages()
                           ->index(rowsWithText(pane->messages(), reply).first(), 0)
                           .data(MessageListModel::StateRole)
                           .value<MessageListModel::State>()
                       == MessageListModel::State::Sent,
            Slow);
        QTRY_COMPARE(pane->waitLabel()->text(), QStringLiteral("Answered"));
        QVERIFY(say(kenji, QStringLiteral("A medium, please.")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !rowsWithText(pane->messages(), QStringLiteral("A medium, please.")).isEmpty(), Slow);
        // Read as it came: the agent is in this chat.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_app->session()->cache().conversation(kenji.conversation)->unread, 0, Slow);

        // Amelia writes while Dana is in Kenji's chat.
        ChatCustomer &amelia = m_customers[QStringLiteral("Amelia Clarke")];
        ChatPane *other = deck()->pane(amelia.conversation);
        QVERIFY(isOk(amelia.client->request(QStringLiteral("typing"),
                                            {{QStringLiteral("conversation"), amelia.conversation},
                                             {QStringLiteral("on"), true}})));
        QTRY_COMPARE_WITH_TIMEOUT(other->typingLabel()->text(),
                                  QStringLiteral("Amelia Clarke is typing…"), Slow);
        QVERIFY(say(amelia, QStringLiteral("It says the code has expired.")));
        QTRY_VERIFY_WITH_TIMEOUT(other->unreadLabel()->isVisible(), Slow);
        // Her first message is unread too: it came before the agent looked.
        const int unread = m_app->session()->cache().conversation(amelia.conversation)->unread;
        QVERIFY(unread >= 1);
        QCOMPARE(other->unreadLabel()->text(), QStringLiteral("%1 new").arg(unread));
        const int total = window()->liveChats()->totalUnread();
        QVERIFY(total >= unread);
        QVERIFY2(window()->windowTitle().startsWith(QStringLiteral("(%1) ").arg(total)),
                 qPrintable(window()->windowTitle()));
        QVERIFY2(window()->notifier()->toolTip().contains(QStringLiteral("%1 unread").arg(total)),
                 qPrintable(window()->notifier()->toolTip()));
        QVERIFY(pane->unreadLabel()->isHidden());
        // Dana goes to that chat: read.
        QTest::keyClick(window(), Qt::Key_3, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(other->unreadLabel()->isHidden(), Slow);
        QTRY_COMPARE(window()->liveChats()->totalUnread(), total - unread);
    }

    //! "/" at the start of a reply opens the canned responses; typing narrows them, Enter
    //! inserts one, Esc closes without a change.
    void cannedResponseFromTheSlashPopup()
    {
        ChatCustomer &maria = m_customers[QStringLiteral("Maria García")];
        ChatPane *pane = deck()->pane(maria.conversation);
        QTest::keyClick(window(), Qt::Key_1, Qt::ControlModifier);
        QTRY_VERIFY(pane->composer()->hasFocus());
        QTest::keyClick(pane->composer(), Qt::Key_Slash);
        CannedPopup *popup = pane->cannedPopup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->list()->model()->rowCount(), 2);
        QTest::keyClicks(popup->searchField(), QStringLiteral("tra"));
        QCOMPARE(popup->list()->model()->rowCount(), 1);
        QCOMPARE(popup->list()->currentIndex().data(CannedResponsesModel::ShortcutRole).toString(),
                 QStringLiteral("trace"));
        // The whole text it would insert shows below the list.
        QCOMPARE(popup->preview()->text(), TraceText);
        QVERIFY(popup->preview()->isVisible());
        QTest::keyClick(popup->searchField(), Qt::Key_Return);
        QVERIFY(!popup->isVisible());
        QCOMPARE(pane->composer()->toPlainText(), TraceText);
        QTRY_VERIFY(pane->composer()->hasFocus());
        QTest::keyClick(pane->composer(), Qt::Key_Return);
        QVERIFY2(!waitMessage(*maria.client, TraceText).isEmpty(),
                 "the canned reply did not arrive");

        // Not at the start: "/" is just a character.
        QTest::keyClicks(pane->composer(), QStringLiteral("and/or"));
        QVERIFY(!popup->isVisible());
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("and/or"));
        pane->composer()->clear();
        // Esc closes it and leaves the "/" to type on; Down moves through the list.
        QTest::keyClick(pane->composer(), Qt::Key_Slash);
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(popup->searchField(), Qt::Key_Down);
        QCOMPARE(popup->list()->currentIndex().row(), 1);
        QTest::keyClick(popup->searchField(), Qt::Key_Escape);
        QVERIFY(!popup->isVisible());
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("/"));
        QTRY_VERIFY(pane->composer()->hasFocus());
        // Nothing matches: Enter inserts nothing.
        pane->composer()->clear();
        QTest::keyClick(pane->composer(), Qt::Key_Slash);
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClicks(popup->searchField(), QStringLiteral("zzz"));
        QCOMPARE(popup->list()->model()->rowCount(), 0);
        QTest::keyClick(popup->searchField(), Qt::Key_Return);
        QTest::keyClick(popup->searchField(), Qt::Key_Escape);
        QVERIFY(!popup->isVisible());
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("/"));
        pane->composer()->clear();
    }

    //! "/" works in the inbox's composer as in the deck's.
    void cannedResponsesInTheInboxComposer()
    {
        ChatCustomer &maria = m_customers[QStringLiteral("Maria García")];
        window()->openConversation(maria.conversation);
        activate(window());
        Composer *composer = window()->conversationView()->composer();
        composer->clear();
        composer->setFocus();
        QTRY_VERIFY(composer->hasFocus());
        QTest::keyClick(composer, Qt::Key_Slash);
        QTRY_VERIFY(composer->cannedOpen());
        CannedPopup *popup = composer->cannedPopup();
        QTest::keyClicks(popup->searchField(), QStringLiteral("tra"));
        QCOMPARE(popup->preview()->text(), TraceText);
        QTest::keyClick(popup->searchField(), Qt::Key_Return);
        QVERIFY(!composer->cannedOpen());
        QCOMPARE(composer->toPlainText(), TraceText);
        composer->clear();
        window()->showDeck();
    }

    //! Agents use canned responses but may not change them: the server says no, and the
    //! dialog says so.
    void agentsMayNotEditCannedResponses()
    {
        QVERIFY(!window()->cannedResponsesAction()->isEnabled());
        CannedResponsesDialog dialog(*m_app->session());
        QTest::keyClicks(dialog.shortcutField(), QStringLiteral("hack"));
        QTest::keyClicks(dialog.textField(), QStringLiteral("Not allowed"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorLabel()->isHidden(), Slow);
        QCOMPARE(dialog.errorLabel()->text(), QStringLiteral("Your role does not allow this."));
        QCOMPARE(m_app->session()->cache().cannedResponses().size(), 2);
    }

    //! A supervisor's app: a new canned response reaches the agents' popups, and a capacity
    //! set in the team dialog reaches the agent.
    void supervisorManagesCannedResponsesAndCapacity()
    {
        {
            DesktopApplication sam;
            QVERIFY(startApp(sam, SamEmail, QStringLiteral("deck-supervisor")));
            MainWindow *w = sam.mainWindow();
            QTRY_VERIFY(w->cannedResponsesAction()->isEnabled());
            w->openCannedResponses();
            auto *dialog = w->findChild<CannedResponsesDialog *>();
            QVERIFY(dialog);
            QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 2, Slow);
            QTest::keyClicks(dialog->shortcutField(), QStringLiteral("bye"));
            QTest::keyClicks(dialog->textField(),
                             QStringLiteral("Thanks for chatting with us, have a lovely day!"));
            QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 3, Slow);
            QVERIFY(dialog->errorLabel()->isHidden());
            // The same shortcut twice is refused, and the dialog says why.
            dialog->startNew();
            QTest::keyClicks(dialog->shortcutField(), QStringLiteral("BYE"));
            QTest::keyClicks(dialog->textField(), QStringLiteral("Another goodbye"));
            QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorLabel()->isHidden(), Slow);
            QVERIFY2(dialog->errorLabel()->text().contains(QStringLiteral("shortcut")),
                     qPrintable(dialog->errorLabel()->text()));
            dialog->close();

            // Teams and inboxes: a Billing team with Dana, answering a new inbox.
            auto *teamsAction = w->findChild<QAction *>(QStringLiteral("teamsAction"));
            QVERIFY(teamsAction);
            QTRY_VERIFY(teamsAction->isEnabled());
            teamsAction->trigger();
            auto *teams = w->findChild<TeamsDialog *>();
            QVERIFY(teams);
            auto *teamName = teams->findChild<QLineEdit *>(QStringLiteral("teamName"));
            auto *members = teams->findChild<QListWidget *>(QStringLiteral("teamMembers"));
            QVERIFY(teamName && members);
            QTest::keyClicks(teamName, QStringLiteral("Billing"));
            bool ticked = false;
            for (int i = 0; i < members->count(); ++i) {
                if (members->item(i)->data(Qt::UserRole).toLongLong() == m_dana) {
                    members->item(i)->setCheckState(Qt::Checked);
                    ticked = true;
                }
            }
            QVERIFY(ticked);
            QTest::mouseClick(teams->findChild<QPushButton *>(QStringLiteral("teamSave")),
                              Qt::LeftButton);
            const auto billing = [&sam]() -> std::optional<Team> {
                for (const Team &t : sam.session()->cache().teams())
                    if (t.name == QLatin1String("Billing"))
                        return t;
                return std::nullopt;
            };
            QTRY_VERIFY_WITH_TIMEOUT(billing().has_value(), Slow);
            QCOMPARE(billing()->members, QList<qint64>{m_dana});
            auto *teamList = teams->findChild<QListWidget *>(QStringLiteral("teams"));
            QTRY_VERIFY(!teamList->findItems(QStringLiteral("Billing (1 member)"), Qt::MatchExactly)
                             .isEmpty());
            // Its business hours: weekdays in Berlin, and Christmas from an .ics file.
            auto *hoursText = teams->findChild<QLabel *>(QStringLiteral("teamHours"));
            QVERIFY(hoursText);
            QCOMPARE(hoursText->text(), QStringLiteral("Open around the clock"));
            QTest::mouseClick(teams->findChild<QPushButton *>(QStringLiteral("editHours")),
                              Qt::LeftButton);
            auto *hours = teams->findChild<HoursEditor *>();
            QVERIFY(hours);
            auto *aroundTheClock = hours->findChild<QCheckBox *>(QStringLiteral("aroundTheClock"));
            QVERIFY(aroundTheClock->isChecked());
            aroundTheClock->setChecked(false);
            auto *hoursState = hours->findChild<QLabel *>(QStringLiteral("hoursState"));
            QVERIFY(hoursState->text().startsWith(QLatin1String("Add opening hours")));
            hours->findChild<QComboBox *>(QStringLiteral("timezone"))
                ->setCurrentText(QStringLiteral("Europe/Berlin"));
            for (QPushButton *b : hours->findChildren<QPushButton *>())
                if (b->text().startsWith(QLatin1String("Add Mon")))
                    QTest::mouseClick(b, Qt::LeftButton);
            QCOMPARE(hours->findChild<QTableWidget *>(QStringLiteral("hours"))->rowCount(), 5);
            QVERIFY2(hoursState->text().startsWith(QLatin1String("Open now"))
                         || hoursState->text().startsWith(QLatin1String("Closed now")),
                     qPrintable(hoursState->text()));
            QTemporaryFile ics(QDir::tempPath() + QStringLiteral("/holidays-XXXXXX.ics"));
            QVERIFY(ics.open());
            ics.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                      "DTSTART;VALUE=DATE:20251225\r\nRRULE:FREQ=YEARLY\r\n"
                      "SUMMARY:Christmas Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
            ics.close();
            QSignalSpy imported(hours, &HoursEditor::imported);
            hours->importIcs(ics.fileName());
            QTRY_COMPARE(imported.size(), 1);
            QCOMPARE(imported.first().at(0).toInt(), 2); // this year's and next year's
            QVERIFY(imported.first().at(1).toString().isEmpty());
            // The same file again adds nothing; a file that is not iCalendar says so.
            hours->importIcs(ics.fileName());
            QTRY_COMPARE(imported.size(), 2);
            QCOMPARE(imported.at(1).at(0).toInt(), 0);
            hours->importIcs(QStringLiteral("/nonexistent/holidays.ics"));
            QTRY_COMPARE(imported.size(), 3);
            QVERIFY(!imported.at(2).at(1).toString().isEmpty());
            QCOMPARE(hours->findChild<QTableWidget *>(QStringLiteral("closures"))->rowCount(), 2);
            // The automatic reply: the default at first, then the team's own words.
            auto *autoReply = hours->findChild<QPlainTextEdit *>(QStringLiteral("autoReply"));
            QVERIFY(autoReply && autoReply->isEnabled());
            QCOMPARE(autoReply->toPlainText(), BusinessCalendar::DefaultAutoReply);
            autoReply->setPlainText(QStringLiteral("Billing is closed. We open {opening}."));
            // And in hours, a word when the wait is over 45 minutes (in the default words).
            auto *busyAfter = hours->findChild<QSpinBox *>(QStringLiteral("busyAfter"));
            QVERIFY(busyAfter);
            QCOMPARE(busyAfter->value(), 0);
            QVERIFY(!hours->findChild<QPlainTextEdit *>(QStringLiteral("busyReply"))->isEnabled());
            busyAfter->setValue(45);
            QVERIFY(hours->findChild<QPlainTextEdit *>(QStringLiteral("busyReply"))->isEnabled());
            hours->accept();
            QVERIFY(hoursText->text().endsWith(QLatin1String("(Europe/Berlin); 2 closures")));
            QTest::mouseClick(teams->findChild<QPushButton *>(QStringLiteral("teamSave")),
                              Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(billing()->calendar.has_value(), Slow);
            QCOMPARE(billing()->calendar->zone().id(), QByteArray("Europe/Berlin"));
            QCOMPARE(billing()->calendar->week().size(), 5);
            QCOMPARE(billing()->calendar->closures().size(), 2);
            QCOMPARE(billing()->calendar->closures().first().name, QStringLiteral("Christmas Day"));
            QCOMPARE(billing()->calendar->closures().first().from.time(), QTime(0, 0));
            QCOMPARE(billing()->calendar->autoReply(),
                     QStringLiteral("Billing is closed. We open {opening}."));
            QCOMPARE(billing()->calendar->busyAfterMinutes(), std::optional<int>(45));
            QVERIFY(!billing()->calendar->hasOwnBusyReply());
            // Its SLA: a first reply within an hour, urgent ones within 15 minutes.
            auto *slaText = teams->findChild<QLabel *>(QStringLiteral("teamSla"));
            QVERIFY(slaText);
            QCOMPARE(slaText->text(), QStringLiteral("No SLA"));
            QTest::mouseClick(teams->findChild<QPushButton *>(QStringLiteral("editSla")),
                              Qt::LeftButton);
            auto *sla = teams->findChild<SlaEditor *>();
            QVERIFY(sla);
            sla->addRule(SlaRule{std::nullopt, std::nullopt, {3600, 0, 2 * 24 * 3600}});
            sla->addRule(SlaRule{std::nullopt, 4, {15 * 60, 0, 0}});
            sla->addRule(SlaRule{std::nullopt, 2, {0, 0, 0}}); // no target: left out
            QCOMPARE(sla->rules()->rowCount(), 3);
            sla->findChild<QSpinBox *>(QStringLiteral("slaWarnAt"))->setValue(75);
            sla->accept();
            QCOMPARE(slaText->text(),
                     QStringLiteral("first reply 1 h, resolution 2 d; 1 more rule"));
            QTest::mouseClick(teams->findChild<QPushButton *>(QStringLiteral("teamSave")),
                              Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(billing()->sla.has_value(), Slow);
            QCOMPARE(billing()->sla->warnPercent, 75);
            QCOMPARE(billing()->sla->rules.size(), 2);
            QCOMPARE(billing()->sla->targetsFor(1, 4).firstReply, 15 * 60);
            QCOMPARE(billing()->sla->targetsFor(1, 0).resolution, 2 * 24 * 3600);
            // The hours were kept, and their automatic reply: a save sends both.
            QCOMPARE(billing()->calendar->week().size(), 5);
            QCOMPARE(billing()->calendar->autoReply(),
                     QStringLiteral("Billing is closed. We open {opening}."));
            auto *inboxName = teams->findChild<QLineEdit *>(QStringLiteral("inboxName"));
            auto *owner = teams->findChild<QComboBox *>(QStringLiteral("inboxTeam"));
            QVERIFY(inboxName && owner);
            QTest::keyClicks(inboxName, QStringLiteral("Billing site"));
            owner->setCurrentIndex(owner->findData(billing()->id));
            QTest::mouseClick(teams->findChild<QPushButton *>(QStringLiteral("inboxSave")),
                              Qt::LeftButton);
            const auto site = [&sam]() -> std::optional<Inbox> {
                for (const Inbox &i : sam.session()->cache().inboxes())
                    if (i.name == QLatin1String("Billing site"))
                        return i;
                return std::nullopt;
            };
            QTRY_VERIFY_WITH_TIMEOUT(site().has_value(), Slow);
            QCOMPARE(site()->teamId, billing()->id);
            QCOMPARE(site()->channel, QStringLiteral("web"));
            // A second team of the same name is refused, and the dialog says so.
            QPushButton *newTeam = nullptr;
            for (QPushButton *b : teams->findChildren<QPushButton *>())
                if (b->text() == QLatin1String("New Team"))
                    newTeam = b;
            QVERIFY(newTeam);
            QTest::mouseClick(newTeam, Qt::LeftButton);
            QTest::keyClicks(teamName, QStringLiteral("billing"));
            QTest::mouseClick(teams->findChild<QPushButton *>(QStringLiteral("teamSave")),
                              Qt::LeftButton);
            auto *teamError = teams->findChild<QLabel *>(QStringLiteral("teamError"));
            QTRY_VERIFY_WITH_TIMEOUT(!teamError->isHidden(), Slow);
            int named = 0;
            for (const Team &t : sam.session()->cache().teams())
                named += t.name.compare(QLatin1String("billing"), Qt::CaseInsensitive) == 0;
            QCOMPARE(named, 1);
            teams->close();

            // Capacity: Dana gets a fifth slot.
            w->openTeamDialog();
            auto *team = w->findChild<TeamDialog *>();
            QVERIFY(team);
            QSpinBox *capacity = team->capacityBox(m_dana);
            QVERIFY(capacity);
            QTRY_COMPARE_WITH_TIMEOUT(capacity->value(), 4, Slow);
            QVERIFY(capacity->isEnabled());
            capacity->setValue(5);
            QTRY_COMPARE_WITH_TIMEOUT(cachedCapacity(m_dana), 5, Slow);
            QTRY_VERIFY(team->errorLabel()->isHidden());
            // Dana's load shows from the queue figures: her four chats.
            const int row = w->team()->rowOf(m_dana);
            QTRY_COMPARE_WITH_TIMEOUT(
                w->team()->index(row, 0).data(AgentPresenceModel::ActiveChatsRole).toInt(), 4,
                Slow);
            team->close();
        }
        activate(window());
        // Dana's popup has the new one.
        ChatPane *pane = deck()->panes().first();
        pane->focusComposer();
        QTRY_VERIFY(pane->composer()->hasFocus());
        QTest::keyClick(pane->composer(), Qt::Key_Slash);
        QTRY_VERIFY(pane->cannedPopup()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(pane->cannedPopup()->list()->model()->rowCount(), 3, Slow);
        QTest::keyClick(pane->cannedPopup()->searchField(), Qt::Key_Escape);
        pane->composer()->clear();
    }

    //! The README's picture: four chats, an offer for the fifth slot, the queue.
    void screenshot()
    {
        // Ben keeps his chat but takes no new ones: the next customer is Dana's to take.
        QVERIFY(isOk(m_ben->request(QStringLiteral("presence"),
                                    {{QStringLiteral("status"), QStringLiteral("busy")}})));
        ChatPane *priya = deck()->pane(m_customers[QStringLiteral("Priya Nair")].conversation);
        priya->focusComposer();
        QTest::keyClicks(priya->composer(), QStringLiteral("Let me look into that right away."));
        QTest::keyClick(priya->composer(), Qt::Key_Return);
        QVERIFY(say(m_customers[QStringLiteral("Priya Nair")],
                    QStringLiteral("Thanks! It's the Premium plan, both on the 3rd.")));
        QTest::keyClicks(priya->composer(), QStringLiteral("I can see both charges, "));
        QVERIFY(say(m_customers[QStringLiteral("Maria García")],
                    QStringLiteral("Thank you! Should I still be home tomorrow?")));
        ChatPane *kenji = deck()->pane(m_customers[QStringLiteral("Kenji Watanabe")].conversation);
        kenji->focusComposer();
        QTest::keyClicks(kenji->composer(), QStringLiteral("Done: your order now has a medium. "
                                                           "Anything else I can do?"));
        QTest::keyClick(kenji->composer(), Qt::Key_Return);
        const QString dir = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            // For the picture only: customers who have waited long enough to show in amber.
            ChatPane *maria =
                deck()->pane(m_customers[QStringLiteral("Maria García")].conversation);
            QTRY_VERIFY_WITH_TIMEOUT(maria->waitingSeconds() > LiveTimes::AmberAfterSeconds + 2,
                                     120000);
        }
        priya->focusComposer();
        ChatCustomer &lukas = startChat(QStringLiteral("Lukas Becker"),
                                        QStringLiteral("Hello, is anyone available to help with a "
                                                       "return?"));
        QVERIFY(waitBanner(lukas.conversation));
        QTRY_VERIFY_WITH_TIMEOUT(
            !deck()
                 ->pane(m_customers[QStringLiteral("Maria García")].conversation)
                 ->unreadLabel()
                 ->isHidden(),
            Slow);
        // One tick of the clocks.
        const QString clock = priya->durationLabel()->text();
        QTRY_VERIFY_WITH_TIMEOUT(priya->durationLabel()->text() != clock, Slow);
        const QPixmap shot = window()->grab();
        QVERIFY(!shot.isNull());
        QCOMPARE(shot.size() / shot.devicePixelRatio(), QSize(1400, 900));
        if (!dir.isEmpty())
            QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("deck.png"))));

        // Lukas chooses to leave a message instead: the offer is withdrawn.
        QVERIFY(isOk(lukas.client->request(
            QStringLiteral("followup"), {{QStringLiteral("conversation"), lukas.conversation}})));
        QTRY_VERIFY_WITH_TIMEOUT(!window()->offerStrip()->banner(lukas.conversation), Slow);
        QVERIFY(!deck()->pane(lukas.conversation));
    }

    //! On a wide window the inbox stands beside the deck instead of behind a tab; on a
    //! narrow one again, the tabs come back as they were.
    void aWideWindowShowsTheInboxBesideTheDeck()
    {
        QCOMPARE(window()->tabs()->currentWidget(), deck());
        window()->resize(1920, 1000);
        QTRY_VERIFY(window()->workspace()->isWide());
        QVERIFY(deck()->isVisible());
        QVERIFY(window()->inbox()->isVisible());
        QVERIFY(!window()->tabs()->isVisible());
        QVERIFY(window()->workspace()->isShowing(Workspace::Inbox));
        QVERIFY(window()->workspace()->isShowing(Workspace::Deck));
        // The chats typed into keep what was typed.
        ChatPane *priya = deck()->pane(m_customers[QStringLiteral("Priya Nair")].conversation);
        QVERIFY(priya->composer()->toPlainText().startsWith(QLatin1String("I can see both")));
        if (const QString dir = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window()->grab().save(QDir(dir).filePath(QStringLiteral("workspace.png"))));
        window()->resize(1400, 900);
        QTRY_VERIFY(!window()->workspace()->isWide());
        QCOMPARE(window()->tabs()->count(), 2);
        QCOMPARE(window()->tabs()->currentWidget(), deck());
        QVERIFY(deck()->isVisible());
        QVERIFY(priya->composer()->toPlainText().startsWith(QLatin1String("I can see both")));
    }

    //! Accepting an offer that is no longer there (it lapsed, or the frame saying so was
    //! lost) is refused by the server: the agent is told, and nothing breaks.
    void staleOfferAcceptShowsAnError()
    {
        QVERIFY(m_acceptedOffer);
        Offer stale = *m_acceptedOffer;
        stale.localDeadline = QDateTime::currentDateTimeUtc().addSecs(20);
        window()->offers()->add(stale);
        OfferBanner *banner = waitBanner(stale.conversation.id);
        QVERIFY(banner);
        const int panes = int(deck()->panes().size());
        QTest::mouseClick(banner->acceptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window()->offerStrip()->noticeLabel()->text().isEmpty(), Slow);
        QVERIFY2(
            window()->offerStrip()->noticeLabel()->text().contains(QStringLiteral("no longer")),
            qPrintable(window()->offerStrip()->noticeLabel()->text()));
        QVERIFY(window()->offerStrip()->noticeLabel()->isVisible());
        QTRY_VERIFY(!window()->offerStrip()->banner(stale.conversation.id));
        QCOMPARE(int(deck()->panes().size()), panes);
        QCOMPARE(m_app->session()->sync().state(), SyncClient::State::Online);
    }

    //! Transfer: a colleague at capacity is refused (the dialog says so and stays); one with
    //! room gets the chat and the note, and it leaves Dana's deck.
    void transferMovesTheChatToAColleague()
    {
        QVERIFY(isOk(m_ben->request(QStringLiteral("presence"),
                                    {{QStringLiteral("status"), QStringLiteral("online")}})));
        QVERIFY(setCapacity(m_ben_id, 1)); // Ben has Tomás: full
        QTRY_COMPARE_WITH_TIMEOUT(cachedCapacity(m_ben_id), 1, Slow);
        ChatCustomer &priya = m_customers[QStringLiteral("Priya Nair")];
        ChatPane *pane = deck()->pane(priya.conversation);
        pane->transferAction()->trigger();
        auto *dialog = window()->findChild<TransferDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->selectAgent(m_ben_id), Slow);
        // Only online colleagues are offered, never the agent herself.
        for (int row = 0; row < dialog->agentList()->count(); ++row)
            QVERIFY(dialog->agentList()->item(row)->data(Qt::UserRole).toLongLong() != m_dana);
        const QString note =
            QStringLiteral("Charged twice for Premium on the 3rd, please refund one.");
        QTest::keyClicks(dialog->noteField(), note);
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorLabel()->isHidden(), Slow);
        QVERIFY2(dialog->errorLabel()->text().contains(QStringLiteral("cannot take")),
                 qPrintable(dialog->errorLabel()->text()));
        QVERIFY(dialog->isVisible());
        QVERIFY(deck()->pane(priya.conversation));

        QVERIFY(setCapacity(m_ben_id, 4));
        QTRY_COMPARE_WITH_TIMEOUT(cachedCapacity(m_ben_id), 4, Slow);
        QTRY_VERIFY(dialog->selectAgent(m_ben_id));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!deck()->pane(priya.conversation), Slow);
        QTRY_VERIFY(!window()->findChild<TransferDialog *>() || !dialog->isVisible());
        const QJsonObject transferred =
            waitEventAbout(*m_ben, QStringLiteral("conversation.transferred"), priya.conversation);
        QVERIFY2(!transferred.isEmpty(), "Ben was not told of the transfer");
        QCOMPARE(data(transferred).value(QLatin1String("note")).toString(), note);
        QCOMPARE(integer(data(transferred).value(QLatin1String("to")).toObject(), "id"), m_ben_id);
        // The draft Dana left in that chat is still hers, kept for the conversation.
        QCOMPARE(deck()->panes().size(), 3);
        const auto summary = m_app->session()->cache().conversation(priya.conversation);
        QVERIFY(summary);
        QCOMPARE(summary->assigneeId, m_ben_id);
    }

    void endChatLeavesTheDeck()
    {
        ChatCustomer &maria = m_customers[QStringLiteral("Maria García")];
        ChatPane *pane = deck()->pane(maria.conversation);
        QVERIFY(pane);
        pane->focusComposer();
        // Keyboard: Ctrl+Shift+E ends the chat whose composer has the focus, once confirmed
        // (Escape thinks better of it, Enter ends it).
        activate(window());
        QTRY_VERIFY(pane->composer()->hasFocus());
        const auto confirmation = [pane] {
            auto *box = pane->findChild<QMessageBox *>(QStringLiteral("confirmEnd"));
            return box && box->isVisible() ? box : nullptr;
        };
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(confirmation());
        QVERIFY(confirmation()->text().contains(QStringLiteral("Maria García")));
        QTest::keyClick(confirmation(), Qt::Key_Escape);
        QTRY_VERIFY(!confirmation());
        // Nothing was asked of the server: sending says "Ending the chat…" at once.
        QVERIFY(pane->noticeLabel()->isHidden());
        QVERIFY(deck()->pane(maria.conversation));
        QCOMPARE(m_app->session()->cache().conversation(maria.conversation)->liveState,
                 LiveState::Active);
        activate(window());
        pane->focusComposer();
        QTRY_VERIFY(pane->composer()->hasFocus());
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(confirmation());
        QTest::keyClick(confirmation(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!deck()->pane(maria.conversation), Slow);
        QCOMPARE(deck()->panes().size(), 2);
        // The next chat takes the keyboard (once the window is active again after the
        // confirmation, which the offscreen platform leaves to the test).
        activate(window());
        QTRY_VERIFY(deck()->panes().first()->composer()->hasFocus());
        const QJsonObject ended = waitEventAbout(
            *maria.client, QStringLiteral("conversation.updated"), maria.conversation);
        QVERIFY(!ended.isEmpty());
        const auto summary = m_app->session()->cache().conversation(maria.conversation);
        QVERIFY(summary);
        QCOMPARE(summary->liveState, LiveState::Ended);
        QCOMPARE(summary->status, QStringLiteral("resolved"));
        // Ending it again changes nothing and is no error.
        QVERIFY(isOk(m_sam->request(QStringLiteral("end"),
                                    {{QStringLiteral("conversation"), maria.conversation}})));

        // Maria rates the chat: her rating and words are on the conversation, as she wrote
        // them (markup stays text).
        const QString words = QStringLiteral("Quick <b>and</b> kind");
        QVERIFY(isOk(maria.client->request(QStringLiteral("rate"),
                                           {{QStringLiteral("conversation"), maria.conversation},
                                            {QStringLiteral("score"), 4},
                                            {QStringLiteral("comment"), words}})));
        // She is told, who handled the chat, once.
        QLabel *notice = window()->offerStrip()->noticeLabel();
        QTRY_COMPARE_WITH_TIMEOUT(notice->text(),
                                  RatingWatcher::describe(QStringLiteral("Maria García"), 4, words),
                                  Slow);
        QCOMPARE(notice->textFormat(), Qt::PlainText);
        QCOMPARE(window()->notifier()->lastMessage(), notice->text());
        window()->offerStrip()->showNotice(QString()); // dismissed
        window()->openConversation(maria.conversation);
        QLabel *rating = window()->conversationView()->ratingLabel();
        QTRY_VERIFY_WITH_TIMEOUT(rating->isVisible(), Slow);
        QCOMPARE(rating->text(), ConversationView::ratingText(4, words));
        QVERIFY(rating->text().contains(QStringLiteral("4 of 5")));
        QVERIFY(rating->text().contains(words));
        QCOMPARE(rating->textFormat(), Qt::PlainText);
        // Another conversation, not rated: no rating shown.
        window()->openConversation(m_customers[QStringLiteral("Kenji Watanabe")].conversation);
        QVERIFY(!rating->isVisible());
    }

    void followUpMovesTheChatToTheInbox()
    {
        ChatCustomer &amelia = m_customers[QStringLiteral("Amelia Clarke")];
        ChatPane *pane = deck()->pane(amelia.conversation);
        QVERIFY(pane);
        pane->followupAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!deck()->pane(amelia.conversation), Slow);
        QCOMPARE(deck()->panes().size(), 1);
        const auto summary = m_app->session()->cache().conversation(amelia.conversation);
        QVERIFY(summary);
        QCOMPARE(summary->mode, ConversationMode::Async);
        QCOMPARE(summary->assigneeId, m_dana);
        // Still in the inbox, to answer later.
        QVERIFY(window()->inbox()->conversations()->rowOf(amelia.conversation) >= 0);
        window()->openConversation(amelia.conversation);
        QCOMPARE(window()->tabs()->currentIndex(), 1);
        const QJsonObject update = waitEventAbout(
            *amelia.client, QStringLiteral("conversation.updated"), amelia.conversation);
        QVERIFY(!update.isEmpty());
    }

    //! The customer ends the chat while the agent is writing: the pane stays, says so and
    //! keeps what was typed, until the agent closes it.
    void aChatTheCustomerEndsStaysWithWhatWasTyped()
    {
        QVERIFY(!deck()->panes().isEmpty());
        ChatPane *pane = deck()->panes().first();
        ChatCustomer *customer = nullptr;
        for (auto &[name, c] : m_customers) {
            if (c.conversation == pane->conversation())
                customer = &c;
        }
        QVERIFY(customer && customer->client);
        const int live = deck()->liveCount();
        pane->focusComposer();
        QTest::keyClicks(pane->composer(), QStringLiteral("Let me check the order for"));
        QVERIFY(isOk(customer->client->request(
            QStringLiteral("end"), {{QStringLiteral("conversation"), customer->conversation}})));
        QTRY_VERIFY_WITH_TIMEOUT(pane->isEnded(), Slow);
        QCOMPARE(deck()->pane(customer->conversation), pane);
        QVERIFY(pane->noticeLabel()->text().contains(QStringLiteral("has ended")));
        QVERIFY(pane->noticeLabel()->text().contains(QStringLiteral("kept")));
        QCOMPARE(pane->composer()->toPlainText(), QStringLiteral("Let me check the order for"));
        QVERIFY(pane->composer()->isReadOnly());
        QVERIFY(!pane->endAction()->isEnabled());
        QCOMPARE(deck()->liveCount(), live - 1);
        // Closing it (Ctrl+Shift+E works too) takes it off the deck.
        pane->closeAction()->trigger();
        QTRY_VERIFY(!deck()->pane(customer->conversation));
    }

    //! The server sends queue figures when they change, not as time passes: the status bar
    //! counts the longest wait on between them.
    void theQueuesLongestWaitCountsOnBetweenFigures()
    {
        LocalCache cache;
        SyncClient sync(cache);
        QueueIndicator indicator(sync);
        const QDateTime arrived = QDateTime::currentDateTimeUtc();
        QueueStats stats;
        stats.waiting = 2;
        stats.longestWaitSeconds = 40;
        stats.receivedAt = arrived;
        indicator.show(stats);
        QCOMPARE(indicator.text(), QStringLiteral("Queue: 2 waiting, longest 0:40"));
        indicator.tick(arrived.addSecs(75));
        QCOMPARE(indicator.text(), QStringLiteral("Queue: 2 waiting, longest 1:55"));
        // The wait crossed the red line on its own (180 s).
        indicator.tick(arrived.addSecs(150));
        const QColor red = LiveTimes::colorOf(LiveTimes::Urgency::Red,
                                              indicator.palette().color(QPalette::Window));
        QVERIFY(indicator.styleSheet().contains(red.name()));
        stats.waiting = 0;
        stats.longestWaitSeconds = 0;
        indicator.show(stats);
        indicator.tick(arrived.addSecs(600));
        QCOMPARE(indicator.text(), QStringLiteral("Queue: empty"));
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_customers.clear();
    }
};

int main(int argc, char *argv[])
{
    const DesktopTest::TemporaryHome home;
    if (!home.isValid())
        return 1;
    // No keychain is needed (the token comes from the environment) and none may be reached.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    return DesktopTest::exec<TestDeck>(argc, argv);
}

#include "tst_deck.moc"
