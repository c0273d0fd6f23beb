// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end: the async inbox of the desktop app against the real tandemd, offscreen. An
// agent takes a conversation, leaves a note that mentions a colleague, sets it pending,
// sees it come back when the customer writes, snoozes and resolves it — with the views and
// their counts following, the timeline in the thread in words, and the customer hearing of
// none of it. Set TANDEM_SCREENSHOT_DIR to keep the README's screenshot.
#include "conversations/bulkbar.h"
#include "conversations/conversationlistview.h"
#include "conversations/inboxpanel.h"
#include "conversations/narrowingbutton.h"
#include "customer/customerpanel.h"
#include "deck/chatdeck.h"
#include "deck/livenotifier.h"
#include "desktoptest.h"
#include "main/commandpalette.h"
#include "main/mainwindow.h"
#include "main/workspace.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "search/searchresultsmodel.h"
#include "shell/agentsession.h"
#include "shell/desktopapplication.h"
#include "shell/profile.h"
#include "sync/syncclient.h"
#include "tandemdprocess.h"
#include "testclient.h"
#include "thread/composer.h"
#include "thread/conversationactions.h"
#include "thread/conversationview.h"
#include "thread/messagedelegate.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTabBar>
#include <QTest>
#include <QToolButton>
#include <QUuid>
#include <memory>
#include <vector>

using namespace Tandem;
using namespace DesktopTest;

namespace {
const QString Password = QStringLiteral("correct horse battery");
const QString DanaEmail = QStringLiteral("dana@example.com");
const QString BoEmail = QStringLiteral("bo@example.com");
constexpr int Slow = 15000;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject dataOf(const QJsonObject &frame)
{
    return frame.value(QLatin1String("data")).toObject();
}
} // namespace

class TestInbox : public QObject
{
    Q_OBJECT

    TandemdProcess m_server;
    std::unique_ptr<DesktopApplication> m_app;
    std::unique_ptr<TestClient> m_bo;
    std::unique_ptr<TestClient> m_customer;
    qint64 m_boId = 0;
    qint64 m_chat = 0;
    qint64 m_other = 0; // Ada's second conversation

    MainWindow *window() const { return m_app->mainWindow(); }
    ConversationView *thread() const { return window()->conversationView(); }
    ConversationListModel *list() const { return window()->inbox()->conversations(); }

    bool customerSays(const QString &text)
    {
        return m_customer
                   ->request(QStringLiteral("send"), {{QStringLiteral("conversation"), m_chat},
                                                      {QStringLiteral("clientId"), newId()},
                                                      {QStringLiteral("text"), text}})
                   .value(QLatin1String("type"))
                   .toString()
               == QLatin1String("ok");
    }

    QString stateText() const { return thread()->stateLabel()->text(); }

    //! The rows of the open thread of `kind` ("note", "activity"), as the thread shows them.
    QStringList shown(const QString &kind) const
    {
        QStringList texts;
        const QAbstractItemModel *m = thread()->messages();
        for (int row = 0; row < m->rowCount(); ++row) {
            const QModelIndex index = m->index(row, 0);
            if (index.data(MessageListModel::KindRole).toString() != kind)
                continue;
            texts.append(kind == QLatin1String("activity")
                             ? MessageDelegate::activityText(index)
                             : index.data(MessageListModel::TextRole).toString());
        }
        return texts;
    }

    int tabOf(ConversationListModel::View view) const
    {
        QTabBar *views = window()->inbox()->views();
        for (int i = 0; i < views->count(); ++i)
            if (views->tabData(i).toInt() == int(view))
                return i;
        return -1;
    }

    void chooseView(ConversationListModel::View view)
    {
        QTabBar *views = window()->inbox()->views();
        for (int i = 0; i < views->count(); ++i)
            if (views->tabData(i).toInt() == int(view))
                views->setCurrentIndex(i);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addAgent(DanaEmail, QStringLiteral("Dana Demo"), Password));
        QVERIFY(m_server.addAgent(BoEmail, QStringLiteral("Bo Berg"), Password));
        m_bo = std::make_unique<TestClient>();
        QVERIFY(m_bo->open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        m_boId = m_bo->agentSignIn(BoEmail, Password)
                     .value(QLatin1String("agent"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toInteger();
        QVERIFY(m_boId > 0);
        m_customer = std::make_unique<TestClient>();
        QVERIFY(m_customer->open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!m_customer->customerHello(QStringLiteral("Ada Lovelace")).isEmpty());
        const QJsonObject sent = m_customer->request(
            QStringLiteral("send"),
            {{QStringLiteral("clientId"), newId()},
             {QStringLiteral("text"), QStringLiteral("My invoice shows the wrong address.")}});
        m_chat = dataOf(sent)
                     .value(QLatin1String("conversation"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toInteger();
        QVERIFY(m_chat > 0);

        TestClient dana;
        QVERIFY(dana.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        const QString token =
            dana.agentSignIn(DanaEmail, Password).value(QLatin1String("token")).toString();
        QVERIFY(!token.isEmpty());
        qputenv("TANDEM_SESSION_TOKEN", token.toUtf8());
        m_app = std::make_unique<DesktopApplication>();
        QVERIFY(m_app->start({QStringLiteral("tandem"), QStringLiteral("--profile"),
                              QStringLiteral("inbox"), QStringLiteral("--server"),
                              m_server.httpUrl(QString()).toString(), QStringLiteral("--email"),
                              DanaEmail}));
        qunsetenv("TANDEM_SESSION_TOKEN");
        QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->sync().state(), SyncClient::State::Online,
                                  Slow);
        QTRY_VERIFY_WITH_TIMEOUT(list()->rowOf(m_chat) >= 0, Slow);
    }

    void theViewsCountWhatWaits()
    {
        using View = ConversationListModel::View;
        QCOMPARE(list()->count(View::All), 1);
        QCOMPARE(list()->count(View::MyTeams), 1); // Dana's team owns the Website inbox
        // "All" is for supervisors and admins: Dana's tabs leave it out.
        for (int i = 0; i < window()->inbox()->views()->count(); ++i)
            if (window()->inbox()->views()->tabData(i).toInt() == int(View::All))
                QVERIFY(!window()->inbox()->views()->isTabVisible(i));
        QCOMPARE(list()->count(View::Unassigned), 1);
        QCOMPARE(list()->count(View::Mine), 0);
        QTabBar *views = window()->inbox()->views();
        QCOMPARE(views->tabText(1), QStringLiteral("Unassigned (1)"));
        chooseView(View::Mine);
        QCOMPARE(list()->rowCount(), 0);
        chooseView(View::MyTeams);
        QCOMPARE(list()->rowCount(), 1);
    }

    void takingItMakesItMine()
    {
        using View = ConversationListModel::View;
        // A right click on its row opens it and offers the Conversation menu's actions.
        ConversationListView *rows = window()->inbox()->conversationList();
        const QRect row = rows->visualRect(rows->model()->index(list()->rowOf(m_chat), 0));
        QContextMenuEvent click(QContextMenuEvent::Mouse, row.center(),
                                rows->viewport()->mapToGlobal(row.center()));
        QApplication::sendEvent(rows->viewport(), &click);
        QCOMPARE(thread()->conversation(), m_chat);
        QVERIFY(stateText().contains(QLatin1String("nobody has it")));
        auto *take = thread()->actions()->findChild<QPushButton *>(QStringLiteral("take"));
        QVERIFY(take);
        QTRY_VERIFY(take->isEnabled());
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
        QAction *takeIt = nullptr;
        for (QAction *action : menu->actions())
            if (action->text() == QLatin1String("&Take It"))
                takeIt = action;
        QVERIFY(takeIt);
        menu->close();
        takeIt->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(list()->count(View::Mine), 1, Slow);
        QCOMPARE(list()->count(View::Unassigned), 0);
        QTRY_VERIFY(stateText().contains(QLatin1String("Dana Demo has it")));
        QVERIFY(!take->isEnabled()); // it is hers already
        // The timeline says so in the thread, in words.
        QTRY_COMPARE_WITH_TIMEOUT(shown(QStringLiteral("activity")).size(), 1, Slow);
        QVERIFY(shown(QStringLiteral("activity"))
                    .first()
                    .startsWith(QStringLiteral("Dana Demo took it · ")));
    }

    void aNoteMentionsAColleagueAndNeverReachesTheCustomer()
    {
        m_customer->frames().clear();
        thread()->noteToggle()->click();
        QVERIFY(thread()->noteMode());
        Composer *composer = thread()->composer();
        QTest::keyClicks(composer, QStringLiteral("@Bo can you check the billing address?"));
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(
            shown(QStringLiteral("note")),
            QStringList{QStringLiteral("@Bo can you check the billing address?")}, Slow);
        // Bo is told: the note names him.
        const QJsonObject heard = m_bo->waitFrame([](const QJsonObject &f) {
            return dataOf(f).value(QLatin1String("message")).toObject().value(QLatin1String("kind"))
                   == QLatin1String("note");
        });
        QCOMPARE(dataOf(heard)
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("mentions"))
                     .toArray(),
                 QJsonArray{m_boId});
        QVERIFY(m_customer->settle());
        // Neither the note, nor that someone was typing one.
        for (const QJsonObject &f : std::as_const(m_customer->frames())) {
            QVERIFY(f.value(QLatin1String("type")).toString() != QLatin1String("event"));
            QVERIFY(f.value(QLatin1String("type")).toString() != QLatin1String("typing"));
        }
        // It shows as a note: labelled for the team, and the list does not take it for the
        // conversation's last word.
        const QAbstractItemModel *m = thread()->messages();
        for (int row = 0; row < m->rowCount(); ++row)
            if (m->index(row, 0).data(MessageListModel::KindRole) == QLatin1String("note"))
                QVERIFY(MessageDelegate::authorText(m->index(row, 0))
                            .startsWith(QStringLiteral("Note · Dana Demo")));
        QCOMPARE(list()->index(list()->rowOf(m_chat)).data(ConversationListModel::LastTextRole),
                 QStringLiteral("My invoice shows the wrong address."));
        thread()->setNoteMode(false);
        QVERIFY(!thread()->noteToggle()->isChecked());
    }

    void aColleaguesMentionIsCountedUntilRead()
    {
        using View = ConversationListModel::View;
        const qint64 dana = m_app->session()->sync().agent().id;
        QCOMPARE(list()->count(View::Mentions), 0);
        // In a conversation Dana is not looking at (the open one she reads as it comes).
        // How long from the customer's send to the row in her list: a figure, not a check.
        QElapsedTimer clock;
        qint64 rowAfterMs = -1;
        const auto watch =
            connect(list(), &QAbstractItemModel::rowsInserted, this,
                    [this, &clock, &rowAfterMs](const QModelIndex &, int from, int to) {
                        for (int row = from; row <= to && rowAfterMs < 0; ++row)
                            if (list()->index(row).data(ConversationListModel::LastTextRole)
                                == QLatin1String("A new question"))
                                rowAfterMs = clock.elapsed();
                    });
        clock.start();
        const qint64 other =
            dataOf(m_customer->request(QStringLiteral("send"),
                                       {{QStringLiteral("clientId"), newId()},
                                        {QStringLiteral("text"), QStringLiteral("A new question")},
                                        {QStringLiteral("inbox"), 1}}))
                .value(QLatin1String("conversation"))
                .toObject()
                .value(QLatin1String("id"))
                .toInteger();
        QVERIFY(other > 0 && other != m_chat);
        m_other = other;
        QTRY_VERIFY_WITH_TIMEOUT(rowAfterMs >= 0, Slow);
        disconnect(watch);
        qInfo("a customer's new message to its row in the agent's list: %lld ms", rowAfterMs);
        const QJsonObject sent = m_bo->request(
            QStringLiteral("send"),
            {{QStringLiteral("conversation"), other},
             {QStringLiteral("clientId"), newId()},
             {QStringLiteral("text"), QStringLiteral("@Dana the address is fixed on our side")},
             {QStringLiteral("note"), true},
             {QStringLiteral("mentions"), QJsonArray{dana}}});
        QCOMPARE(sent.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(list()->unread(View::Mentions), 1, Slow);
        QCOMPARE(list()->count(View::Mentions), 1);
        QTabBar *views = window()->inbox()->views();
        QCOMPARE(views->tabText(tabOf(View::Mentions)), QStringLiteral("Mentions (1)"));
        QCOMPARE(window()->notifier()->lastTitle(), QStringLiteral("You were mentioned"));
        QVERIFY(window()->windowTitle().startsWith(QLatin1String("(")));
        chooseView(View::Mentions);
        QCOMPARE(list()->rowCount(), 1);
        QCOMPARE(list()->rowOf(other), 0);
        QVERIFY(list()->index(0).data(ConversationListModel::MentionUnreadRole).toBool());
        // Read, it no longer asks for attention, and stays in the view.
        m_app->session()->markRead(other);
        QTRY_COMPARE_WITH_TIMEOUT(list()->unread(View::Mentions), 0, Slow);
        QCOMPARE(views->tabText(tabOf(View::Mentions)), QStringLiteral("Mentions"));
        QCOMPARE(list()->rowOf(other), 0);
        // Resolved, it is out of the way of the views the later steps count.
        QCOMPARE(m_bo->request(QStringLiteral("status"),
                               {{QStringLiteral("conversation"), other},
                                {QStringLiteral("status"), QStringLiteral("resolved")}})
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("ok"));
        chooseView(View::MyTeams);
        QTRY_COMPARE_WITH_TIMEOUT(list()->rowOf(other), -1, Slow);
    }

    void pendingThenTheCustomerWrites()
    {
        auto *pending = thread()->actions()->findChild<QPushButton *>(QStringLiteral("pending"));
        QVERIFY(pending && pending->isEnabled());
        QTest::mouseClick(pending, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(stateText().startsWith(QLatin1String("Pending")), Slow);
        QVERIFY(!pending->isEnabled());
        QVERIFY(customerSays(QStringLiteral("The address should be 12 Analytical Row.")));
        QTRY_VERIFY_WITH_TIMEOUT(stateText().startsWith(QLatin1String("Open")), Slow);
    }

    void labelsAndPriorityShowAndNarrowTheList()
    {
        // A supervisor adds two labels; Dana's app learns of them as they are saved.
        QVERIFY(m_server.addAgent(QStringLiteral("sue@example.com"), QStringLiteral("Sue"),
                                  Password, QStringLiteral("supervisor")));
        TestClient sue;
        QVERIFY(sue.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!sue.agentSignIn(QStringLiteral("sue@example.com"), Password).isEmpty());
        const auto saveLabel = [&sue](const QString &name, const QString &colour) {
            return dataOf(sue.request(
                              QStringLiteral("label.save"),
                              {{QStringLiteral("name"), name}, {QStringLiteral("colour"), colour}}))
                .value(QLatin1String("label"))
                .toObject()
                .value(QLatin1String("id"))
                .toInteger();
        };
        const qint64 billing = saveLabel(QStringLiteral("Billing"), QStringLiteral("#2563eb"));
        const qint64 bug = saveLabel(QStringLiteral("Bug"), QStringLiteral("#dc2626"));
        QVERIFY(billing > 0 && bug > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->cache().labels().size(), 2, Slow);
        // Dana labels the conversation from the thread's Label menu.
        auto *labelButton = thread()->actions()->findChild<QToolButton *>(QStringLiteral("label"));
        QVERIFY(labelButton && labelButton->isEnabled());
        Q_EMIT labelButton->menu()->aboutToShow();
        const QList<QAction *> choices = labelButton->menu()->actions();
        QCOMPARE(choices.size(), 2);
        QCOMPARE(choices.at(0)->text(), QStringLiteral("Billing"));
        QVERIFY(!choices.at(0)->isChecked());
        choices.at(0)->trigger();
        const auto rowLabels = [this] {
            return list()->index(list()->rowOf(m_chat)).data(ConversationListModel::LabelsRole);
        };
        QTRY_COMPARE_WITH_TIMEOUT(rowLabels(), QVariant(QVariantList{billing}), Slow);
        thread()->actions()->setPriority(Priority::High);
        QTRY_COMPARE_WITH_TIMEOUT(
            list()->index(list()->rowOf(m_chat)).data(ConversationListModel::PriorityRole), 3,
            Slow);
        auto *priority = thread()->actions()->findChild<QToolButton *>(QStringLiteral("priority"));
        QTRY_COMPARE(priority->text(), QStringLiteral("High"));
        QTRY_VERIFY_WITH_TIMEOUT(shown(QStringLiteral("activity")).size() >= 2, Slow);
        const QStringList lines = shown(QStringLiteral("activity"));
        QVERIFY(lines.at(lines.size() - 2).startsWith(QStringLiteral("Dana Demo added Billing")));
        QVERIFY(lines.last().startsWith(QStringLiteral("Dana Demo set the priority to High")));
        // Narrowed to another label the list drops it; to its own, it is back.
        ConversationListModel::Narrowing narrowing;
        narrowing.labelId = bug;
        window()->inbox()->narrowing()->setNarrowing(narrowing);
        QCOMPARE(list()->rowOf(m_chat), -1);
        QVERIFY(window()->inbox()->narrowing()->text().contains(QLatin1String("Bug")));
        narrowing.labelId = billing;
        narrowing.priority = Priority::High;
        window()->inbox()->narrowing()->setNarrowing(narrowing);
        QVERIFY(list()->rowOf(m_chat) >= 0);
        window()->inbox()->narrowing()->setNarrowing({});
        QCOMPARE(window()->inbox()->narrowing()->text(), QStringLiteral("Filter"));
        // Deleted by the supervisor, the label leaves the row.
        QCOMPARE(sue.request(QStringLiteral("label.delete"), {{QStringLiteral("label"), bug}})
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->cache().labels().size(), 1, Slow);
        QCOMPARE(rowLabels(), QVariant(QVariantList{billing}));
    }

    void aFilterSavedAsAViewComesBack()
    {
        using View = ConversationListModel::View;
        InboxPanel *panel = window()->inbox();
        qint64 billing = 0;
        for (const Label &label : m_app->session()->cache().labels())
            if (label.name == QLatin1String("Billing"))
                billing = label.id;
        QVERIFY(billing != 0);
        chooseView(View::Mine);
        ConversationListModel::Narrowing onlyBilling;
        onlyBilling.labelId = billing;
        panel->narrowing()->setNarrowing(onlyBilling);
        panel->order()->setCurrentIndex(
            panel->order()->findData(int(ConversationListModel::Order::LongestWaiting)));
        panel->saveView(QStringLiteral("My billing"));
        QTabBar *views = panel->views();
        const int tab = views->currentIndex();
        QCOMPARE(views->tabText(tab), QStringLiteral("My billing (1)"));
        QCOMPARE(list()->rowCount(), 1);
        QCOMPARE(list()->index(0).data(ConversationListModel::IdRole).toLongLong(), m_chat);
        // Kept in the profile, for the next start.
        const auto kept = SavedView::fromJson(
            m_app->profile()->settings().value(QStringLiteral("inbox/savedViews")).toByteArray());
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().narrowing.labelId, billing);
        QCOMPARE(kept.first().view, View::Mine);
        // Another view leaves the saved filter behind; coming back brings it again.
        chooseView(View::Unassigned);
        QVERIFY(panel->narrowing()->narrowing().isEmpty());
        views->setCurrentIndex(tab);
        QCOMPARE(panel->narrowing()->narrowing().labelId, billing);
        QCOMPARE(list()->order(), ConversationListModel::Order::LongestWaiting);
        QCOMPARE(list()->view(), View::Mine);
        QCOMPARE(list()->rowCount(), 1);
        // Its count follows the label coming off.
        thread()->actions()->setLabel(billing, false);
        QTRY_COMPARE_WITH_TIMEOUT(views->tabText(tab), QStringLiteral("My billing"), Slow);
        thread()->actions()->setLabel(billing, true);
        QTRY_COMPARE_WITH_TIMEOUT(views->tabText(tab), QStringLiteral("My billing (1)"), Slow);
        // A second view, shown while the first is deleted, stays shown as it was.
        chooseView(View::Unassigned);
        panel->saveView(QStringLiteral("Waiting"));
        QCOMPARE(views->count(), 10);
        panel->deleteSavedView(0);
        QCOMPARE(views->count(), 9);
        QCOMPARE(views->tabText(views->currentIndex()), QStringLiteral("Waiting"));
        QCOMPARE(list()->view(), View::Unassigned);
        QCOMPARE(panel->savedViews().size(), 1);
        panel->deleteSavedView(0); // the one shown: back to Mine
        QCOMPARE(list()->view(), View::Mine);
        QCOMPARE(views->currentIndex(), tabOf(View::Mine));
        QVERIFY(panel->savedViews().isEmpty());
        QVERIFY(panel->narrowing()->narrowing().isEmpty());
        QVERIFY(SavedView::fromJson(m_app->profile()
                                        ->settings()
                                        .value(QStringLiteral("inbox/savedViews"))
                                        .toByteArray())
                    .isEmpty());
        // What the settings hold is read with care: nameless, unknown views and junk are left out.
        QVERIFY(SavedView::fromJson(R"([{"name": ""}, {"name": "x", "view": 99, "order": 0}, 5,
                                        {"name": "y", "view": 0, "order": 7}])")
                    .isEmpty());
        QVERIFY(SavedView::fromJson("not json").isEmpty());
        panel->order()->setCurrentIndex(0);
    }

    void twoConversationsMergedAndTheMergeUndone()
    {
        QCOMPARE(thread()->conversation(), m_chat);
        auto *mergeButton = thread()->actions()->findChild<QToolButton *>(QStringLiteral("merge"));
        QVERIFY(mergeButton && mergeButton->isEnabled());
        Q_EMIT mergeButton->menu()->aboutToShow();
        const QList<QAction *> choices = mergeButton->menu()->actions();
        QCOMPARE(choices.size(), 1); // Ada's other conversation
        QVERIFY(choices.at(0)->text().startsWith(QStringLiteral("Into #%1").arg(m_other)));
        choices.at(0)->trigger();
        // The thread is now the one kept, with every message; the other leaves the list.
        QTRY_COMPARE_WITH_TIMEOUT(thread()->conversation(), m_other, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(
            shown(QStringLiteral("message"))
                .contains(QStringLiteral("My invoice shows the wrong address.")),
            Slow);
        QVERIFY(shown(QStringLiteral("message")).contains(QStringLiteral("A new question")));
        QTRY_COMPARE_WITH_TIMEOUT(list()->rowOf(m_chat), -1, Slow);
        QVERIFY(thread()->undoMergeButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            shown(QStringLiteral("activity"))
                .last()
                .startsWith(
                    QStringLiteral("Dana Demo merged conversation %1 into this one").arg(m_chat)),
            Slow);
        // Undone: each has its own messages again, and the thread goes back.
        QTest::mouseClick(thread()->undoMergeButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(thread()->conversation(), m_chat, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(
            shown(QStringLiteral("message"))
                .contains(QStringLiteral("My invoice shows the wrong address.")),
            Slow);
        QVERIFY(!shown(QStringLiteral("message")).contains(QStringLiteral("A new question")));
        QVERIFY(!thread()->undoMergeButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(list()->rowOf(m_chat) >= 0, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(stateText().startsWith(QLatin1String("Open")), Slow);
    }

    void aColleagueWithTheConversationOpenShows()
    {
        QCOMPARE(thread()->conversation(), m_chat);
        QVERIFY(thread()->alsoHereLabel()->isHidden());
        QCOMPARE(
            m_bo->request(QStringLiteral("viewing"), {{QStringLiteral("conversation"), m_chat}})
                .value(QLatin1String("type"))
                .toString(),
            QStringLiteral("ok"));
        QTRY_COMPARE_WITH_TIMEOUT(thread()->alsoHereLabel()->text(),
                                  QStringLiteral("Also here: Bo Berg"), Slow);
        QVERIFY(!thread()->alsoHereLabel()->isHidden());
        QCOMPARE(m_app->session()->sync().viewersOf(m_chat),
                 QStringList{QStringLiteral("Bo Berg")});
        m_bo->request(QStringLiteral("viewing"), {{QStringLiteral("conversation"), QJsonValue()}});
        QTRY_VERIFY_WITH_TIMEOUT(thread()->alsoHereLabel()->isHidden(), Slow);
    }

    void theCustomerPanelShowsAndCorrectsTheCustomer()
    {
        CustomerPanel *panel = window()->customerPanel();
        QCOMPARE(panel->conversation(), m_chat);
        QCOMPARE(panel->nameField()->text(), QStringLiteral("Ada Lovelace"));
        QVERIFY(!panel->saveButton()->isEnabled()); // nothing changed yet
        // Both of her conversations, the open one first as the newest.
        QTRY_COMPARE_WITH_TIMEOUT(panel->conversations()->count(), 2, Slow);
        QList<qint64> listed;
        for (int i = 0; i < panel->conversations()->count(); ++i)
            listed << panel->conversations()->item(i)->data(Qt::UserRole).toLongLong();
        QVERIFY(listed.contains(m_chat) && listed.contains(m_other));
        QCOMPARE(panel->ratingsLabel()->text(), QStringLiteral("No ratings given yet"));
        // A blank name is not saved.
        panel->nameField()->setText(QStringLiteral("  "));
        QVERIFY(!panel->saveButton()->isEnabled());
        // Corrected, every conversation of hers shows it, and colleagues hear of it.
        m_bo->frames().clear();
        panel->nameField()->setText(QStringLiteral("Ada King"));
        panel->emailField()->setText(QStringLiteral("ada@example.org"));
        QVERIFY(panel->saveButton()->isEnabled());
        QTest::mouseClick(panel->saveButton(), Qt::LeftButton);
        const QJsonObject heard = m_bo->waitEvent(QStringLiteral("customer.updated"));
        QCOMPARE(
            dataOf(heard).value(QLatin1String("customer")).toObject().value(QLatin1String("email")),
            QJsonValue(QStringLiteral("ada@example.org")));
        QTRY_COMPARE_WITH_TIMEOUT(
            list()->index(list()->rowOf(m_chat)).data(ConversationListModel::CustomerNameRole),
            QVariant(QStringLiteral("Ada King")), Slow);
        QTRY_VERIFY(!panel->saveButton()->isEnabled());
        QCOMPARE(m_app->session()
                     ->cache()
                     .customer(m_app->session()->cache().conversation(m_other)->customerId)
                     ->name,
                 QStringLiteral("Ada King"));
        // Choosing the other conversation in the panel opens it.
        for (int i = 0; i < panel->conversations()->count(); ++i)
            if (panel->conversations()->item(i)->data(Qt::UserRole).toLongLong() == m_other)
                Q_EMIT panel->conversations()->itemActivated(panel->conversations()->item(i));
        QCOMPARE(thread()->conversation(), m_other);
        QCOMPARE(panel->conversation(), m_other);
        window()->openConversation(m_chat);
    }

    void snoozedUntilTheCustomerWritesThenResolved()
    {
        using View = ConversationListModel::View;
        thread()->actions()->setStatus(ConversationStatus::Snoozed);
        QTRY_COMPARE_WITH_TIMEOUT(list()->count(View::Snoozed), 1, Slow);
        QCOMPARE(list()->count(View::Mine), 0);
        QCOMPARE(stateText(),
                 QStringLiteral("Snoozed until the customer writes · Dana Demo has it"));
        QVERIFY(customerSays(QStringLiteral("Any news?")));
        QTRY_COMPARE_WITH_TIMEOUT(
            stateText(), QStringLiteral("Open again: the customer wrote · Dana Demo has it"), Slow);
        QTRY_COMPARE(list()->count(View::Snoozed), 0);
        QVERIFY(shown(QStringLiteral("activity"))
                    .last()
                    .startsWith(QLatin1String("The customer wrote: open again")));

        auto *resolve = thread()->actions()->findChild<QPushButton *>(QStringLiteral("resolve"));
        QVERIFY(resolve);
        QCOMPARE(resolve->text(), QStringLiteral("Resolve"));
        QTest::mouseClick(resolve, Qt::LeftButton);
        // With the one resolved in the mentions step.
        QTRY_COMPARE_WITH_TIMEOUT(list()->count(View::Resolved), 2, Slow);
        QCOMPARE(list()->count(View::All), 0);
        QTRY_COMPARE(resolve->text(), QStringLiteral("Reopen"));
        chooseView(View::Resolved);
        QCOMPARE(list()->rowOf(m_chat), 0);
        // The open conversation stays the chosen row.
        QCOMPARE(window()->inbox()->conversationList()->currentIndex().data(
                     ConversationListModel::IdRole),
                 QVariant(m_chat));

        if (const QString dir = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !dir.isEmpty()) {
            window()->resize(1280, 800);
            window()->show();
            // The list lays its rows out on the next turn of the event loop.
            QCoreApplication::processEvents();
            QVERIFY(window()->grab().save(QDir(dir).filePath(QStringLiteral("inbox.png"))));
        }
    }

    void aWideWindowHasNoRoomForAnEmptyDeck()
    {
        const QSize before = window()->size();
        window()->resize(1800, 900);
        QTRY_VERIFY(window()->workspace()->isWide());
        // No live chat open: the deck gives its room to the inbox, and a strip says why.
        auto *strip = window()->findChild<QLabel *>(QStringLiteral("deckStrip"));
        QVERIFY(strip);
        QVERIFY(!strip->isHidden());
        QVERIFY(window()->deck()->isHidden());
        QVERIFY(!window()->workspace()->isShowing(Workspace::Deck));
        QVERIFY(window()->workspace()->isShowing(Workspace::Inbox));
        window()->resize(before);
        QTRY_VERIFY(!window()->workspace()->isWide());
        QCOMPARE(window()->tabs()->count(), 2);
        QVERIFY(strip->isHidden());
    }

    void snoozePresetsAreInTheFuture()
    {
        const QDateTime friday(QDate(2026, 12, 4), QTime(16, 30));
        const auto presets = ConversationActions::snoozePresets(friday);
        QCOMPARE(presets.size(), 3);
        QCOMPARE(presets.at(0).second, friday.addSecs(3600));
        QCOMPARE(presets.at(1).second, QDateTime(QDate(2026, 12, 5), QTime(9, 0)));
        QCOMPARE(presets.at(2).second, QDateTime(QDate(2026, 12, 7), QTime(9, 0))); // Monday
        const QDateTime monday(QDate(2026, 12, 7), QTime(8, 0));
        QCOMPARE(ConversationActions::snoozePresets(monday).at(2).second,
                 QDateTime(QDate(2026, 12, 14), QTime(9, 0)));
    }

    void resolvedBeforeSigningInAreFetchedWhenAskedFor()
    {
        using View = ConversationListModel::View;
        // A fresh profile: its snapshot holds no resolved conversation; the Resolved view
        // asks the server for them.
        m_app.reset();
        TestClient dana;
        QVERIFY(dana.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        const QString token =
            dana.agentSignIn(DanaEmail, Password).value(QLatin1String("token")).toString();
        qputenv("TANDEM_SESSION_TOKEN", token.toUtf8());
        m_app = std::make_unique<DesktopApplication>();
        QVERIFY(m_app->start({QStringLiteral("tandem"), QStringLiteral("--profile"),
                              QStringLiteral("inbox-fresh"), QStringLiteral("--server"),
                              m_server.httpUrl(QString()).toString(), QStringLiteral("--email"),
                              DanaEmail}));
        qunsetenv("TANDEM_SESSION_TOKEN");
        QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->sync().state(), SyncClient::State::Online,
                                  Slow);
        m_app->session()->cache().flush(); // the snapshot is in
        QCOMPARE(list()->count(View::Resolved), 0);
        QCOMPARE(list()->rowOf(m_chat), -1);
        chooseView(View::Resolved);
        QTRY_COMPARE_WITH_TIMEOUT(list()->rowOf(m_chat), 0, Slow);
        QCOMPARE(list()->count(View::Resolved), 2);
    }

    void searchFindsOnTheServerWhatTheCacheNeverHad()
    {
        // The fresh profile has the resolved conversation with its newest message only: the
        // first one is on the server alone, and the search box still finds it.
        const QString words = QStringLiteral("invoice WRONG addr");
        QVERIFY(m_app->session()->cache().search(words, 10).isEmpty());
        InboxPanel *panel = window()->inbox();
        panel->searchField()->setText(words);
        QTRY_COMPARE_WITH_TIMEOUT(panel->results()->rowCount(), 1, Slow);
        const QModelIndex hit = panel->results()->index(0, 0);
        QCOMPARE(hit.data(ConversationListModel::LastTextRole).toString(),
                 QStringLiteral("My invoice shows the wrong address."));
        QCOMPARE(hit.data(ConversationListModel::IdRole).toLongLong(), m_chat);
        QCOMPARE(hit.data(ConversationListModel::CustomerNameRole).toString(),
                 QStringLiteral("Ada King")); // as the customer panel corrected her
        // Choosing it opens the conversation, whose thread comes from the server.
        Q_EMIT panel->searchResults()->activated(panel->searchResults()->model()->index(0, 0));
        QCOMPARE(thread()->conversation(), m_chat);
        QTRY_VERIFY_WITH_TIMEOUT(thread()->messages()->rowCount() > 1, Slow);
        panel->searchField()->clear();
    }

    void everyActionIsReachedFromTheKeyboard()
    {
        window()->openConversation(m_chat);
        QTRY_VERIFY_WITH_TIMEOUT(stateText().startsWith(QLatin1String("Resolved")), Slow);
        window()->openCommandPalette();
        auto *palette = window()->findChild<CommandPalette *>();
        QVERIFY(palette);
        QTest::keyClicks(palette->searchField(), QStringLiteral("reopen"));
        QCOMPARE(palette->commands()->count(), 1);
        QVERIFY(palette->commands()->item(0)->text().startsWith(
            QStringLiteral("Conversation › Resolve or Reopen")));
        QTest::keyClick(palette->searchField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(stateText().startsWith(QLatin1String("Open")), Slow);
        // An agent's palette leaves out what only supervisors may do.
        window()->openCommandPalette();
        palette = window()->findChildren<CommandPalette *>().constLast();
        QTest::keyClicks(palette->searchField(), QStringLiteral("labels"));
        QCOMPARE(palette->commands()->count(), 0);
        palette->reject();
        // Help lists the shortcuts.
        const QString help = window()->shortcutList();
        for (const QString &shown : {QStringLiteral("Resolve or Reopen"), QStringLiteral("Take It"),
                                     QStringLiteral("Commands"), QStringLiteral("Snooze")})
            QVERIFY2(help.contains(shown), qPrintable(shown));
    }

    void severalConversationsAreWorkedAtOnce()
    {
        using View = ConversationListModel::View;
        QList<qint64> ids;
        std::vector<std::unique_ptr<TestClient>> customers;
        for (const QString &name : {QStringLiteral("Cleo"), QStringLiteral("Dan")}) {
            customers.push_back(std::make_unique<TestClient>());
            QVERIFY(customers.back()->open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
            QVERIFY(!customers.back()->customerHello(name).isEmpty());
            ids << dataOf(customers.back()->request(QStringLiteral("send"),
                                                    {{QStringLiteral("clientId"), newId()},
                                                     {QStringLiteral("text"),
                                                      QStringLiteral("Same problem as everyone")}}))
                       .value(QLatin1String("conversation"))
                       .toObject()
                       .value(QLatin1String("id"))
                       .toInteger();
        }
        chooseView(View::MyTeams);
        QTRY_VERIFY_WITH_TIMEOUT(list()->rowOf(ids[0]) >= 0 && list()->rowOf(ids[1]) >= 0, Slow);
        BulkBar *bar = window()->inbox()->bulkBar();
        QVERIFY(bar->isHidden());
        ConversationListView *rows = window()->inbox()->conversationList();
        rows->selectionModel()->select(list()->index(list()->rowOf(ids[0])),
                                       QItemSelectionModel::ClearAndSelect);
        QVERIFY(bar->isHidden()); // one is not several
        rows->selectionModel()->select(list()->index(list()->rowOf(ids[1])),
                                       QItemSelectionModel::Select);
        QVERIFY(!bar->isHidden());
        QCOMPARE(bar->summary()->text(), QStringLiteral("2 selected"));
        const qint64 billing = m_app->session()->cache().labels().constFirst().id;
        bar->addLabel(billing);
        QTRY_COMPARE_WITH_TIMEOUT(bar->summary()->text(), QStringLiteral("Labelled: 2"), Slow);
        for (qint64 id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(
                list()->index(list()->rowOf(id)).data(ConversationListModel::LabelsRole),
                QVariant(QVariantList{billing}), Slow);
        const int resolved = list()->count(View::Resolved);
        bar->setStatus(ConversationStatus::Resolved);
        QTRY_COMPARE_WITH_TIMEOUT(list()->count(View::Resolved), resolved + 2, Slow);
        QCOMPARE(list()->rowOf(ids[0]), -1);
    }

    void slaClocksShowInTheListAndTheThread()
    {
        using M = ConversationListModel;
        // Sue, a supervisor, gives Support an SLA: a first reply within an hour, around the
        // clock.
        TestClient sue;
        QVERIFY(sue.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        QVERIFY(!sue.agentSignIn(QStringLiteral("sue@example.com"), Password).isEmpty());
        const qint64 dana = m_app->session()->sync().agent().id;
        const QJsonObject saved = sue.request(
            QStringLiteral("team.save"),
            {{QStringLiteral("team"), 1},
             {QStringLiteral("name"), QStringLiteral("Support")},
             {QStringLiteral("members"),
              QJsonArray{std::min(dana, m_boId), std::max(dana, m_boId)}},
             {QStringLiteral("sla"),
              QJsonObject{{QStringLiteral("targets"),
                           QJsonArray{QJsonObject{{QStringLiteral("firstReplyMinutes"), 60}}}}}}});
        QCOMPARE(saved.value(QLatin1String("type")).toString(), QStringLiteral("ok"));

        TestClient customer;
        QVERIFY(customer.open(m_server.wsUrl(QStringLiteral("/ws/customer"))));
        QVERIFY(!customer.customerHello(QStringLiteral("Edda")).isEmpty());
        const qint64 id = dataOf(customer.request(QStringLiteral("send"),
                                                  {{QStringLiteral("clientId"), newId()},
                                                   {QStringLiteral("text"),
                                                    QStringLiteral("Is anyone reading this?")}}))
                              .value(QLatin1String("conversation"))
                              .toObject()
                              .value(QLatin1String("id"))
                              .toInteger();
        chooseView(M::View::MyTeams);
        QTRY_VERIFY_WITH_TIMEOUT(list()->rowOf(id) >= 0, Slow);
        // The policy arrives with the team, the clock with the conversation.
        QTRY_COMPARE_WITH_TIMEOUT(list()->index(list()->rowOf(id)).data(M::SlaKindRole).toString(),
                                  QStringLiteral("first_reply"), Slow);
        window()->openConversation(id);
        QTRY_COMPARE(thread()->conversation(), id);
        QTRY_VERIFY(thread()->slaLabel()->isVisible());
        QVERIFY2(thread()->slaLabel()->text().startsWith(
                     QLatin1String("First reply due in 59 min of business time"))
                     || thread()->slaLabel()->text().startsWith(
                         QLatin1String("First reply due in 1 h of business time")),
                 qPrintable(thread()->slaLabel()->text()));

        // Dana takes it: its warnings are hers.
        auto *take = thread()->actions()->findChild<QPushButton *>(QStringLiteral("take"));
        QTRY_VERIFY(take->isEnabled());
        QTest::mouseClick(take, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            list()->index(list()->rowOf(id)).data(M::AssigneeIdRole).toLongLong(), dana, Slow);
        // Fifty minutes on, it is at risk; past the hour, breached.
        // (Others written to earlier and still unanswered run out with it.)
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto atRisk = [this, id] {
            return list()->index(list()->rowOf(id)).data(M::SlaAtRiskRole).toBool();
        };
        QVERIFY(!atRisk());
        const int before = list()->count(M::View::SlaAtRisk);
        list()->setSlaNow(now.addSecs(50 * 60));
        QVERIFY(atRisk());
        const int after = list()->count(M::View::SlaAtRisk);
        QVERIFY(after > before);
        QCOMPARE(window()->inbox()->views()->tabText(tabOf(M::View::SlaAtRisk)),
                 QStringLiteral("SLA at risk (%1)").arg(after));
        // She is warned in the tray, of hers only, all at once (Ada's, which she took
        // earlier and has not answered, runs out with it).
        QCOMPARE(window()->notifier()->lastTitle(),
                 QStringLiteral("SLA at risk in 2 conversations"));
        QCOMPARE(window()->notifier()->lastMessage(),
                 QStringLiteral("Ada King, Edda — answer soon; see SLA at risk in the inbox."));
        list()->setSlaNow(now.addSecs(70 * 60));
        QCOMPARE(list()->index(list()->rowOf(id)).data(M::SlaStateRole).toString(),
                 QStringLiteral("breached"));
        QCOMPARE(window()->notifier()->lastTitle(),
                 QStringLiteral("SLA breached in 2 conversations"));
        // Told once: the next minute brings no new warning.
        const int told = window()->notifier()->notified();
        list()->setSlaNow(now.addSecs(71 * 60));
        QCOMPARE(window()->notifier()->notified(), told);
        if (const QString dir = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(window()->grab().save(QDir(dir).filePath(QStringLiteral("sla.png"))));

        // Answered: the clock stops, met, and the conversation is no longer at risk.
        if (thread()->noteMode())
            thread()->noteToggle()->click();
        QTest::keyClicks(thread()->composer(), QStringLiteral("Yes, we are here."));
        QTest::keyClick(thread()->composer(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(list()->count(M::View::SlaAtRisk), after - 1, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(
            thread()->slaLabel()->text().startsWith(QLatin1String("First reply met: ")), Slow);
    }

    void cleanupTestCase() { m_app.reset(); }
};

int main(int argc, char *argv[])
{
    const DesktopTest::TemporaryHome home;
    if (!home.isValid())
        return 1;
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    return DesktopTest::exec<TestInbox>(argc, argv);
}

#include "tst_inbox.moc"
