// SPDX-License-Identifier: GPL-3.0-or-later
// Writing email from the desktop, against the real tandemd: a new email from the New Email
// dialog (checked before it goes, then a conversation of its own), files attached to a
// reply in the thread, a reply with a file written offline (the file kept beside the cache,
// so deleting the original loses nothing), and a file the server refuses, shown and not
// lost. The mailbox points at servers that are not there: what is tested is what the agent
// writes reaching the store, byte for byte; the mail going out is email_end_to_end's.
#include "compose/newemaildialog.h"
#include "desktoptest.h"
#include "files/messagefiles.h"
#include "main/mainwindow.h"
#include "shell/agentsession.h"
#include "shell/desktopapplication.h"
#include "tandemdprocess.h"
#include "testclient.h"
#include "thread/attachmentpicker.h"
#include "thread/composer.h"
#include "thread/conversationview.h"
#include "thread/emailbar.h"

#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Tandem;
using namespace DesktopTest;

namespace {
const QString Password = QStringLiteral("correct horse battery");
constexpr int Slow = 15000;

QJsonObject dataOf(const QJsonObject &frame)
{
    return frame.value(QLatin1String("data")).toObject();
}
} // namespace

class TestEmailCompose : public QObject
{
    Q_OBJECT

    TandemdProcess m_server;
    std::unique_ptr<DesktopApplication> m_app;
    TestClient m_ada;
    QString m_token;
    QTemporaryDir m_files;
    qint64 m_conversation = 0; // the one the new email started

    AgentSession &session() const { return *m_app->session(); }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    bool hasEmailInbox() const
    {
        const QList<Inbox> inboxes = session().cache().inboxes();
        return std::any_of(inboxes.cbegin(), inboxes.cend(),
                           [](const Inbox &i) { return i.channel == QLatin1String("email"); });
    }

    //! The newest message of a conversation, as the server has it.
    QJsonObject newestOnServer(qint64 conversation)
    {
        const QJsonArray messages =
            dataOf(m_ada.request(QStringLiteral("history"),
                                 {{QStringLiteral("conversation"), conversation}}))
                .value(QLatin1String("messages"))
                .toArray();
        return messages.isEmpty() ? QJsonObject() : messages.last().toObject();
    }

    //! A message's file, downloaded by the desktop's own MessageFiles.
    QByteArray downloaded(qint64 messageId, int index)
    {
        QByteArray bytes;
        bool answered = false;
        session().files().fetch(messageId, index, this, [&](Result<QByteArray> file) {
            answered = true;
            bytes = file ? file.value() : QByteArray("failed: ") + file.failure().message.toUtf8();
        });
        if (!QTest::qWaitFor([&] { return answered; }, Slow))
            return "no answer";
        return bytes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        QVERIFY(m_server.start());
        QVERIFY(m_server.addAgent(QStringLiteral("ada@example.com"), QStringLiteral("Ada Admin"),
                                  Password, QStringLiteral("admin")));
        QVERIFY(m_ada.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        m_token = m_ada.agentSignIn(QStringLiteral("ada@example.com"), Password)
                      .value(QLatin1String("token"))
                      .toString();
        QVERIFY(!m_token.isEmpty());
        // An email inbox whose servers are not there: nothing is read or sent, all is kept.
        const QJsonObject settings{
            {QStringLiteral("address"), QStringLiteral("support@example.com")},
            {QStringLiteral("displayName"), QStringLiteral("Example Support")},
            {QStringLiteral("imap"),
             QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                         {QStringLiteral("port"), 1},
                         {QStringLiteral("security"), QStringLiteral("none")},
                         {QStringLiteral("user"), QStringLiteral("support")}}},
            {QStringLiteral("smtp"),
             QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                         {QStringLiteral("port"), 1},
                         {QStringLiteral("security"), QStringLiteral("none")},
                         {QStringLiteral("user"), QStringLiteral("support")}}}};
        const QJsonObject saved =
            m_ada.request(QStringLiteral("mailbox.save"),
                          {{QStringLiteral("name"), QStringLiteral("Support email")},
                           {QStringLiteral("settings"), settings},
                           {QStringLiteral("imapPassword"), QStringLiteral("x")},
                           {QStringLiteral("smtpPassword"), QStringLiteral("y")}});
        QCOMPARE(saved.value(QLatin1String("type")).toString(), QStringLiteral("ok"));

        qputenv("TANDEM_SESSION_TOKEN", m_token.toUtf8());
        m_app = std::make_unique<DesktopApplication>();
        QVERIFY(m_app->start({QStringLiteral("tandem"), QStringLiteral("--profile"),
                              QStringLiteral("compose"), QStringLiteral("--server"),
                              m_server.httpUrl(QString()).toString(), QStringLiteral("--email"),
                              QStringLiteral("ada@example.com")}));
        qunsetenv("TANDEM_SESSION_TOKEN");
        QTRY_COMPARE_WITH_TIMEOUT(session().sync().state(), SyncClient::State::Online, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(hasEmailInbox(), Slow);
    }

    void aNewEmailIsCheckedThenStartsItsOwnConversation()
    {
        NewEmailDialog dialog(session());
        QCOMPARE(dialog.fromBox()->count(), 1);
        QVERIFY(dialog.fromBox()->currentText().contains(QStringLiteral("support@example.com")));
        dialog.toField()->setText(QStringLiteral("not an address"));
        dialog.subjectField()->setText(QStringLiteral("Your refund"));
        dialog.textField()->setPlainText(QStringLiteral("Your refund went out today."));
        dialog.send();
        QVERIFY2(dialog.statusLabel()->text().startsWith(QStringLiteral("To:")),
                 qPrintable(dialog.statusLabel()->text()));
        dialog.toField()->setText(QStringLiteral("Nora <Nora@Example.net>"));
        dialog.subjectField()->setText(QStringLiteral("   "));
        dialog.send();
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("subject")));
        QCOMPARE(session().outbox().pending(), 0); // nothing went while it was not right

        dialog.subjectField()->setText(QStringLiteral("Your refund"));
        dialog.nameField()->setText(QStringLiteral("Nora New"));
        const QByteArray leaflet = "Refund terms\n" + QByteArray(70000, 'r');
        dialog.attachments()->add({writeFile(QStringLiteral("terms.txt"), leaflet)});
        QSignalSpy started(&dialog, &NewEmailDialog::started);
        dialog.send();
        QVERIFY2(started.wait(Slow), qPrintable(dialog.statusLabel()->text()));
        m_conversation = started.at(0).at(0).toLongLong();
        QVERIFY(m_conversation > 0);
        QVERIFY(!dialog.isVisible());
        const QJsonObject message = newestOnServer(m_conversation);
        QCOMPARE(message.value(QLatin1String("text")).toString(),
                 QStringLiteral("Your refund went out today."));
        const QJsonObject email = message.value(QLatin1String("email")).toObject();
        QCOMPARE(email.value(QLatin1String("subject")).toString(), QStringLiteral("Your refund"));
        const QJsonArray files = email.value(QLatin1String("attachments")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0)[QLatin1String("name")].toString(), QStringLiteral("terms.txt"));
        QCOMPARE(downloaded(message.value(QLatin1String("id")).toInteger(), 0), leaflet);
        // The conversation is in the inbox, with the customer the address now belongs to.
        QTRY_VERIFY_WITH_TIMEOUT(session().cache().conversation(m_conversation).has_value(), Slow);
        QCOMPARE(session().cache().conversation(m_conversation)->customerName,
                 QStringLiteral("Nora New"));
        QTRY_COMPARE_WITH_TIMEOUT(session().outbox().pending(), 0, Slow);
    }

    void theThreadsComposerSendsTheFilesChosen()
    {
        QVERIFY(m_conversation);
        m_app->mainWindow()->openConversation(m_conversation);
        ConversationView *thread = m_app->mainWindow()->conversationView();
        QTRY_VERIFY_WITH_TIMEOUT(thread->emailBar()->isVisible(), Slow);
        AttachmentPicker *picker = thread->emailBar()->attachments();
        const QByteArray form = QByteArray("%PDF-1.4 form ") + QByteArray(5000, 'f');
        picker->add({writeFile(QStringLiteral("form.pdf"), form)});
        QCOMPARE(picker->files().size(), 1);
        QSignalSpy accepted(&session().outbox(), &Outbox::accepted);
        thread->composer()->setPlainText(QStringLiteral("Here is the form."));
        thread->composer()->submit();
        QVERIFY(picker->files().isEmpty()); // they went with the reply
        QVERIFY(accepted.wait(Slow));
        const QJsonObject message = newestOnServer(m_conversation);
        QCOMPARE(message.value(QLatin1String("text")).toString(),
                 QStringLiteral("Here is the form."));
        const QJsonArray files =
            message.value(QLatin1String("email"))[QLatin1String("attachments")].toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0)[QLatin1String("type")].toString(), QStringLiteral("application/pdf"));
        QCOMPARE(downloaded(message.value(QLatin1String("id")).toInteger(), 0), form);
    }

    void aFileAttachedOfflineGoesEvenIfTheOriginalIsGone()
    {
        QVERIFY(m_conversation);
        session().sync().stop();
        QTRY_VERIFY(session().sync().state() != SyncClient::State::Online);
        const QByteArray report = QByteArray("report ") + QByteArray(300000, 'q');
        const QString original = writeFile(QStringLiteral("report.bin"), report);
        const QUuid clientId = session().outbox().send(
            m_conversation, QStringLiteral("The report, as promised."), false, {}, {original});
        QVERIFY(!clientId.isNull());
        const QString kept = QDir(session().cache().outgoingFolder())
                                 .filePath(clientId.toString(QUuid::WithoutBraces)
                                           + QStringLiteral("/0/report.bin"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(kept), Slow);
        QVERIFY(QFile::remove(original));
        QSignalSpy accepted(&session().outbox(), &Outbox::accepted);
        session().connectWith(m_token);
        QVERIFY(accepted.wait(Slow));
        QCOMPARE(accepted.last().at(0).toUuid(), clientId);
        const qint64 messageId = accepted.last().at(1).toLongLong();
        QCOMPARE(downloaded(messageId, 0), report);
        // Once the server has it, the copy is not kept.
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(kept), Slow);
    }

    void aFileTheServerRefusesIsShownAndKept()
    {
        QVERIFY(m_conversation);
        // Past the picker's limits only by hand: the server says no, from the request's head.
        const QString big = m_files.filePath(QStringLiteral("huge.bin"));
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(11 * 1024 * 1024));
        }
        QSignalSpy refused(&session().outbox(), &Outbox::refused);
        const QUuid clientId =
            session().outbox().send(m_conversation, QStringLiteral("Too big."), false, {}, {big});
        QVERIFY(refused.wait(Slow));
        QCOMPARE(refused.last().at(0).toUuid(), clientId);
        QVERIFY2(refused.last().at(1).toString().contains(QStringLiteral("huge.bin")),
                 qPrintable(refused.last().at(1).toString()));
        QVERIFY(!session().outbox().failure(clientId).isEmpty());
        QCOMPARE(session().outbox().pending(), 1); // kept for the agent to see
        // In the thread: taken back into the composer to be put right, out of the outbox.
        ConversationView *thread = m_app->mainWindow()->conversationView();
        QTRY_VERIFY(thread->takeBackButton()->isVisible());
        thread->composer()->clear();
        thread->takeBackButton()->click();
        QCOMPARE(thread->composer()->toPlainText(), QStringLiteral("Too big."));
        QVERIFY(!thread->takeBackButton()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(session().outbox().pending(), 0, Slow);
    }

    void aNewEmailWrittenOfflineAndRefusedComesBackToItsWriter()
    {
        session().sync().stop();
        QTRY_VERIFY(session().sync().state() != SyncClient::State::Online);
        {
            NewEmailDialog dialog(session(), m_app->mainWindow());
            dialog.toField()->setText(QStringLiteral("olga@example.net"));
            // A tab the form lets through; the server will not put it in a mail's header.
            dialog.nameField()->setText(QStringLiteral("Olga\tOffline"));
            dialog.subjectField()->setText(QStringLiteral("Written on the train"));
            dialog.textField()->setPlainText(QStringLiteral("Hello from the train."));
            dialog.send();
            QVERIFY(!dialog.isVisible()); // offline: it waits in the outbox
        }
        QTRY_COMPARE_WITH_TIMEOUT(session().outbox().pending(), 1, Slow);
        session().connectWith(m_token);
        NewEmailDialog *restored = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (restored = m_app->mainWindow()->findChild<NewEmailDialog *>()) != nullptr, Slow);
        QVERIFY2(restored->statusLabel()->text().contains(QStringLiteral("toName")),
                 qPrintable(restored->statusLabel()->text()));
        QCOMPARE(restored->subjectField()->text(), QStringLiteral("Written on the train"));
        QCOMPARE(restored->textField()->toPlainText(), QStringLiteral("Hello from the train."));
        // Given up: it leaves the outbox.
        restored->reject();
        QTRY_COMPARE_WITH_TIMEOUT(session().outbox().pending(), 0, Slow);
    }

    void thePickerKeepsToTheLimits()
    {
        AttachmentPicker picker;
        QSignalSpy refused(&picker, &AttachmentPicker::refused);
        picker.add({writeFile(QStringLiteral("empty.txt"), QByteArray())});
        QCOMPARE(refused.size(), 1);
        QVERIFY(refused.last().at(0).toString().contains(QStringLiteral("empty")));
        picker.add({m_files.filePath(QStringLiteral("huge.bin"))});
        QCOMPARE(refused.size(), 2);
        QVERIFY(picker.files().isEmpty());
        const QString small = writeFile(QStringLiteral("small.txt"), "words");
        picker.add({small, small});
        QCOMPARE(picker.files(), QStringList{small});
        for (int i = 0; i < 12; ++i)
            picker.add({writeFile(QStringLiteral("f%1.txt").arg(i), "x")});
        QCOMPARE(picker.files().size(), 10);
        QVERIFY(refused.last().at(0).toString().contains(QStringLiteral("10")));
    }

    void cleanupTestCase() { m_app.reset(); }
};

int main(int argc, char *argv[])
{
    const DesktopTest::TemporaryHome home;
    if (!home.isValid())
        return 1;
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    return DesktopTest::exec<TestEmailCompose>(argc, argv);
}

#include "tst_emailcompose.moc"
