// SPDX-License-Identifier: GPL-3.0-or-later
// Runs against a real Secret Service: start it through tests/auth/with-keyring.sh, which gives
// it a throwaway keyring and home. The "unavailable" cases start this same binary again as a
// child with no usable keychain (TANDEM_TST_KEYCHAIN_CHILD set), see runChild().
#include "auth/credentialstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QUuid>
#include <functional>
#include <memory>
#include <optional>

using namespace Tandem;
using Status = CredentialResult::Status;

namespace {

const char childVariable[] = "TANDEM_TST_KEYCHAIN_CHILD";

QString statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("Ok");
    case Status::NotFound:
        return QStringLiteral("NotFound");
    case Status::Unavailable:
        return QStringLiteral("Unavailable");
    case Status::Failed:
        return QStringLiteral("Failed");
    }
    return QStringLiteral("?");
}

QString describe(const CredentialResult &r)
{
    return statusName(r.status) + QLatin1String(": ") + r.message;
}

using Operation = std::function<void(QObject *context, CredentialStore::Callback done)>;

//! Runs one asynchronous operation to its end. The wait is only a guard against a hang.
CredentialResult await(const Operation &operation)
{
    QObject context;
    std::optional<CredentialResult> got;
    operation(&context, [&got](CredentialResult r) { got = std::move(r); });
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, 60000))
        return {
            Status::Failed, {}, QStringLiteral("no answer from the keychain (test hang guard)")};
    return *got;
}

CredentialResult readFrom(CredentialStore &store, const QUrl &server, const QString &account)
{
    return await([&](QObject *c, CredentialStore::Callback done) {
        store.readToken(server, account, c, std::move(done));
    });
}

CredentialResult writeTo(CredentialStore &store, const QUrl &server, const QString &account,
                         const QString &token)
{
    return await([&](QObject *c, CredentialStore::Callback done) {
        store.writeToken(server, account, token, c, std::move(done));
    });
}

CredentialResult removeFrom(CredentialStore &store, const QUrl &server, const QString &account)
{
    return await([&](QObject *c, CredentialStore::Callback done) {
        store.removeToken(server, account, c, std::move(done));
    });
}

QString freshToken()
{
    // Unlike anything else on the disk, so a scan for it finds only a leak.
    return QLatin1String("tok-") + QUuid::createUuid().toString(QUuid::Id128)
           + QUuid::createUuid().toString(QUuid::Id128);
}

//! Files under `root` holding `token` in clear text (as UTF-8, UTF-16 or base64).
QStringList filesContaining(const QString &root, const QString &token)
{
    const QByteArray utf8 = token.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(token.utf16()),
                           token.size() * qsizetype(sizeof(char16_t)));
    const QByteArray base64 = utf8.toBase64();
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue; // sockets and the like
        const QByteArray content = file.readAll();
        if (content.contains(utf8) || content.contains(utf16) || content.contains(base64))
            found << path;
    }
    return found;
}

//! The child: tries every operation with whatever keychain its environment offers, and
//! prints one line per operation: "<operation>\t<status>\t<message>".
int runChild()
{
    CredentialStore store(qEnvironmentVariable("TANDEM_TST_KEYCHAIN_SERVICE"));
    const QUrl server(QStringLiteral("https://help.example.com"));
    const QString account = QStringLiteral("child@example.com");
    const QString token = qEnvironmentVariable("TANDEM_TST_KEYCHAIN_TOKEN");
    QTextStream out(stdout);
    const auto print = [&out](const char *operation, const CredentialResult &r) {
        out << QLatin1String(operation) << '\t' << statusName(r.status) << '\t' << r.message
            << '\n';
        out.flush();
    };
    print("write", writeTo(store, server, account, token));
    print("read", readFrom(store, server, account));
    print("remove", removeFrom(store, server, account));
    return 0;
}

} // namespace

#define EXPECT_STATUS(result, expected)                                                            \
    QVERIFY2((result).status == (expected), qPrintable(describe(result)))

class TestCredentialStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Writes go to the keychain of whatever session this runs in: insist on the sandbox.
        QVERIFY2(qEnvironmentVariableIsSet("TANDEM_KEYRING_SANDBOX"),
                 "run this through tests/auth/with-keyring.sh, which provides a throwaway "
                 "Secret Service");
        m_store = std::make_unique<CredentialStore>(m_service);
    }

    void cleanup()
    {
        for (const auto &[server, account] : std::as_const(m_written))
            removeFrom(*m_store, server, account);
        m_written.clear();
    }

    void keysAreNormalised_data()
    {
        QTest::addColumn<QUrl>("server");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("key");
        const QString alice = QStringLiteral("alice@example.com");
        QTest::newRow("plain") << QUrl(QStringLiteral("https://help.example.com")) << alice
                               << QStringLiteral("https://help.example.com alice@example.com");
        QTest::newRow("trailing slash")
            << QUrl(QStringLiteral("https://help.example.com/")) << alice
            << QStringLiteral("https://help.example.com alice@example.com");
        QTest::newRow("case") << QUrl(QStringLiteral("HTTPS://Help.Example.COM/"))
                              << QStringLiteral(" Alice@Example.COM ")
                              << QStringLiteral("https://help.example.com alice@example.com");
        QTest::newRow("path, query, fragment, user info")
            << QUrl(QStringLiteral("https://bob:pw@help.example.com/desk/?x=1#top")) << alice
            << QStringLiteral("https://help.example.com alice@example.com");
        QTest::newRow("default port")
            << QUrl(QStringLiteral("https://help.example.com:443")) << alice
            << QStringLiteral("https://help.example.com alice@example.com");
        QTest::newRow("other port")
            << QUrl(QStringLiteral("https://help.example.com:8443/")) << alice
            << QStringLiteral("https://help.example.com:8443 alice@example.com");
        QTest::newRow("http default port") << QUrl(QStringLiteral("http://localhost:80/")) << alice
                                           << QStringLiteral("http://localhost alice@example.com");
        QTest::newRow("scheme kept") << QUrl(QStringLiteral("http://help.example.com")) << alice
                                     << QStringLiteral("http://help.example.com alice@example.com");
        QTest::newRow("ipv6") << QUrl(QStringLiteral("https://[::1]:9000/")) << alice
                              << QStringLiteral("https://[::1]:9000 alice@example.com");
        QTest::newRow("idn") << QUrl(QStringLiteral("https://bücher.example/")) << alice
                             << QStringLiteral("https://xn--bcher-kva.example alice@example.com");
        QTest::newRow("no account") << QUrl(QStringLiteral("https://help.example.com"))
                                    << QStringLiteral("  ") << QString();
        QTest::newRow("no host") << QUrl(QStringLiteral("file:///tmp/x")) << alice << QString();
        QTest::newRow("empty url") << QUrl() << alice << QString();
    }

    void keysAreNormalised()
    {
        QFETCH(QUrl, server);
        QFETCH(QString, account);
        QFETCH(QString, key);
        QCOMPARE(CredentialStore::keyFor(server, account), key);
    }

    void roundTrip()
    {
        const QString token = freshToken();
        int calls = 0;
        CredentialResult written;
        QObject context;
        m_store->writeToken(m_server, m_account, token, &context, [&](CredentialResult r) {
            written = std::move(r);
            ++calls;
        });
        remember(m_server, m_account);
        // Never from inside the call: callers may rely on the call returning first.
        QCOMPARE(calls, 0);
        QVERIFY(QTest::qWaitFor([&calls] { return calls > 0; }, 60000));
        EXPECT_STATUS(written, Status::Ok);
        QVERIFY(written.message.isEmpty());

        // Another spelling of the same server and account finds the same token.
        const CredentialResult read = readFrom(
            *m_store, QUrl(QStringLiteral("HTTPS://Help.Example.com:443/x/")), m_account.toUpper());
        EXPECT_STATUS(read, Status::Ok);
        QCOMPARE(read.token, token);
        QCOMPARE(calls, 1);
    }

    void unicodeTokenSurvives()
    {
        const QString token = QStringLiteral("tøken ✓ 密 ") + freshToken();
        remember(m_server, m_account);
        EXPECT_STATUS(writeTo(*m_store, m_server, m_account, token), Status::Ok);
        const CredentialResult read = readFrom(*m_store, m_server, m_account);
        EXPECT_STATUS(read, Status::Ok);
        QCOMPARE(read.token, token);
    }

    void accountsAndServersDoNotCollide()
    {
        const QUrl otherServer(QStringLiteral("https://help.example.com:8443"));
        const QUrl plainHttp(QStringLiteral("http://help.example.com"));
        const QString otherAccount = QStringLiteral("bob@example.com");
        const QList<std::pair<QUrl, QString>> places{{m_server, m_account},
                                                     {m_server, otherAccount},
                                                     {otherServer, m_account},
                                                     {otherServer, otherAccount},
                                                     {plainHttp, m_account}};
        QStringList tokens;
        for (const auto &[server, account] : places) {
            tokens << freshToken();
            remember(server, account);
            EXPECT_STATUS(writeTo(*m_store, server, account, tokens.last()), Status::Ok);
        }
        for (qsizetype i = 0; i < places.size(); ++i) {
            const CredentialResult read = readFrom(*m_store, places[i].first, places[i].second);
            EXPECT_STATUS(read, Status::Ok);
            QCOMPARE(read.token, tokens[i]);
        }

        // Another service name (another app, or the real Tandem) sees none of them.
        CredentialStore other(m_service + QLatin1String("-other"));
        EXPECT_STATUS(readFrom(other, m_server, m_account), Status::NotFound);

        // Removing one leaves the others.
        EXPECT_STATUS(removeFrom(*m_store, m_server, otherAccount), Status::Ok);
        EXPECT_STATUS(readFrom(*m_store, m_server, otherAccount), Status::NotFound);
        QCOMPARE(readFrom(*m_store, m_server, m_account).token, tokens[0]);
        QCOMPARE(readFrom(*m_store, otherServer, otherAccount).token, tokens[3]);
    }

    void overwriteReplaces()
    {
        const QString first = freshToken();
        const QString second = freshToken();
        remember(m_server, m_account);
        EXPECT_STATUS(writeTo(*m_store, m_server, m_account, first), Status::Ok);
        EXPECT_STATUS(writeTo(*m_store, m_server, m_account, second), Status::Ok);
        const CredentialResult read = readFrom(*m_store, m_server, m_account);
        EXPECT_STATUS(read, Status::Ok);
        QCOMPARE(read.token, second);

        // One entry, not two: after one removal nothing is left.
        EXPECT_STATUS(removeFrom(*m_store, m_server, m_account), Status::Ok);
        EXPECT_STATUS(readFrom(*m_store, m_server, m_account), Status::NotFound);
    }

    void removeThenReadIsNotFound()
    {
        remember(m_server, m_account);
        EXPECT_STATUS(writeTo(*m_store, m_server, m_account, freshToken()), Status::Ok);
        EXPECT_STATUS(removeFrom(*m_store, m_server, m_account), Status::Ok);
        const CredentialResult read = readFrom(*m_store, m_server, m_account);
        EXPECT_STATUS(read, Status::NotFound);
        QVERIFY(read.token.isEmpty());
        QVERIFY(!read.message.isEmpty());
        // Signing out twice is fine.
        EXPECT_STATUS(removeFrom(*m_store, m_server, m_account), Status::Ok);
    }

    void neverStoredIsNotFound()
    {
        EXPECT_STATUS(
            readFrom(*m_store, QUrl(QStringLiteral("https://never.example.com")), m_account),
            Status::NotFound);
    }

    void destroyedContextGetsNoCallback()
    {
        const QString token = freshToken();
        bool called = false;
        auto *context = new QObject;
        remember(m_server, m_account);
        m_store->writeToken(m_server, m_account, token, context,
                            [&called](const CredentialResult &) { called = true; });
        delete context;

        // QtKeychain runs jobs one at a time in order, so once this read is answered the
        // write has finished too; and the write itself still happened.
        const CredentialResult read = readFrom(*m_store, m_server, m_account);
        EXPECT_STATUS(read, Status::Ok);
        QCOMPARE(read.token, token);
        QCoreApplication::processEvents();
        QVERIFY(!called);

        // The same for a read.
        auto *reader = new QObject;
        m_store->readToken(m_server, m_account, reader,
                           [&called](const CredentialResult &) { called = true; });
        delete reader;
        EXPECT_STATUS(readFrom(*m_store, m_server, m_account), Status::Ok);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void storeMayGoFirst()
    {
        // The app may drop the store while a job runs; the job must neither crash nor be lost.
        const QString token = freshToken();
        remember(m_server, m_account);
        EXPECT_STATUS(writeTo(*m_store, m_server, m_account, token), Status::Ok);
        auto store = std::make_unique<CredentialStore>(m_service);
        QObject context;
        std::optional<CredentialResult> got;
        store->readToken(m_server, m_account, &context,
                         [&got](CredentialResult r) { got = std::move(r); });
        store.reset();
        QVERIFY(QTest::qWaitFor([&got] { return got.has_value(); }, 60000));
        EXPECT_STATUS(*got, Status::Ok);
        QCOMPARE(got->token, token);
    }

    void badInputFails()
    {
        EXPECT_STATUS(writeTo(*m_store, QUrl(), m_account, freshToken()), Status::Failed);
        EXPECT_STATUS(writeTo(*m_store, m_server, QString(), freshToken()), Status::Failed);
        EXPECT_STATUS(writeTo(*m_store, m_server, m_account, QString()), Status::Failed);
        EXPECT_STATUS(readFrom(*m_store, QUrl(), m_account), Status::Failed);
        EXPECT_STATUS(removeFrom(*m_store, m_server, QString()), Status::Failed);
    }

    void nothingInClearTextOnDisk()
    {
        // Everything this process could have written (home, XDG dirs, the keyring files)
        // lies under the sandbox; a stored token must be in none of it in clear text.
        const QString token = freshToken();
        remember(m_server, m_account);
        EXPECT_STATUS(writeTo(*m_store, m_server, m_account, token), Status::Ok);
        QCOMPARE(readFrom(*m_store, m_server, m_account).token, token);
        const QString sandbox = qEnvironmentVariable("TANDEM_KEYRING_SANDBOX");
        QVERIFY(QFileInfo::exists(sandbox + QLatin1String("/data/keyrings")));
        const QStringList leaks = filesContaining(sandbox, token);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));
    }

    // Runs last: its final row locks the sandbox's keyring.
    void unavailableWithoutKeychain_data()
    {
        QTest::addColumn<QString>("situation");
        // In a KDE 4 session QtKeychain talks to KWallet instead of the Secret Service; that
        // is the path where its insecure fallback would write the token to a settings file.
        QTest::addColumn<bool>("kwallet");
        // Per operation (write, read, remove) the statuses allowed, separated by '|'.
        QTest::addColumn<QStringList>("expected");
        const QStringList unavailable(3, QStringLiteral("Unavailable"));
        QTest::newRow("bus address leads nowhere")
            << QStringLiteral("dead-bus") << false << unavailable;
        QTest::newRow("no session bus at all") << QStringLiteral("no-bus") << false << unavailable;
        QTest::newRow("session bus without a keychain")
            << QStringLiteral("empty-bus") << false << unavailable;
        QTest::newRow("KWallet, no session bus") << QStringLiteral("no-bus") << true << unavailable;
        QTest::newRow("KWallet, session bus without a keychain")
            << QStringLiteral("empty-bus") << true << unavailable;
        // The user did not unlock it (here: no display to prompt on). Writing says so; a read
        // cannot tell "locked" from "absent" through libsecret, and either way the user is
        // asked to sign in.
        QTest::newRow("keychain locked")
            << QStringLiteral("locked") << false
            << QStringList{QStringLiteral("Unavailable"), QStringLiteral("NotFound|Unavailable"),
                           QStringLiteral("Ok|Unavailable")};
    }

    void unavailableWithoutKeychain()
    {
        QFETCH(QString, situation);
        QFETCH(bool, kwallet);
        QFETCH(QStringList, expected);
        QTemporaryDir sandbox;
        QVERIFY(sandbox.isValid());
        const QString root = sandbox.path();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (situation != QLatin1String("locked"))
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        for (const char *name :
             {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP",
              "DESKTOP_SESSION", "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION",
              "KDE_SESSION_VERSION", "GNOME_KEYRING_CONTROL", "TANDEM_KEYRING_SANDBOX"})
            env.remove(QLatin1String(name));
        const std::pair<const char *, const char *> dirs[] = {{"HOME", "home"},
                                                              {"XDG_CONFIG_HOME", "config"},
                                                              {"XDG_DATA_HOME", "data"},
                                                              {"XDG_CACHE_HOME", "cache"},
                                                              {"XDG_STATE_HOME", "state"},
                                                              {"XDG_RUNTIME_DIR", "runtime"}};
        for (const auto &[name, dir] : dirs) {
            const QString path = root + QLatin1Char('/') + QLatin1String(dir);
            QVERIFY(QDir().mkpath(path));
            env.insert(QLatin1String(name), path);
        }
        QVERIFY(QFile::setPermissions(root + QLatin1String("/runtime"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QString token = freshToken();
        env.insert(QLatin1String(childVariable), QStringLiteral("1"));
        env.insert(QStringLiteral("TANDEM_TST_KEYCHAIN_SERVICE"), m_service);
        env.insert(QStringLiteral("TANDEM_TST_KEYCHAIN_TOKEN"), token);
        if (kwallet) {
            env.insert(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("KDE"));
            env.insert(QStringLiteral("KDE_SESSION_VERSION"), QStringLiteral("4"));
        }
        // Make every library say why it fails.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tandem.*=true"));

        QString program = QCoreApplication::applicationFilePath();
        QStringList arguments;
        if (situation == QLatin1String("dead-bus")) {
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QLatin1String("unix:path=") + root + QLatin1String("/no-such-bus"));
        } else if (situation == QLatin1String("empty-bus")) {
            // A private bus with no activatable services at all, so nothing can start a
            // keychain on demand: like a bare window manager session without one.
            QFile config(root + QLatin1String("/bus.conf"));
            QVERIFY(config.open(QIODevice::WriteOnly));
            config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus "
                         "Configuration 1.0//EN\" "
                         "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                         // An abstract socket on Linux: no file that the bus, shutting
                         // down, could remove while the sandbox is being deleted.
                         "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
                         "<auth>EXTERNAL</auth><policy context=\"default\">"
                         "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                         "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
            config.close();
            const QString runSession =
                QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
            QVERIFY2(!runSession.isEmpty(), "dbus-run-session not found");
            arguments = QStringList{QLatin1String("--config-file=") + config.fileName(),
                                    QStringLiteral("--"), program};
            program = runSession;
        } else if (situation == QLatin1String("locked")) {
            // The sandbox's keyring, locked; unlocking it would need a prompt.
            arguments = QStringList{
                QStringLiteral("-c"),
                QStringLiteral("dbus-send --session --print-reply "
                               "--dest=org.freedesktop.secrets /org/freedesktop/secrets "
                               "org.freedesktop.Secret.Service.Lock "
                               "array:objpath:/org/freedesktop/secrets/collection/login "
                               ">/dev/null && exec \"$0\""),
                program};
            program = QStringLiteral("/bin/sh");
        }

        QProcess child;
        child.setProcessEnvironment(env);
        child.setWorkingDirectory(root + QLatin1String("/home"));
        child.start(program, arguments);
        QVERIFY2(child.waitForFinished(120000), qPrintable(child.errorString()));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const QString err = QString::fromUtf8(child.readAllStandardError());
        const QString transcript = out + QLatin1String("\n--- stderr:\n") + err;
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 qPrintable(transcript));

        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        const QStringList operations{QStringLiteral("write"), QStringLiteral("read"),
                                     QStringLiteral("remove")};
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QStringList fields = lines[i].split(QLatin1Char('\t'));
            QVERIFY2(fields.size() == 3, qPrintable(transcript));
            QCOMPARE(fields[0], operations[i]);
            // Never Failed (that would mean "try again") and never a token from elsewhere.
            QVERIFY2(expected[i].split(QLatin1Char('|')).contains(fields[1]),
                     qPrintable(transcript));
            if (fields[1] == QLatin1String("Unavailable")) {
                QVERIFY2(fields[2].contains(QLatin1String("sign in each time")),
                         qPrintable(transcript));
            }
        }

        // No plaintext fallback: the token is nowhere on disk, nor in what the child logged.
        const QStringList leaks = filesContaining(root, token);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));
        QVERIFY(!transcript.contains(token));
    }

private:
    void remember(const QUrl &server, const QString &account)
    {
        m_written.append({server, account});
    }

    // Our own service name per run, so neither the real app's entries nor an earlier run's
    // leftovers can be read by mistake.
    const QString m_service =
        QLatin1String("TandemTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QUrl m_server{QStringLiteral("https://help.example.com")};
    const QString m_account = QStringLiteral("alice@example.com");
    std::unique_ptr<CredentialStore> m_store;
    QList<std::pair<QUrl, QString>> m_written;
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(childVariable))
        return runChild();
    TestCredentialStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credentialstore.moc"
