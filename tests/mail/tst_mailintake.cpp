// SPDX-License-Identifier: GPL-3.0-or-later
// Filing mail taken from a mailbox, over the real SQLite store: a new thread or the one it
// answers (and only for the thread's people), its files and people kept, the mailbox's
// cursor moved in the same transaction, each mail once, bounces failing the reply they
// name, our own mail and unreadable mail passed over.
#include "../channels/channelrig.h"
#include "../support/freshfiles.h"
#include "channels/email/mailintake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <sodium.h>

using namespace Tandem;
using namespace Tandem::Server;
using namespace Tandem::Testing;

namespace {

const QString Support = QStringLiteral("support@example.com");

MailboxSettings settings()
{
    MailboxSettings s;
    s.address = Support;
    s.displayName = QStringLiteral("Support");
    s.imap = {QStringLiteral("imap.example.com"), 993, MailSecurity::Tls, Support, {}};
    s.smtp = {QStringLiteral("smtp.example.com"), 465, MailSecurity::Tls, Support, {}};
    return s;
}

ParsedMail parsed(const QString &from, const QString &subject, const QString &text,
                  const QString &messageId)
{
    ParsedMail m;
    m.from = {QString(), from};
    m.to = {{QStringLiteral("Support"), Support}};
    m.subject = subject;
    m.text = text;
    m.messageId = messageId;
    return m;
}

} // namespace

class TestMailIntake : public QObject
{
    Q_OBJECT
    Testing::FreshFiles m_files{QStringLiteral("mi")};
    const MailThreading m_threading{QByteArray(32, 'k')};
    qint64 m_inbox = 0;
    quint32 m_uid = 0;

    //! A rig with the email inbox's mailbox set up.
    bool ready(Rig &rig)
    {
        if (!rig.open())
            return false;
        const auto inbox = rig.run([](Store &store) {
            return ChannelOperations::inboxOf(store, MailIntake::channel(), 0);
        });
        if (!inbox)
            return false;
        m_inbox = inbox->id;
        MailboxRecord record;
        record.inboxId = m_inbox;
        record.settings = settings().toText();
        record.imapPassword = record.smtpPassword = QStringLiteral("sealed");
        record.configuredAt = QDateTime::fromMSecsSinceEpoch(Start, QTimeZone::utc());
        return bool(rig.run(
            [record](Store &store) { return forClient(store.saveMailbox(record), QString()); }));
    }

    //! The next mail of the mailbox (by UID), parsed as `mail`, or unreadable (`mail` unset).
    MailIntake::Arrival next(std::optional<ParsedMail> mail)
    {
        MailIntake::Arrival a;
        a.inboxId = m_inbox;
        a.uidValidity = 77;
        a.uid = ++m_uid;
        a.arrivedAt = QDateTime::fromMSecsSinceEpoch(Start, QTimeZone::utc());
        if (mail)
            a.externalId = mail->messageId;
        else
            a.unreadable = QStringLiteral("Not a mail that can be read");
        a.mail = std::move(mail);
        return a;
    }

    Result<MailIntake::Filed> file(Rig &rig, const ParsedMail &mail)
    {
        return file(rig, next(mail));
    }

    Result<MailIntake::Filed> file(Rig &rig, const MailIntake::Arrival &a)
    {
        const MailThreading threading = m_threading;
        return rig.run([a, threading](Store &store) {
            return MailIntake::file(store, settings(), threading, a, nullptr);
        });
    }

    MailboxRecord mailbox(Rig &rig)
    {
        const qint64 inbox = m_inbox;
        return rig.run([inbox](Store &store) { return forClient(store.mailbox(inbox), QString()); })
            .value();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }
    void init() { m_uid = 0; }

    void aNewMailStartsAThreadWithItsFilesAndPeople()
    {
        ManualClock clock(Start);
        Rig rig(m_files.next(), clock);
        QVERIFY(ready(rig));
        ParsedMail mail = parsed(QStringLiteral("Ada@Example.org"), QStringLiteral("Order"),
                                 QStringLiteral("Where is it?\n\nOn Mon, Bob wrote:\n> hi"),
                                 QStringLiteral("m1@example.org"));
        mail.cc = {{QStringLiteral("Bob"), QStringLiteral("bob@example.org")},
                   {QString(), Support}};
        mail.html = QStringLiteral("<p>Where is it?</p>");
        mail.attachments = {{QStringLiteral("a.pdf"),
                             QStringLiteral("application/pdf"),
                             {},
                             false,
                             3,
                             QByteArray("PDF"),
                             false},
                            {QStringLiteral("big.iso"),
                             QStringLiteral("application/x-iso"),
                             {},
                             false,
                             99999999,
                             {},
                             true}};
        const auto filed = file(rig, mail);
        QVERIFY2(filed, filed ? "" : qPrintable(filed.failure().message));
        QCOMPARE(filed->kind, MailIntake::Filed::Kind::Message);
        const Message m = filed->received->message;
        QCOMPARE(m.text, QStringLiteral("Where is it?"));
        QCOMPARE(m.email.value(QLatin1String("quoted")).toString(),
                 QStringLiteral("On Mon, Bob wrote:\n> hi"));
        QCOMPARE(m.email.value(QLatin1String("html")).toInt(), 2);
        QCOMPARE(m.email.value(QLatin1String("attachments")).toArray().size(), 2);
        QVERIFY(filed->received->startedConversation);
        const qint64 id = m.id;
        const qint64 conv = m.conversationId;
        const auto stored = rig.run([id, conv](Store &store) -> Result<QStringList> {
            const auto pdf = store.attachment(id, 0);
            const auto big = store.attachment(id, 1);
            const auto html = store.attachment(id, 2);
            const auto people = store.participants(conv);
            if (!pdf || !big || !html || !people)
                return Failure{ErrorCode::Internal, QStringLiteral("missing")};
            return QStringList{QString::fromUtf8(pdf->data),
                               big->kept ? QStringLiteral("kept") : QString(),
                               QString::fromUtf8(html->data), people->join(QLatin1Char(','))};
        });
        QVERIFY(stored);
        QCOMPARE(stored->at(0), QStringLiteral("PDF"));
        QCOMPARE(stored->at(1), QString()); // too large: listed, not kept
        QCOMPARE(stored->at(2), QStringLiteral("<p>Where is it?</p>"));
        QCOMPARE(stored->at(3), QStringLiteral("ada@example.org,bob@example.org"));
        const MailboxRecord box = mailbox(rig);
        QCOMPARE(box.uidValidity, 77u);
        QCOMPARE(box.lastUid, 1u);
        QVERIFY(box.lastMailAt.isValid());
    }

    void eachMailIsFiledOnce()
    {
        ManualClock clock(Start);
        Rig rig(m_files.next(), clock);
        QVERIFY(ready(rig));
        const ParsedMail mail = parsed(QStringLiteral("ada@example.org"), QStringLiteral("Hi"),
                                       QStringLiteral("Hello"), QStringLiteral("once@example.org"));
        const auto first = file(rig, mail);
        const auto again = file(rig, mail); // the folder read again after a rebuild
        QVERIFY(first && again);
        QCOMPARE(again->kind, MailIntake::Filed::Kind::Duplicate);
        QCOMPARE(again->received->message.id, first->received->message.id);
        QCOMPARE(mailbox(rig).lastUid, 2u); // the cursor moves past it all the same
    }

    void repliesJoinTheirThreadOnlyForItsPeople()
    {
        ManualClock clock(Start);
        Rig rig(m_files.next(), clock);
        QVERIFY(ready(rig));
        ParsedMail first = parsed(QStringLiteral("ada@example.org"), QStringLiteral("Order"),
                                  QStringLiteral("Where?"), QStringLiteral("a1@example.org"));
        first.cc = {{QString(), QStringLiteral("bob@example.org")}};
        const auto started = file(rig, first);
        QVERIFY(started);
        const qint64 conv = started->received->conversation.id;
        const QString ours = m_threading.messageId(conv, 999, Support);

        // Her answer to our reply; Bob's, by the customer's own Message-ID; a tagged subject.
        ParsedMail answer = parsed(QStringLiteral("ada@example.org"), QStringLiteral("Re: Order"),
                                   QStringLiteral("Thanks"), QStringLiteral("a2@example.org"));
        answer.inReplyTo = ours;
        ParsedMail bob = parsed(QStringLiteral("bob@example.org"), QStringLiteral("Re: Order"),
                                QStringLiteral("Me too"), QStringLiteral("b1@example.org"));
        bob.references = {QStringLiteral("a1@example.org")};
        ParsedMail tagged = parsed(QStringLiteral("ada@example.org"),
                                   QStringLiteral("RE: Order") + MailThreading::subjectTag(conv),
                                   QStringLiteral("Also"), QStringLiteral("a3@example.org"));
        for (const ParsedMail &m : {answer, bob, tagged}) {
            const auto filed = file(rig, m);
            QVERIFY(filed);
            QCOMPARE(filed->received->conversation.id, conv);
            QVERIFY(!filed->startedThread);
        }
        // Bob writes as himself.
        QCOMPARE(file(rig, parsed(QStringLiteral("bob@example.org"),
                                  QStringLiteral("Order") + MailThreading::subjectTag(conv),
                                  QStringLiteral("Bob again"), QStringLiteral("b2@example.org")))
                     ->received->message.author.name,
                 QStringLiteral("bob@example.org"));
        // A stranger with every sign of the thread starts a conversation of their own.
        ParsedMail stranger =
            parsed(QStringLiteral("mallory@example.net"),
                   QStringLiteral("Re: Order") + MailThreading::subjectTag(conv),
                   QStringLiteral("Give me her data"), QStringLiteral("x1@example.net"));
        stranger.inReplyTo = ours;
        const auto theirs = file(rig, stranger);
        QVERIFY(theirs);
        QVERIFY(theirs->received->conversation.id != conv);
        QVERIFY(theirs->startedThread);
        // A forged id, and a new subject, start a new thread too.
        ParsedMail forged =
            parsed(QStringLiteral("ada@example.org"), QStringLiteral("Discount?"),
                   QStringLiteral("Is there one?"), QStringLiteral("a4@example.org"));
        forged.inReplyTo = QStringLiteral("tandem.%1.1.aaaaaaaaaaaaaaaa@example.com").arg(conv);
        const auto fresh = file(rig, forged);
        QVERIFY(fresh);
        QVERIFY(fresh->received->conversation.id != conv);
    }

    void ourOwnMailAndUnreadableMailArePassedOver()
    {
        ManualClock clock(Start);
        Rig rig(m_files.next(), clock);
        QVERIFY(ready(rig));
        const auto own =
            file(rig, parsed(QStringLiteral("SUPPORT@example.com"), QStringLiteral("x"),
                             QStringLiteral("loop"), QStringLiteral("o1@example.com")));
        QVERIFY(own);
        QCOMPARE(own->kind, MailIntake::Filed::Kind::Skipped);
        const auto token =
            file(rig, parsed(m_threading.replyAddress(Support, 5), QStringLiteral("x"),
                             QStringLiteral("loop"), QStringLiteral("o2@example.com")));
        QCOMPARE(token->kind, MailIntake::Filed::Kind::Skipped);
        const auto nobody = file(rig, parsed(QString(), QStringLiteral("x"), QStringLiteral("who?"),
                                             QStringLiteral("o3@example.com")));
        QCOMPARE(nobody->kind, MailIntake::Filed::Kind::Skipped);
        const auto skipped = file(rig, next(std::nullopt));
        QVERIFY(skipped);
        QCOMPARE(skipped->kind, MailIntake::Filed::Kind::Skipped);
        QCOMPARE(mailbox(rig).lastUid, m_uid); // passed over, the cursor moves all the same
    }

    void aBounceFailsTheReplyItNames()
    {
        ManualClock clock(Start);
        Rig rig(m_files.next(), clock);
        QVERIFY(ready(rig));
        const auto started =
            file(rig, parsed(QStringLiteral("ada@example.org"), QStringLiteral("Hi"),
                             QStringLiteral("Hello"), QStringLiteral("h1@example.org")));
        QVERIFY(started);
        const auto reply =
            rig.reply(started->received->conversation.id, QStringLiteral("Hello Ada"));
        QVERIFY(reply);
        const qint64 replyId = reply->message.id;
        const QString ours =
            m_threading.messageId(started->received->conversation.id, replyId, Support);
        QVERIFY(rig.run([replyId, ours](Store &store) {
            return ChannelOperations::recordOutcome(store, replyId,
                                                    {DeliveryOutcome::Kind::Sent, ours, {}}, {});
        }));
        ParsedMail bounce =
            parsed(QStringLiteral("mailer-daemon@example.org"), QStringLiteral("Undelivered"),
                   QStringLiteral("Sorry"), QStringLiteral("d1@example.org"));
        bounce.bounce = bounce.automatic = true;
        bounce.bouncedMessageId = ours;
        bounce.bounceReason = QStringLiteral("550 5.1.1 User unknown");
        const auto filed = file(rig, bounce);
        QVERIFY(filed);
        QCOMPARE(filed->kind, MailIntake::Filed::Kind::Bounce);
        QVERIFY(!filed->received); // no message filed
        const OutboundRecord record = rig.record(replyId);
        QCOMPARE(record.state, DeliveryState::Failed);
        QCOMPARE(record.lastError, QStringLiteral("Bounced: 550 5.1.1 User unknown"));
        // One about a mail we never sent is passed over.
        bounce.messageId = QStringLiteral("d2@example.org");
        bounce.bouncedMessageId = QStringLiteral("someone-else@example.org");
        const auto stray = file(rig, bounce);
        QVERIFY(stray);
        QCOMPARE(stray->kind, MailIntake::Filed::Kind::Bounce);
        QVERIFY(!stray->why.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMailIntake)
#include "tst_mailintake.moc"
