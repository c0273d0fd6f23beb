// SPDX-License-Identifier: GPL-3.0-or-later
// Email inboxes kept from the desktop, against the real tandemd: an admin's form is checked
// before anything is sent, a new inbox is saved (its password sent once and never shown),
// and the mailbox's trouble shows in the list; a supervisor sees the list but changes
// nothing.
#include "desktoptest.h"
#include "mailboxes/mailboxesdialog.h"
#include "main/mainwindow.h"
#include "shell/agentsession.h"
#include "shell/desktopapplication.h"
#include "tandemdprocess.h"
#include "testclient.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Tandem;
using namespace DesktopTest;

namespace {
const QString Password = QStringLiteral("correct horse battery");
constexpr int Slow = 15000;

template<typename Widget = QLineEdit> Widget *field(QDialog &dialog, const char *name)
{
    return dialog.findChild<Widget *>(QString::fromLatin1(name));
}
} // namespace

class TestMailboxesDialog : public QObject
{
    Q_OBJECT

    TandemdProcess m_server;
    std::unique_ptr<DesktopApplication> m_app;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        QVERIFY(m_server.addAgent(QStringLiteral("ada@example.com"), QStringLiteral("Ada Admin"),
                                  Password, QStringLiteral("admin")));
        TestClient ada;
        QVERIFY(ada.open(m_server.wsUrl(QStringLiteral("/ws/agent"))));
        const QString token = ada.agentSignIn(QStringLiteral("ada@example.com"), Password)
                                  .value(QLatin1String("token"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        qputenv("TANDEM_SESSION_TOKEN", token.toUtf8());
        m_app = std::make_unique<DesktopApplication>();
        QVERIFY(m_app->start({QStringLiteral("tandem"), QStringLiteral("--profile"),
                              QStringLiteral("mailboxes"), QStringLiteral("--server"),
                              m_server.httpUrl(QString()).toString(), QStringLiteral("--email"),
                              QStringLiteral("ada@example.com")}));
        qunsetenv("TANDEM_SESSION_TOKEN");
        QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->sync().state(), SyncClient::State::Online,
                                  Slow);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->session()->sync().agent().role == Role::Admin, Slow);
    }

    void anAdminAddsAnInboxAndSeesItsTrouble()
    {
        MailboxesDialog dialog(*m_app->session());
        QSignalSpy refreshed(&dialog, &MailboxesDialog::refreshed);
        QVERIFY(refreshed.wait(Slow));
        QCOMPARE(dialog.list()->count(), 0);
        // Fields in the order the form shows them.
        QLineEdit *name = field(dialog, "name");
        QLineEdit *address = field(dialog, "address");
        QLineEdit *imapHost = field(dialog, "imapHost");
        QLineEdit *imapUser = field(dialog, "imapUser");
        QLineEdit *imapPassword = field(dialog, "imapPassword");
        QLineEdit *smtpHost = field(dialog, "smtpHost");
        QVERIFY(name && address && imapHost && imapUser && imapPassword && smtpHost);
        // Bad settings are named before anything is sent.
        name->setText(QStringLiteral("Support email"));
        address->setText(QStringLiteral("support@example.com"));
        dialog.saveButton()->click();
        QVERIFY(!dialog.errorLabel()->isHidden());
        QVERIFY2(dialog.errorLabel()->text().startsWith(QStringLiteral("imap.host")),
                 qPrintable(dialog.errorLabel()->text()));
        // A mailbox on a port where nothing listens: saved, then its trouble shows.
        imapHost->setText(QStringLiteral("127.0.0.1"));
        imapUser->setText(QStringLiteral("support"));
        imapPassword->setText(QStringLiteral("imap-secret"));
        smtpHost->setText(QStringLiteral("127.0.0.1"));
        field<QSpinBox>(dialog, "imapPort")->setValue(1);
        field<QComboBox>(dialog, "imapSecurity")->setCurrentIndex(2); // none: this machine only
        QSignalSpy saved(&dialog, &MailboxesDialog::saved);
        dialog.saveButton()->click();
        QVERIFY2(saved.wait(Slow), qPrintable(dialog.errorLabel()->text()));
        QVERIFY2(dialog.errorLabel()->isHidden(), qPrintable(dialog.errorLabel()->text()));
        QVERIFY(imapPassword->text().isEmpty()); // sent once, not kept in the form
        QTRY_COMPARE_WITH_TIMEOUT(dialog.list()->count(), 1, Slow);
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog.refresh(), refreshed.wait(2000),
             dialog.list()->item(0)->text().contains(QStringLiteral("cannot be read"))),
            Slow);
        QVERIFY(dialog.list()->item(0)->text().startsWith(QStringLiteral("support@example.com")));
        QVERIFY(!dialog.list()->item(0)->text().contains(QStringLiteral("imap-secret")));
        // The inbox is one like any other now.
        QTRY_VERIFY_WITH_TIMEOUT(m_app->session()->cache().inboxes().size() == 2, Slow);
        // Choosing it shows its settings, its password as "unchanged".
        dialog.list()->setCurrentRow(0);
        QCOMPARE(address->text(), QStringLiteral("support@example.com"));
        QVERIFY(imapPassword->text().isEmpty());
        QCOMPARE(imapPassword->placeholderText(), QStringLiteral("unchanged"));
    }

    void cleanupTestCase() { m_app.reset(); }

    void statusWordsSayWhatHappened()
    {
        MailboxStatus s;
        s.settings.address = QStringLiteral("help@example.com");
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(MailboxesDialog::statusText(s, now),
                 QStringLiteral("help@example.com · no mail yet"));
        s.lastMailAt = now;
        s.lagMs = 640;
        QVERIFY(MailboxesDialog::statusText(s, now).contains(QStringLiteral("(filed in 0.6 s)")));
        s.lastError = QStringLiteral("login refused");
        QVERIFY(MailboxesDialog::statusText(s, now).endsWith(
            QStringLiteral("cannot be read: login refused")));
    }
};

int main(int argc, char *argv[])
{
    const DesktopTest::TemporaryHome home;
    if (!home.isValid())
        return 1;
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    return DesktopTest::exec<TestMailboxesDialog>(argc, argv);
}

#include "tst_mailboxesdialog.moc"
