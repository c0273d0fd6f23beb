// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: the desktop app's real windows against the real tandemd binary, with a test
// client playing the customer. No keychain is needed: the sign-in is not remembered, and
// the later starts take their token from TANDEM_SESSION_TOKEN.
#include "auth/credentialstore.h"
#include "conversations/conversationlistview.h"
#include "conversations/inboxpanel.h"
#include "desktoptest.h"
#include "main/mainwindow.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "search/searchresultsmodel.h"
#include "shell/agentsession.h"
#include "shell/desktopapplication.h"
#include "shell/desktopoptions.h"
#include "shell/profile.h"
#include "signin/signindialog.h"
#include "status/connectionindicator.h"
#include "tandemdprocess.h"
#include "testclient.h"
#include "thread/composer.h"
#include "thread/conversationactions.h"
#include "thread/conversationview.h"
#include "thread/messagedelegate.h"
#include "thread/messagelistview.h"

#include <QAbstractItemModelTester>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>

using namespace Tandem;
using namespace DesktopTest;

namespace {
const QString Email = QStringLiteral("dana@example.com");
const QString Password = QStringLiteral("correct horse battery");
const QString Colleague = QStringLiteral("sam@example.com");
const QString Profile1 = QStringLiteral("e2e");
const QString FirstMessage = QStringLiteral("My order #1234 is late, can you check the parcel?");

MessageListModel::State stateOf(const QAbstractItemModel *model, const QString &text)
{
    const QList<int> rows = rowsWithText(model, text);
    if (rows.isEmpty())
        return MessageListModel::State::Failed;
    return model->index(rows.constLast(), 0)
        .data(MessageListModel::StateRole)
        .value<MessageListModel::State>();
}

//! Every state a reply's row went through, in order, as the view saw them.
class StateRecorder : public QObject
{
public:
    StateRecorder(QAbstractItemModel *model, const QString &text)
        : m_model(model)
        , m_text(text)
    {
        const auto note = [this] { record(); };
        connect(model, &QAbstractItemModel::rowsInserted, this, note);
        connect(model, &QAbstractItemModel::rowsMoved, this, note);
        connect(model, &QAbstractItemModel::dataChanged, this, note);
        connect(model, &QAbstractItemModel::modelReset, this, note);
    }
    QList<MessageListModel::State> states;

private:
    void record()
    {
        if (rowsWithText(m_model, m_text).isEmpty())
            return;
        const MessageListModel::State state = stateOf(m_model, m_text);
        if (states.isEmpty() || states.constLast() != state)
            states.append(state);
    }
    QAbstractItemModel *m_model;
    QString m_text;
};
} // namespace

class TestDesktop : public QObject
{
    Q_OBJECT

private:
    TandemdProcess m_server;
    std::unique_ptr<TestClient> m_customer;
    QString m_customerToken;
    qint64 m_conversation = 0;

    //! Kept: the server comes back on the same port, and the cache is per server address.
    QString m_serverUrl;

    QString serverUrl() const { return m_serverUrl; }

    QString freshToken()
    {
        TestClient agent;
        if (!agent.open(m_server.wsUrl(QStringLiteral("/ws/agent"))))
            return {};
        return agent.agentSignIn(Email, Password).value(QLatin1String("token")).toString();
    }

    //! Starts the app as later starts (and the demo script) do: with a token, no keychain.
    bool startWithToken(DesktopApplication &app, const QString &token,
                        const QString &profile = Profile1)
    {
        qputenv("TANDEM_SESSION_TOKEN", token.toUtf8());
        const bool started = app.start(
            QStringList{QStringLiteral("tandem"), QStringLiteral("--profile"), profile,
                        QStringLiteral("--server"), serverUrl(), QStringLiteral("--email"), Email});
        qunsetenv("TANDEM_SESSION_TOKEN");
        return started;
    }

    //! Whether any file the app may write (settings, cache, data) contains `secret`.
    static bool writtenToDisk(const QString &secret)
    {
        for (const char *variable : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"}) {
            QDirIterator it(qEnvironmentVariable(variable), QDir::Files | QDir::Hidden,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret.toUtf8()))
                    return true;
            }
        }
        return false;
    }

    static void signInThroughDialog(SignInDialog *dialog, const QString &url, bool remember)
    {
        auto *server = dialog->findChild<QLineEdit *>(QStringLiteral("server"));
        auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("email"));
        auto *checkbox = dialog->findChild<QCheckBox *>(QStringLiteral("remember"));
        server->clear();
        QTest::keyClicks(server, url);
        email->clear();
        QTest::keyClicks(email, Email);
        checkbox->setChecked(remember);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("password")), Password);
        QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("password")), Qt::Key_Return);
    }

    static void openInList(MainWindow *window, qint64 conversation)
    {
        ConversationListView *list = window->inbox()->conversationList();
        const int row = window->inbox()->conversations()->rowOf(conversation);
        QVERIFY(row >= 0);
        // As the user does it: the arrow keys or a click make the row current.
        list->setCurrentIndex(list->model()->index(row, 0));
        QCOMPARE(window->conversationView()->conversation(), conversation);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_serverUrl = m_server.httpUrl(QString()).toString();
        QVERIFY(m_server.addAgent(Email, QStringLiteral("Dana Demo"), Password));
        QVERIFY(m_server.addAgent(Colleague, QStringLiteral("Sam Lead"), Password));
        m_customer = std::make_unique<TestClient>();
        QVERIFY(m_customer->open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        const QJsonObject hello = m_customer->customerHello(QStringLiteral("Ada Lovelace"));
        QVERIFY(!hello.isEmpty());
        m_customerToken = hello.value(QLatin1String("token")).toString();
        const QJsonObject sent = m_customer->request(
            QStringLiteral("send"),
            {{QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("text"), FirstMessage}});
        m_conversation = integer(data(sent).value(QLatin1String("conversation")).toObject(), "id");
        QVERIFY(m_conversation > 0);
        m_customer->takeEvents(QStringLiteral("message.created"), TestClient::Settle::AfterPing);
    }

    void options_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("outcome");
        const int run = int(DesktopOptions::Outcome::Run);
        const int error = int(DesktopOptions::Outcome::Error);
        QTest::newRow("nothing") << QStringList{} << QByteArray() << run;
        QTest::newRow("profile") << QStringList{QStringLiteral("--profile"),
                                                QStringLiteral("work-2")}
                                 << QByteArray() << run;
        QTest::newRow("bad profile")
            << QStringList{QStringLiteral("--profile"), QStringLiteral("../x")} << QByteArray()
            << error;
        QTest::newRow("bad server")
            << QStringList{QStringLiteral("--server"), QStringLiteral("http://")} << QByteArray()
            << error;
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("what")} << QByteArray() << error;
        QTest::newRow("token without server")
            << QStringList{QStringLiteral("--email"), Email} << QByteArray("t") << error;
        QTest::newRow("token with both")
            << QStringList{QStringLiteral("--email"), Email, QStringLiteral("--server"),
                           QStringLiteral("help.example.com")}
            << QByteArray("t") << run;
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << QByteArray()
                              << int(DesktopOptions::Outcome::ShowHelp);
    }

    void options()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, token);
        QFETCH(int, outcome);
        if (!token.isEmpty())
            qputenv("TANDEM_SESSION_TOKEN", token);
        DesktopOptions options;
        const auto result = options.parse(QStringList{QStringLiteral("tandem")} + arguments);
        qunsetenv("TANDEM_SESSION_TOKEN");
        QCOMPARE(int(result), outcome);
        if (result == DesktopOptions::Outcome::Error)
            QVERIFY(!options.text().isEmpty());
    }

    //! The icons are embedded (qt_add_resources) and render: the SVG plug-in is there.
    void iconsAreEmbedded()
    {
        for (const char *name : {"tandem", "search", "send"}) {
            const QString path = QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name));
            QVERIFY2(QFile::exists(path), qPrintable(path));
            QVERIFY2(!QIcon(path).pixmap(32, 32).isNull(), qPrintable(path));
        }
        QVERIFY(!QGuiApplication::windowIcon().isNull());
    }

    //! First start: sign in through the dialog, answer the customer, see the reply sent.
    void signInAndReply()
    {
        DesktopApplication app;
        QVERIFY(app.start({QStringLiteral("tandem"), QStringLiteral("--profile"), Profile1}));
        QVERIFY(!app.mainWindow());
        SignInDialog *dialog = app.signInDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());

        auto *server = dialog->findChild<QLineEdit *>(QStringLiteral("server"));
        auto *email = dialog->findChild<QLineEdit *>(QStringLiteral("email"));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        auto *remember = dialog->findChild<QCheckBox *>(QStringLiteral("remember"));
        QVERIFY(server && email && password && remember);
        server->clear();
        QTest::keyClicks(server, serverUrl());
        QTest::keyClicks(email, Email);
        if (remember->isChecked())
            QTest::mouseClick(remember, Qt::LeftButton, {}, QPoint(4, remember->height() / 2));
        QVERIFY(!remember->isChecked()); // no keychain needed
        // A wrong password first: the dialog says so and stays.
        QTest::keyClicks(password, QStringLiteral("wrong"));
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->message().isEmpty(), 15000);
        QCOMPARE(dialog->message(), SignInDialog::describe({ErrorCode::BadCredentials, {}}));
        QVERIFY(!app.mainWindow());
        password->clear();
        QTest::keyClicks(password, Password);
        // Enter again, after a failure: it must still mean "sign in", never "quit".
        QTest::keyClick(password, Qt::Key_Return);

        QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow() && app.mainWindow()->isVisible(), 15000);
        MainWindow *window = app.mainWindow();
        AgentSession *session = app.session();
        QTRY_COMPARE_WITH_TIMEOUT(session->sync().state(), SyncClient::State::Online, 15000);
        QCOMPARE(window->connectionIndicator()->stateText(), QStringLiteral("Online"));
        QTRY_VERIFY(window->inbox()->conversations()->rowOf(m_conversation) >= 0);
        QVERIFY(!app.profile()->tokenStored());
        QCOMPARE(app.profile()->lastEmail(), Email);

        openInList(window, m_conversation);
        ConversationView *view = window->conversationView();
        QAbstractItemModel *messages = view->messages();
        QTRY_VERIFY(!rowsWithText(messages, FirstMessage).isEmpty());

        // Enter sends; Shift+Enter is a new line inside the reply.
        const QString reply = QStringLiteral("Let me check that for you.\nOne moment, please.");
        // The customer's typing shows; the agent's reaches the customer.
        QCOMPARE(m_customer
                     ->request(QStringLiteral("typing"),
                               {{QStringLiteral("conversation"), m_conversation},
                                {QStringLiteral("on"), true}})
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("ok"));
        QTRY_COMPARE(view->typingLabel()->text(), QStringLiteral("Ada Lovelace is typing…"));

        StateRecorder recorder(messages, reply);
        Composer *composer = view->composer();
        QTest::keyClicks(composer, QStringLiteral("Let me check that for you."));
        const QJsonObject typing = m_customer->waitFrame([](const QJsonObject &f) {
            return f.value(QLatin1String("type")).toString() == QLatin1String("typing");
        });
        QVERIFY(typing.value(QLatin1String("on")).toBool());
        QCOMPARE(typing.value(QLatin1String("author"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("Dana Demo"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer, QStringLiteral("One moment, please."));
        QCOMPARE(composer->toPlainText(), reply);
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(composer->toPlainText().isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(stateOf(messages, reply), MessageListModel::State::Sent, 15000);
        QCOMPARE(rowsWithText(messages, reply).size(), 1);
        QVERIFY2(recorder.states.size() >= 2, "the reply was never shown as sending");
        QCOMPARE(recorder.states.constFirst(), MessageListModel::State::Sending);
        QCOMPARE(recorder.states.constLast(), MessageListModel::State::Sent);
        const int row = rowsWithText(messages, reply).constFirst();
        QCOMPARE(MessageDelegate::authorText(messages->index(row, 0)), QStringLiteral("Dana Demo"));
        QTRY_COMPARE(window->connectionIndicator()->outboxText(), QStringLiteral("Outbox: 0"));

        // The customer got it, from the agent.
        const QJsonObject event = m_customer->waitFrame([&](const QJsonObject &f) {
            return data(f)
                       .value(QLatin1String("message"))
                       .toObject()
                       .value(QLatin1String("text"))
                       .toString()
                   == reply;
        });
        QVERIFY(!event.isEmpty());
        QCOMPARE(data(event)
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("author"))
                     .toObject()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("agent"));

        // Ctrl+Enter sends too.
        const QString second = QStringLiteral("Found it: it ships today.");
        QTest::keyClicks(composer, second);
        QTest::keyClick(composer, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(messages, second), MessageListModel::State::Sent, 15000);
        QVERIFY(!m_customer
                     ->waitFrame([&](const QJsonObject &f) {
                         return data(f)
                                    .value(QLatin1String("message"))
                                    .toObject()
                                    .value(QLatin1String("text"))
                                    .toString()
                                == second;
                     })
                     .isEmpty());
        session->cache().flush();
    }

    //! Later start with the server down: the cache shows at once, search works, a reply
    //! waits in the outbox and goes out exactly once when the server is back.
    void offlineStartThenReconnect()
    {
        const QString token = freshToken();
        QVERIFY(!token.isEmpty());
        const qint64 customerSeq = m_customer->lastSeq();
        m_customer.reset();
        m_server.kill();

        QString offline;
        {
            DesktopApplication app;
            QElapsedTimer opening;
            opening.start();
            QVERIFY(startWithToken(app, token));
            // At once: no waiting for the network.
            MainWindow *window = app.mainWindow();
            QVERIFY(window);
            QVERIFY(window->isVisible());
            QVERIFY(!app.signInDialog());
            qInfo("main window from the cache in %lld ms", opening.elapsed());
            QVERIFY(window->inbox()->conversations()->rowOf(m_conversation) >= 0);
            openInList(window, m_conversation);
            QAbstractItemModel *messages = window->conversationView()->messages();
            QVERIFY(!rowsWithText(messages, FirstMessage).isEmpty());
            QVERIFY(!rowsWithText(messages, QStringLiteral("Found it: it ships today.")).isEmpty());

            // The status bar says we are not connected and counts down to the next attempt.
            ConnectionIndicator *indicator = window->connectionIndicator();
            QTRY_VERIFY_WITH_TIMEOUT(indicator->stateText().contains(QStringLiteral("reconnecting"),
                                                                     Qt::CaseInsensitive),
                                     10000);
            QVERIFY(indicator->stateText().startsWith(QStringLiteral("Offline")));

            // Search, offline, from the cache's full-text index.
            InboxPanel *inbox = window->inbox();
            QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
            QTRY_VERIFY(inbox->searchField()->hasFocus());
            QTest::keyClicks(inbox->searchField(), QStringLiteral("parcel"));
            QTRY_COMPARE(inbox->results()->rowCount(), 1);
            QVERIFY(inbox->searchResults()->isVisible());
            const QModelIndex hit = inbox->results()->index(0, 0);
            QCOMPARE(hit.data(ConversationListModel::IdRole).toLongLong(), m_conversation);
            QCOMPARE(hit.data(ConversationListModel::CustomerNameRole).toString(),
                     QStringLiteral("Ada Lovelace"));
            QCOMPARE(hit.data(ConversationListModel::LastTextRole).toString(), FirstMessage);
            QAbstractItemModelTester tester(inbox->results(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            QTest::keyClick(inbox->searchField(), Qt::Key_Escape);
            QTRY_VERIFY(inbox->searchField()->text().isEmpty());
            QCOMPARE(window->conversationView()->conversation(), m_conversation);

            // A reply written offline shows as sending and waits in the outbox.
            offline = QStringLiteral("Written while the server was down (%1).")
                          .arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
            Composer *composer = window->conversationView()->composer();
            QTest::keyClicks(composer, offline);
            QTest::keyClick(composer, Qt::Key_Enter);
            QTRY_COMPARE(stateOf(messages, offline), MessageListModel::State::Sending);
            QTRY_COMPARE(indicator->outboxText(), QStringLiteral("Outbox: 1"));
            // It stays so through a reconnect attempt that finds the server still down.
            QSignalSpy attempts(&app.session()->sync(), &SyncClient::stateChanged);
            QTRY_VERIFY(indicator->retryButton()->isVisible());
            indicator->retryButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(std::any_of(attempts.cbegin(), attempts.cend(),
                                                 [](const QList<QVariant> &a) {
                                                     return a.first().value<SyncClient::State>()
                                                            == SyncClient::State::Connecting;
                                                 })
                                         && app.session()->sync().state()
                                                == SyncClient::State::Reconnecting,
                                     15000);
            QCOMPARE(stateOf(messages, offline), MessageListModel::State::Sending);
            // Half a reply, not sent: kept as the conversation's draft.
            QTest::keyClicks(composer, QStringLiteral("A draft"));
        } // quit, still offline

        // Started again, still offline: the reply is still waiting, and counted.
        DesktopApplication app;
        QVERIFY(startWithToken(app, token));
        MainWindow *window = app.mainWindow();
        QVERIFY(window);
        ConnectionIndicator *indicator = window->connectionIndicator();
        QCOMPARE(indicator->outboxText(), QStringLiteral("Outbox: 1"));
        // Back in the conversation the agent left open.
        QCOMPARE(window->conversationView()->conversation(), m_conversation);
        QAbstractItemModel *messages = window->conversationView()->messages();
        QCOMPARE(stateOf(messages, offline), MessageListModel::State::Sending);
        QCOMPARE(window->conversationView()->composer()->toPlainText(), QStringLiteral("A draft"));
        // Set pending while offline: it waits, and the thread says so.
        ConversationView *thread = window->conversationView();
        QVERIFY(app.session()->cache().conversation(m_conversation)->status
                != ConversationStatus::Pending);
        thread->actions()->setPendingNow();
        // Shown at once, ahead of the server's answer, and marked as waiting.
        QTRY_VERIFY(thread->stateLabel()->text().endsWith(
            QStringLiteral(" · 1 change waiting to be sent")));
        QVERIFY2(thread->stateLabel()->text().startsWith(QLatin1String("Pending")),
                 qPrintable(thread->stateLabel()->text()));
        // The list's row says so too.
        ConversationListModel *list = window->inbox()->conversations();
        const auto waitingInList = [list, this] {
            const int row = list->rowOf(m_conversation);
            return row < 0
                       ? -1
                       : list->index(row).data(ConversationListModel::PendingActionsRole).toInt();
        };
        QTRY_COMPARE(waitingInList(), 1);

        // The server comes back where it was; "Retry now" skips the rest of the wait.
        // (The port may still be held by the old process for a moment: try until it binds.)
        QVERIFY(QTest::qWaitFor([this] { return m_server.startOnSamePort(); }, 5000));
        QTRY_VERIFY_WITH_TIMEOUT(indicator->retryButton()->isVisible()
                                     || app.session()->sync().state() == SyncClient::State::Online,
                                 10000);
        if (indicator->retryButton()->isVisible())
            QTest::mouseClick(indicator->retryButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(messages, offline), MessageListModel::State::Sent, 20000);
        QCOMPARE(indicator->stateText(), QStringLiteral("Online"));
        QTRY_COMPARE(indicator->outboxText(), QStringLiteral("Outbox: 0"));
        QCOMPARE(rowsWithText(messages, offline).size(), 1);
        // The status set offline went out too, once: the server's copy says so.
        QTRY_VERIFY_WITH_TIMEOUT(app.session()->cache().pendingActions().isEmpty(), 20000);
        QTRY_COMPARE(app.session()->cache().conversation(m_conversation)->status,
                     ConversationStatus::Pending);
        QTRY_VERIFY(!thread->stateLabel()->text().contains(QLatin1String("waiting to be sent")));
        QTRY_COMPARE(waitingInList(), 0);

        // The customer, back too, receives it exactly once.
        m_customer = std::make_unique<TestClient>();
        QVERIFY(m_customer->open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!m_customer->customerHello(QString(), m_customerToken, customerSeq).isEmpty());
        int copies = 0;
        for (const QJsonObject &e : m_customer->takeEvents(QStringLiteral("message.created"),
                                                           TestClient::Settle::AfterPing)) {
            if (data(e)
                    .value(QLatin1String("message"))
                    .toObject()
                    .value(QLatin1String("text"))
                    .toString()
                == offline)
                ++copies;
        }
        QCOMPARE(copies, 1);
        // And the server holds it once.
        TestClient agent;
        QVERIFY(agent.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!agent.agentHello(token).isEmpty());
        const QJsonObject history = agent.request(
            QStringLiteral("history"), {{QStringLiteral("conversation"), m_conversation}});
        int stored = 0;
        for (const QJsonValue &m : data(history).value(QLatin1String("messages")).toArray())
            stored += m.toObject().value(QLatin1String("text")).toString() == offline ? 1 : 0;
        QCOMPARE(stored, 1);
    }

    //! Signing out from the menu ends the session on the server and returns to the dialog.
    void signOutFromMenu()
    {
        const QString token = freshToken();
        QVERIFY(!token.isEmpty());
        DesktopApplication app;
        QVERIFY(startWithToken(app, token));
        QVERIFY(app.session());
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->sync().state(), SyncClient::State::Online, 15000);
        app.mainWindow()->signOutAction()->trigger();
        QTRY_VERIFY(app.signInDialog() && app.signInDialog()->isVisible());
        QVERIFY(!app.mainWindow());
        QVERIFY(!app.session());
        QCOMPARE(app.signInDialog()->message(), QStringLiteral("You have signed out."));
        QVERIFY(!writtenToDisk(token));
        // The token no longer works anywhere.
        TestClient other;
        QVERIFY(other.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        QTRY_VERIFY_WITH_TIMEOUT(other.agentHello(token).isEmpty()
                                     && other.lastReply().value(QLatin1String("code")).toString()
                                            == QLatin1String("token_invalid"),
                                 10000);
    }

    //! When the server ends the session (signed out elsewhere), the app says why and asks
    //! for a sign-in.
    void sessionEndedElsewhere()
    {
        const QString token = freshToken();
        QVERIFY(!token.isEmpty());
        DesktopApplication app;
        QVERIFY(startWithToken(app, token));
        QVERIFY(app.session());
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->sync().state(), SyncClient::State::Online, 15000);
        TestClient elsewhere;
        QVERIFY(elsewhere.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!elsewhere.agentHello(token).isEmpty());
        QCOMPARE(
            elsewhere.request(QStringLiteral("signout")).value(QLatin1String("type")).toString(),
            QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(app.signInDialog() && app.signInDialog()->isVisible(), 10000);
        QVERIFY(!app.mainWindow());
        QVERIFY2(app.signInDialog()->message().contains(QStringLiteral("Signed out")),
                 qPrintable(app.signInDialog()->message()));
        QCOMPARE(app.signInDialog()->findChild<QLineEdit *>(QStringLiteral("email"))->text(),
                 Email);
    }

    //! A long conversation opens with its newest page; older pages come on scrolling up,
    //! from the server when the cache does not have them, without moving what is on screen.
    void olderHistoryOnScroll()
    {
        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer.customerHello(QStringLiteral("Grace Hopper")).isEmpty());
        const auto say = [](TestClient &who, qint64 conversation, const QString &text) {
            QJsonObject fields{
                {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("text"), text}};
            if (conversation)
                fields.insert(QStringLiteral("conversation"), conversation);
            return data(who.request(QStringLiteral("send"), fields));
        };
        const qint64 conversation = integer(say(customer, 0, QStringLiteral("Line 1"))
                                                .value(QLatin1String("conversation"))
                                                .toObject(),
                                            "id");
        QVERIFY(conversation > 0);
        for (int i = 2; i <= 45; ++i)
            QVERIFY(!say(customer, conversation, QStringLiteral("Line %1").arg(i)).isEmpty());
        TestClient colleague;
        QVERIFY(colleague.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!colleague.agentSignIn(Colleague, Password).isEmpty());
        for (int i = 46; i <= 90; ++i)
            QVERIFY(!say(colleague, conversation, QStringLiteral("Line %1").arg(i)).isEmpty());

        // A fresh profile: its cache starts from a snapshot, which has only the last message.
        DesktopApplication app;
        QVERIFY(startWithToken(app, freshToken(), QStringLiteral("history")));
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->sync().state(), SyncClient::State::Online, 15000);
        MainWindow *window = app.mainWindow();
        QTRY_VERIFY(window->inbox()->conversations()->rowOf(conversation) >= 0);
        window->resize(900, 600);
        openInList(window, conversation);
        QAbstractItemModel *messages = window->conversationView()->messages();
        // The newest page fills the view; no more is fetched while the bottom is in view.
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 51, 10000);
        auto *proxy = qobject_cast<QAbstractProxyModel *>(messages);
        QVERIFY(proxy);
        auto *model = qobject_cast<MessageListModel *>(proxy->sourceModel());
        QVERIFY(model);
        QSignalSpy loading(model, &MessageListModel::loadingChanged);
        QVERIFY(loading.isValid());
        // Let the view lay out and react to what it shows (a fetch would start from here).
        for (int turn = 0; turn < 3; ++turn) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
        QCOMPARE(messages->rowCount(), 51);
        QCOMPARE(loading.size(), 0);
        QCOMPARE(messages->index(50, 0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("Line 90"));
        QCOMPARE(messages->index(0, 0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("Line 40"));

        // Up to the top: the rest comes, and the line that was at the top stays in view.
        QScrollBar *bar = window->conversationView()->messageList()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->triggerAction(QAbstractSlider::SliderToMinimum);
        QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 90, 10000);
        QCOMPARE(messages->index(0, 0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("Line 1"));
        QTRY_VERIFY(bar->value() > 0);
        const QModelIndex top = window->conversationView()->messageList()->indexAt(QPoint(10, 10));
        QCOMPARE(top.data(MessageListModel::TextRole).toString(), QStringLiteral("Line 40"));
    }

    //! "Keep me signed in": the token goes to the keychain (never to a file), the next start
    //! opens the main window at once and connects with it, and signing out removes it.
    //! Needs a Secret Service: ctest runs it as tst_desktop_keychain, in with-keyring.sh.
    void rememberedSignIn()
    {
        if (qEnvironmentVariableIsEmpty("TANDEM_KEYRING_SANDBOX"))
            QSKIP("needs a Secret Service: run through tests/auth/with-keyring.sh");
        const QStringList arguments{QStringLiteral("tandem"), QStringLiteral("--profile"),
                                    QStringLiteral("remembered")};
        QString token;
        {
            DesktopApplication app;
            QVERIFY(app.start(arguments));
            QVERIFY(app.signInDialog());
            signInThroughDialog(app.signInDialog(), serverUrl(), true);
            QTRY_COMPARE_WITH_TIMEOUT(app.session() ? app.session()->sync().state()
                                                    : SyncClient::State::Offline,
                                      SyncClient::State::Online, 15000);
            QTRY_VERIFY_WITH_TIMEOUT(app.profile()->tokenStored(), 15000);
            token = app.session()->token();
        }
        QVERIFY(!token.isEmpty());
        QVERIFY(!writtenToDisk(token));
        {
            DesktopApplication app;
            QVERIFY(app.start(arguments));
            // The main window at once, from the cache; the keychain answers meanwhile.
            QVERIFY(app.mainWindow() && app.mainWindow()->isVisible());
            QVERIFY(!app.signInDialog());
            QVERIFY(app.mainWindow()->inbox()->conversations()->rowOf(m_conversation) >= 0);
            QTRY_COMPARE_WITH_TIMEOUT(app.session()->sync().state(), SyncClient::State::Online,
                                      15000);
            QCOMPARE(app.session()->token(), token);

            app.mainWindow()->signOutAction()->trigger();
            QTRY_VERIFY(app.signInDialog() && app.signInDialog()->isVisible());
            QVERIFY(!app.profile()->tokenStored());
            std::optional<CredentialResult> read;
            CredentialStore store;
            store.readToken(QUrl(serverUrl()), Email, &store,
                            [&read](const CredentialResult &r) { read = r; });
            QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
            QCOMPARE(read->status, CredentialResult::Status::NotFound);
            TestClient other;
            QVERIFY(other.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
            QTRY_VERIFY_WITH_TIMEOUT(other.agentHello(token).isEmpty(), 10000);
        }
        // Nothing stored any more: the next start asks.
        DesktopApplication app;
        QVERIFY(app.start(arguments));
        QVERIFY(app.signInDialog() && app.signInDialog()->isVisible());
        QVERIFY(!app.mainWindow());
    }

    //! With no keychain, "keep me signed in" cannot be honoured: the user is told, and the
    //! token is not written anywhere instead.
    void keychainUnavailableIsTold()
    {
        if (!qEnvironmentVariableIsEmpty("TANDEM_KEYRING_SANDBOX"))
            QSKIP("a keychain is available here");
        DesktopApplication app;
        QVERIFY(app.start(
            {QStringLiteral("tandem"), QStringLiteral("--profile"), QStringLiteral("nokeychain")}));
        signInThroughDialog(app.signInDialog(), serverUrl(), true);
        QTRY_VERIFY_WITH_TIMEOUT(app.mainWindow(), 15000);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = app.mainWindow()->findChild<QMessageBox *>()) && box->isVisible(), 15000);
        QVERIFY2(box->text().contains(QStringLiteral("keychain")), qPrintable(box->text()));
        QVERIFY(!app.profile()->tokenStored());
        QVERIFY(!app.profile()->rememberSignIn()); // offered unticked next time
        QTRY_COMPARE_WITH_TIMEOUT(app.session()->sync().state(), SyncClient::State::Online, 15000);
        QVERIFY(!writtenToDisk(app.session()->token()));
    }

    //! One running app per profile: a second one says so and exits non-zero.
    void oneInstancePerProfile()
    {
        DesktopApplication first;
        QVERIFY(first.start(
            {QStringLiteral("tandem"), QStringLiteral("--profile"), QStringLiteral("solo")}));
        DesktopApplication second;
        QVERIFY(!second.start(
            {QStringLiteral("tandem"), QStringLiteral("--profile"), QStringLiteral("solo")}));
        QVERIFY(second.exitCode() != 0);
        QVERIFY2(second.startError().contains(QStringLiteral("already running")),
                 qPrintable(second.startError()));
        DesktopApplication other;
        QVERIFY(other.start(
            {QStringLiteral("tandem"), QStringLiteral("--profile"), QStringLiteral("solo-2")}));

        // The real executable, as a user starting it twice would.
        QProcess tandem;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        tandem.setProcessEnvironment(env);
        tandem.start(QStringLiteral(TANDEM_DESKTOP_PATH),
                     {QStringLiteral("--profile"), QStringLiteral("solo")});
        QVERIFY(tandem.waitForFinished(20000));
        QCOMPARE(tandem.exitStatus(), QProcess::NormalExit);
        QCOMPARE(tandem.exitCode(), 1);
        QVERIFY2(tandem.readAllStandardError().contains("already running"), "no message on stderr");
    }

    //! --reset forgets the profile's cache and settings.
    void resetForgetsTheProfile()
    {
        const QString cacheFile = LocalCache::pathFor(Profile1, QUrl(serverUrl()), Email);
        QVERIFY2(QFile::exists(cacheFile), qPrintable(cacheFile));
        DesktopApplication app;
        QVERIFY(app.start({QStringLiteral("tandem"), QStringLiteral("--profile"), Profile1,
                           QStringLiteral("--reset")}));
        QVERIFY(!QFile::exists(cacheFile));
        QVERIFY(app.signInDialog() && app.signInDialog()->isVisible());
        QVERIFY(app.profile()->lastEmail().isEmpty());
    }
};

int main(int argc, char *argv[])
{
    const DesktopTest::TemporaryHome home;
    if (!home.isValid())
        return 1;
    // Outside with-keyring.sh no keychain may be reached: not the user's, not by accident.
    if (qEnvironmentVariableIsEmpty("TANDEM_KEYRING_SANDBOX")) {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
    }
    return DesktopTest::exec<TestDesktop>(argc, argv);
}

#include "tst_desktop.moc"
