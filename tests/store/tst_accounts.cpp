// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/passwordhasher.h"
#include "accounts/secretbox.h"
#include "accounts/tokens.h"
#include "hub/deskoperations.h"
#include "store/sqlitestore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Tandem;
using namespace Tandem::Server;

class TestAccounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(PasswordHasher::initialize()); }

    void passwordsVerifyOnlyThemselves_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("ascii") << QStringLiteral("correct horse battery");
        QTest::newRow("unicode") << QStringLiteral("pässwörd ✓ 密码");
        QTest::newRow("long") << QString(1024, QLatin1Char('p'));
    }

    void passwordsVerifyOnlyThemselves()
    {
        QFETCH(QString, password);
        const QString hash = PasswordHasher::hash(password);
        QVERIFY(hash.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(!hash.contains(password));
        QVERIFY(PasswordHasher::verify(hash, password));
        QVERIFY(!PasswordHasher::verify(hash, password + QLatin1Char('x')));
        QVERIFY(!PasswordHasher::verify(hash, QString()));
        // Salted: the same password never hashes the same twice.
        QVERIFY(PasswordHasher::hash(password) != hash);
    }

    void malformedHashesNeverVerify()
    {
        for (const QString &bad :
             {QString(), QStringLiteral("plain"), QStringLiteral("$argon2id$v=19$"),
              QString(200, QLatin1Char('$'))})
            QVERIFY(!PasswordHasher::verify(bad, QStringLiteral("plain")));
        QVERIFY(!PasswordHasher::verify(PasswordHasher::decoyHash(), QString()));
    }

    void tokensAreRandomAndStoredOnlyAsHashes()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString token = Tokens::generate();
            QCOMPARE(token.size(), 43); // 32 bytes in unpadded base64url
            QVERIFY(!seen.contains(token));
            seen.insert(token);
        }
        const QString token = *seen.begin();
        QCOMPARE(Tokens::hash(token).size(), 32);
        QVERIFY(!Tokens::hash(token).contains(token.toLatin1()));

        QTemporaryDir dir;
        SqliteStore store(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(store.open().ok());
        store.begin();
        const Agent agent =
            store
                .createAgent({0, QStringLiteral("Dana"), QStringLiteral("d@example.com"),
                              Role::Agent, Presence::Offline, false},
                             PasswordHasher::hash(QStringLiteral("tandem-secret-pw-7")))
                .value();
        const auto session = DeskOperations::openStaffSession(store, agent, 60);
        QVERIFY(session.ok());
        store.commit();
        QVERIFY(DeskOperations::authenticateStaff(store, Tokens::hash(session->token)).ok());
        QCOMPARE(DeskOperations::authenticateStaff(store, Tokens::hash(QStringLiteral("guess")))
                     .failure()
                     .code,
                 ErrorCode::TokenInvalid);
        // The database file never holds the token itself.
        QFile file(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QFile wal(dir.filePath(QStringLiteral("s.sqlite-wal")));
        QByteArray bytes = file.readAll();
        if (wal.open(QIODevice::ReadOnly))
            bytes += wal.readAll();
        QVERIFY(!bytes.contains(session->token.toLatin1()));
        // Nor the password: long enough that random bytes (salts, hashes) cannot hold it.
        QVERIFY(!bytes.contains("tandem-secret-pw-7"));
    }

    void secretsAreSealedUnderAKeyOnlyTheOwnerReads()
    {
        QTemporaryDir dir;
        const auto box = SecretBox::open(dir.path());
        QVERIFY2(box, qPrintable(box ? QString() : box.failure().message));
        QFile key(dir.filePath(SecretBox::KeyFileName));
        QVERIFY(key.exists());
        QCOMPARE(key.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QByteArray password("imap-password-\xc3\xa4-42");
        const QString sealed = box->seal(password);
        QVERIFY(sealed.startsWith(QLatin1String("v1:")));
        QVERIFY(!sealed.contains(QLatin1String("imap-password")));
        QVERIFY(box->seal(password) != sealed); // a fresh nonce each time
        QCOMPARE(box->unseal(sealed).value(), password);
        // Opened again, the same key reads it.
        const auto again = SecretBox::open(dir.path());
        QVERIFY(again);
        QCOMPARE(again->unseal(sealed).value(), password);
        // Another key, an altered box, or text that was never sealed: refused.
        QTemporaryDir other;
        QVERIFY(!SecretBox::open(other.path())->unseal(sealed));
        QString altered = sealed;
        altered[altered.size() - 3] = altered.at(altered.size() - 3) == QLatin1Char('A')
                                          ? QLatin1Char('B')
                                          : QLatin1Char('A');
        QVERIFY(!box->unseal(altered));
        for (const QString &junk : {QString(), QStringLiteral("v1:"), QStringLiteral("v1:!!!"),
                                    QStringLiteral("v1:AAAA"), QStringLiteral("plain text")})
            QVERIFY(!box->unseal(junk));
        // A key others may read is refused, and so is a file that is not a key.
        QVERIFY(key.setPermissions(key.permissions() | QFileDevice::ReadOther));
        const auto exposed = SecretBox::open(dir.path());
        QVERIFY(!exposed);
        QVERIFY(exposed.failure().message.contains(QLatin1String("chmod 600")));
        QVERIFY(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
        key.write("short");
        key.close();
        QVERIFY(!SecretBox::open(dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
