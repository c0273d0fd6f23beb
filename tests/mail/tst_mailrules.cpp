// SPDX-License-Identifier: GPL-3.0-or-later
// The rules of email that need no server: how replies find their thread (signed
// Message-IDs, reply addresses, subject tags), how a reply's new words are told from the
// history they quote, and which mailbox settings are accepted.
#include "channels/email/mailtext.h"
#include "channels/email/mailthreading.h"
#include "domain/mailboxsettings.h"

#include <QJsonDocument>
#include <QTest>
#include <sodium.h>

using namespace Tandem;
using namespace Tandem::Server;

namespace {

QByteArray key(char fill)
{
    return QByteArray(32, fill);
}

QJsonObject validSettings()
{
    return QJsonDocument::fromJson(R"({"address": "support@example.com", "displayName": "Support",
        "imap": {"host": "imap.example.com", "port": 993, "security": "tls", "user": "support"},
        "smtp": {"host": "smtp.example.com", "port": 587, "security": "starttls", "user": "support"}})")
        .object();
}

} // namespace

class TestMailRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void ourMessageIdsLeadBackAndCannotBeForged()
    {
        const MailThreading threading(key('a'));
        const QString id = threading.messageId(42, 1001, QStringLiteral("Support@Example.COM"));
        QVERIFY(id.startsWith(QStringLiteral("tandem.42.1001.")));
        QVERIFY(id.endsWith(QStringLiteral("@example.com")));
        QCOMPARE(threading.messageId(42, 1001, QStringLiteral("support@example.com")), id);
        QCOMPARE(threading.conversationOfMessageId(id), std::optional<qint64>(42));
        QCOMPARE(threading.conversationOfMessageId(QLatin1Char('<') + id + QLatin1Char('>')),
                 std::optional<qint64>(42));
        // Another conversation's number with this signature, another key's signature, a
        // signature changed in one letter, and other mail's ids lead nowhere.
        QString other = id;
        other.replace(QStringLiteral("tandem.42."), QStringLiteral("tandem.43."));
        QCOMPARE(threading.conversationOfMessageId(other), std::nullopt);
        QCOMPARE(MailThreading(key('b')).conversationOfMessageId(id), std::nullopt);
        QString changed = id;
        const qsizetype at = changed.indexOf(QLatin1Char('@'));
        changed[at - 1] = changed[at - 1] == QLatin1Char('a') ? QLatin1Char('b') : QLatin1Char('a');
        QCOMPARE(threading.conversationOfMessageId(changed), std::nullopt);
        QCOMPARE(threading.conversationOfMessageId(QStringLiteral("CA+x@mail.gmail.com")),
                 std::nullopt);
        QCOMPARE(threading.conversationOfMessageId(QString()), std::nullopt);
        QCOMPARE(threading.conversationOfMessageId(QStringLiteral("tandem.1.2.@x")), std::nullopt);
    }

    void signedReplyAddressesNameTheirConversation()
    {
        const MailThreading threading(key('a'));
        const QString support = QStringLiteral("support@example.com");
        const QString reply = threading.replyAddress(support, 7);
        QVERIFY(reply.startsWith(QStringLiteral("support+t7.")));
        QCOMPARE(threading.conversationOfAddress(reply, support), std::optional<qint64>(7));
        // Mail clients may change the case of an address.
        QCOMPARE(threading.conversationOfAddress(reply.toUpper(), support),
                 std::optional<qint64>(7));
        QCOMPARE(threading.conversationOfAddress(reply, QStringLiteral("sales@example.com")),
                 std::nullopt);
        QString forged = reply;
        forged.replace(QStringLiteral("+t7."), QStringLiteral("+t8."));
        QCOMPARE(threading.conversationOfAddress(forged, support), std::nullopt);
        QCOMPARE(threading.conversationOfAddress(support, support), std::nullopt);
    }

    void subjectsCarryTagsAndLoseTheirPrefixes_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<qint64>("tag");
        QTest::addColumn<QString>("bare");
        QTest::newRow("ours") << QStringLiteral("Re: Where is my order? [#42]") << 42LL
                              << QStringLiteral("Where is my order?");
        QTest::newRow("outlook") << QStringLiteral("RE: AW: Where is my order? [#42]") << 42LL
                                 << QStringLiteral("Where is my order?");
        QTest::newRow("last tag wins")
            << QStringLiteral("Fwd: [#3] about [#42]") << 42LL << QStringLiteral("about");
        QTest::newRow("numbered prefix")
            << QStringLiteral("Re[2]: Hello") << 0LL << QStringLiteral("Hello");
        QTest::newRow("none") << QStringLiteral("Hello [#x]") << 0LL
                              << QStringLiteral("Hello [#x]");
        QTest::newRow("empty") << QString() << 0LL << QString();
    }
    void subjectsCarryTagsAndLoseTheirPrefixes()
    {
        QFETCH(QString, subject);
        QFETCH(qint64, tag);
        QFETCH(QString, bare);
        QCOMPARE(MailThreading::conversationOfSubject(subject).value_or(0), tag);
        QCOMPARE(MailThreading::bareSubject(subject), bare);
    }

    void repliesShowTheirNewWordsFirst_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fresh");
        QTest::addColumn<bool>("quoted");
        QTest::newRow("gmail") << QStringLiteral(
            "Thanks!\n\nOn Tue, 1 Dec 2026 at 10:02, Dana <s@x.com> wrote:\n> It left.\n")
                               << QStringLiteral("Thanks!") << true;
        QTest::newRow("gmail wrapped") << QStringLiteral(
            "Thanks!\n\nOn Tue, 1 Dec 2026 at 10:02, Dana\n<s@x.com> wrote:\n> It left.")
                                       << QStringLiteral("Thanks!") << true;
        QTest::newRow("outlook") << QStringLiteral(
            "Change the address.\r\n\r\n-----Original Message-----\r\nFrom: S\r\nSent: "
            "Tue\r\n\r\nIt left.")
                                 << QStringLiteral("Change the address.") << true;
        QTest::newRow("outlook header block")
            << QStringLiteral("Yes.\n\nFrom: Support <s@x.com>\nSent: Tuesday\nTo: Ada\n\nIt left.")
            << QStringLiteral("Yes.") << true;
        QTest::newRow("german") << QStringLiteral(
            "Danke!\n\nAm Di., 1. Dez. 2026 um 10:02 Uhr schrieb Dana <s@x.com>:\n> Hallo")
                                << QStringLiteral("Danke!") << true;
        QTest::newRow("french") << QStringLiteral(
            "Merci !\n\nLe mar. 1 déc. 2026 à 10:02, Dana <s@x.com> a écrit :\n> Bonjour")
                                << QStringLiteral("Merci !") << true;
        QTest::newRow("signature")
            << QStringLiteral("See you.\n-- \nAda Lovelace\nAnalytical Engines Ltd")
            << QStringLiteral("See you.") << true;
        QTest::newRow("trailing quote")
            << QStringLiteral("Agreed.\n\n> you said\n> more") << QStringLiteral("Agreed.") << true;
        QTest::newRow("inline answers keep their quotes")
            << QStringLiteral("> Which order?\n1042\n> When?\nMonday")
            << QStringLiteral("> Which order?\n1042\n> When?\nMonday") << false;
        QTest::newRow("only a quote")
            << QStringLiteral("> It left.") << QStringLiteral("> It left.") << false;
        QTest::newRow("plain") << QStringLiteral("Hello\nthere") << QStringLiteral("Hello\nthere")
                               << false;
        QTest::newRow("empty") << QString() << QString() << false;
    }
    void repliesShowTheirNewWordsFirst()
    {
        QFETCH(QString, text);
        QFETCH(QString, fresh);
        QFETCH(bool, quoted);
        const MailText::Folded folded = MailText::fold(text);
        QCOMPARE(folded.fresh, fresh);
        QCOMPARE(!folded.quoted.isEmpty(), quoted);
    }

    void htmlIsReadAsText()
    {
        const QString html = QStringLiteral(
            "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
            "<p>Hello&nbsp;<b>Dana</b>,</p><div>5 &lt; 6 &amp; 7 &gt; 3 &#8364; &#x263A;</div>"
            "<ul><li>one</li><li>two</li></ul><!-- hidden --><br>Bye</body></html>");
        const QString text = MailText::fromHtml(html);
        QVERIFY2(text.contains(QStringLiteral("Hello Dana,")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("5 < 6 & 7 > 3 € ☺")));
        QVERIFY(text.contains(QStringLiteral("• one")));
        QVERIFY(!text.contains(QStringLiteral("alert")));
        QVERIFY(!text.contains(QStringLiteral("color")));
        QVERIFY(!text.contains(QStringLiteral("hidden")));
        QVERIFY(text.endsWith(QStringLiteral("Bye")));
        // Bad input reads as far as it goes.
        QCOMPARE(MailText::fromHtml(QStringLiteral("<p>unclosed <b")),
                 QStringLiteral("unclosed <b"));
        QCOMPARE(MailText::fromHtml(QStringLiteral("&#0; &#xD800; &#99999999;")).trimmed(),
                 QStringLiteral("&#99999999;"));
    }

    void settingsAreCheckedFieldByField_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("address") << "address" << QJsonValue(QStringLiteral("support")) << "address";
        QTest::newRow("no imap host") << "imap.host" << QJsonValue(QString()) << "imap.host";
        QTest::newRow("port 0") << "imap.port" << QJsonValue(0) << "imap.port";
        QTest::newRow("port too high") << "smtp.port" << QJsonValue(70000) << "smtp.port";
        QTest::newRow("port as text")
            << "smtp.port" << QJsonValue(QStringLiteral("25")) << "smtp.port";
        QTest::newRow("security") << "imap.security" << QJsonValue(QStringLiteral("ssl"))
                                  << "imap.security";
        QTest::newRow("fingerprint")
            << "smtp.trustedCertificate" << QJsonValue(QStringLiteral("abc"))
            << "smtp.trustedCertificate";
        QTest::newRow("signature")
            << "signature" << QJsonValue(QString(4001, QLatin1Char('x'))) << "signature";
        QTest::newRow("folder") << "folder" << QJsonValue(QStringLiteral(" ")) << "folder";
    }
    void settingsAreCheckedFieldByField()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, complaint);
        QJsonObject json = validSettings();
        const QStringList parts = path.split(QLatin1Char('.'));
        if (parts.size() == 1) {
            json.insert(parts[0], value);
        } else {
            QJsonObject inner = json.value(parts[0]).toObject();
            inner.insert(parts[1], value);
            json.insert(parts[0], inner);
        }
        const auto read = MailboxSettings::fromJson(json);
        QVERIFY(!read);
        QVERIFY2(read.failure().message.startsWith(complaint), qPrintable(read.failure().message));
    }

    void settingsSurviveTheirJson()
    {
        QJsonObject json = validSettings();
        QJsonObject imap = json.value(QStringLiteral("imap")).toObject();
        imap.insert(QStringLiteral("trustedCertificate"),
                    QStringLiteral("AB:") + QString(62, QLatin1Char('c')));
        json.insert(QStringLiteral("imap"), imap);
        const auto read = MailboxSettings::fromJson(json);
        QVERIFY2(read, read ? "" : qPrintable(read.failure().message));
        QCOMPARE(read->imap.trustedCertificate,
                 QStringLiteral("ab") + QString(62, QLatin1Char('c')));
        QCOMPARE(read->folder, QStringLiteral("INBOX"));
        QCOMPARE(read->smtp.security, MailSecurity::StartTls);
        const auto again = MailboxSettings::fromJson(read->toJson());
        QVERIFY(again);
        QVERIFY(again.value() == read.value());
        // No password field is ever part of the settings.
        QVERIFY(!QJsonDocument(read->toJson()).toJson().contains("password"));
    }
};

QTEST_GUILESS_MAIN(TestMailRules)
#include "tst_mailrules.moc"
