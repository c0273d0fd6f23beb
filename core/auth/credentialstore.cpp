// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentialstore.h"

#include <QLoggingCategory>
#include <QMetaObject>
#include <QPointer>
#include <qt6keychain/keychain.h>

#ifdef TANDEM_KEYCHAIN_DBUS_PROBE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QStringList>
#endif

#include <utility>

namespace Tandem {

namespace {

Q_LOGGING_CATEGORY(lcKeychain, "tandem.keychain", QtInfoMsg)

using Status = CredentialResult::Status;

CredentialResult result(Status status, QString message = {}, QString token = {})
{
    CredentialResult r;
    r.status = status;
    r.message = std::move(message);
    r.token = std::move(token);
    return r;
}

CredentialResult noKeychain()
{
    return result(Status::Unavailable,
                  CredentialStore::tr("No keychain is available, so Tandem cannot remember your "
                                      "sign-in; you will be asked to sign in each time."));
}

CredentialResult keychainRefused()
{
    return result(Status::Unavailable,
                  CredentialStore::tr("Tandem was not allowed to use the keychain (it may be "
                                      "locked), so it cannot remember your sign-in; you will be "
                                      "asked to sign in each time."));
}

CredentialResult keychainFailed(const QString &detail)
{
    // The keychain's own words name D-Bus services and paths: they go to the log, for
    // whoever looks into it; the person signing in reads what it means for them.
    qCWarning(lcKeychain) << "the keychain failed:" << detail;
    return result(Status::Failed,
                  CredentialStore::tr("Tandem could not use the system keychain, so it cannot "
                                      "remember your sign-in; you will be asked to sign in "
                                      "each time."));
}

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return 443;
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        return 80;
    return -1;
}

//! Hands `r` to `done` from the event loop, never from inside the caller or QtKeychain: a
//! callback that opens a dialog (a nested event loop) must not hold up QtKeychain's job
//! queue, and callers get the same ordering whether or not the keychain was consulted.
void deliver(const QPointer<QObject> &context, const CredentialStore::Callback &done,
             CredentialResult r)
{
    if (!context || !done)
        return;
    // A queued call to an object that is destroyed before it runs is dropped with it.
    QMetaObject::invokeMethod(
        context.data(), [done, r = std::move(r)] { done(r); }, Qt::QueuedConnection);
}

#ifdef TANDEM_KEYCHAIN_DBUS_PROBE
const QStringList &keychainServices()
{
    // The services QtKeychain can use on this platform: the Secret Service (GNOME Keyring,
    // KeePassXC, KWallet 5.97+) and KWallet's own interface.
    static const QStringList names{
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
        QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
    return names;
}

bool namesAKeychain(const QDBusPendingCallWatcher &call)
{
    const QDBusPendingReply<QStringList> reply = call;
    if (reply.isError())
        return false;
    const QStringList names = reply.value();
    for (const QString &service : keychainServices()) {
        if (names.contains(service))
            return true;
    }
    return false;
}

void askBus(const QDBusConnection &bus, const char *method,
            std::function<void(const QDBusPendingCallWatcher &)> then)
{
    const QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QLatin1String(method));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000));
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher,
                     [then = std::move(then)](QDBusPendingCallWatcher *w) {
                         w->deleteLater();
                         then(*w);
                     });
}

//! libsecret reports "no session bus" and "no Secret Service on the bus" as plain GLib
//! errors, which QtKeychain passes on as OtherError. Asking the bus ourselves tells a
//! missing keychain (Unavailable) from one that exists but failed.
void classifyOtherError(const QString &detail, std::function<void(CredentialResult)> finish)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCInfo(lcKeychain) << "no D-Bus session bus:" << bus.lastError().message();
        finish(noKeychain());
        return;
    }
    askBus(bus, "ListNames", [bus, detail, finish](const QDBusPendingCallWatcher &running) {
        if (namesAKeychain(running)) {
            finish(keychainFailed(detail));
            return;
        }
        askBus(bus, "ListActivatableNames",
               [detail, finish](const QDBusPendingCallWatcher &activatable) {
                   if (namesAKeychain(activatable)) {
                       finish(keychainFailed(detail));
                   } else {
                       qCInfo(lcKeychain) << "no keychain service on the session bus";
                       finish(noKeychain());
                   }
               });
    });
}
#endif

//! Turns a finished job into a result, then delivers it.
void finishJob(QKeychain::Job *job, bool isRemove, const QPointer<QObject> &context,
               const CredentialStore::Callback &done)
{
    const QKeychain::Error error = job->error();
    // Never the key: it names the account. Never the data: it is the token.
    if (error == QKeychain::EntryNotFound)
        qCDebug(lcKeychain) << "no such keychain entry:" << job->errorString();
    else if (error != QKeychain::NoError)
        qCInfo(lcKeychain) << "keychain operation failed:" << error << job->errorString();
    switch (error) {
    case QKeychain::NoError: {
        auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job);
        deliver(context, done, result(Status::Ok, {}, read ? read->textData() : QString()));
        return;
    }
    case QKeychain::EntryNotFound:
        // Some back ends report a delete of a missing entry this way; sign-out still worked.
        deliver(context, done,
                isRemove ? result(Status::Ok)
                         : result(Status::NotFound,
                                  CredentialStore::tr("No sign-in is saved for this server "
                                                      "and account.")));
        return;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        deliver(context, done, noKeychain());
        return;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        deliver(context, done, keychainRefused());
        return;
    case QKeychain::OtherError:
#ifdef TANDEM_KEYCHAIN_DBUS_PROBE
        classifyOtherError(job->errorString(),
                           [context, done](CredentialResult r) { deliver(context, done, r); });
        return;
#else
        break;
#endif
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    deliver(context, done, keychainFailed(job->errorString()));
}

void start(QKeychain::Job *job, const QString &key, bool isRemove, QObject *context,
           CredentialStore::Callback done)
{
    // Explicit, although it is QtKeychain's default: with it, a missing keychain would mean
    // the token written in clear text to QSettings.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    // The job has no parent and is never deleted early: libsecret's callbacks keep a raw
    // pointer to it, so it must live until it finishes. Only the delivery is guarded.
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [isRemove, context = QPointer<QObject>(context),
                      done = std::move(done)](QKeychain::Job *finished) {
                         finishJob(finished, isRemove, context, done);
                     });
    job->start();
}

CredentialResult invalidKey()
{
    return result(Status::Failed,
                  CredentialStore::tr("The server address or the account name is missing."));
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(defaultService(), parent)
{
}

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::keyFor(const QUrl &server, const QString &account)
{
    const QString user = account.trimmed().toLower();
    if (!server.isValid() || server.host().isEmpty() || user.isEmpty())
        return {};
    // QUrl already lower-cases the scheme and host; the rest is dropped so that every way of
    // writing the same server's address finds the same token.
    QUrl origin = server.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                                  | QUrl::RemoveFragment);
    if (origin.port() == defaultPort(origin.scheme()))
        origin.setPort(-1);
    // The origin has no space, so "<origin> <account>" can be split unambiguously.
    return origin.toString(QUrl::FullyEncoded) + QLatin1Char(' ') + user;
}

void CredentialStore::readToken(const QUrl &server, const QString &account, QObject *context,
                                Callback done)
{
    QObject *receiver = context ? context : this;
    const QString key = keyFor(server, account);
    if (key.isEmpty()) {
        deliver(receiver, done, invalidKey());
        return;
    }
    start(new QKeychain::ReadPasswordJob(m_service), key, false, receiver, std::move(done));
}

void CredentialStore::writeToken(const QUrl &server, const QString &account, const QString &token,
                                 QObject *context, Callback done)
{
    QObject *receiver = context ? context : this;
    const QString key = keyFor(server, account);
    if (key.isEmpty()) {
        deliver(receiver, done, invalidKey());
        return;
    }
    if (token.isEmpty()) {
        deliver(receiver, done, result(Status::Failed, tr("There is no sign-in token to store.")));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(token);
    start(job, key, false, receiver, std::move(done));
}

void CredentialStore::removeToken(const QUrl &server, const QString &account, QObject *context,
                                  Callback done)
{
    QObject *receiver = context ? context : this;
    const QString key = keyFor(server, account);
    if (key.isEmpty()) {
        deliver(receiver, done, invalidKey());
        return;
    }
    start(new QKeychain::DeletePasswordJob(m_service), key, true, receiver, std::move(done));
}

} // namespace Tandem
