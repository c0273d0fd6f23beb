// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include "cache/localcache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcProfile, "tandem.profile", QtInfoMsg)

namespace Tandem {
namespace {
const QString ServerKey = QStringLiteral("signIn/server");
const QString EmailKey = QStringLiteral("signIn/email");
const QString RememberKey = QStringLiteral("signIn/remember");
const QString TokenStoredKey = QStringLiteral("signIn/tokenStored");
const QString CacheFilesKey = QStringLiteral("cache/files");

bool isDefault(const QString &name)
{
    return name == QLatin1String("default");
}

//! The platform's own settings store (registry, plist, ~/.config): one "application" per
//! profile, so profiles never see each other's keys.
QString settingsApplication(const QString &profile)
{
    const QString app = QCoreApplication::applicationName();
    return isDefault(profile) ? app : app + QLatin1Char('-') + profile;
}
} // namespace

Profile::Profile(const QString &name)
    : m_name(name)
    , m_settings(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                             QCoreApplication::organizationName(),
                                             settingsApplication(name)))
{
}

Profile::~Profile()
{
    m_settings->sync();
}

QString Profile::dataDirectory() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/profiles/") + m_name;
}

bool Profile::lock()
{
    const QString dir = dataDirectory();
    if (!QDir().mkpath(dir)) {
        m_lockError =
            tr("Tandem cannot create its data folder %1.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    m_lock = std::make_unique<QLockFile>(dir + QStringLiteral("/tandem.lock"));
    // A running app may hold the lock for weeks: only a dead holder makes it stale.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        return true;
    if (m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_lockError =
            isDefault(m_name)
                ? tr("Tandem is already running (process %1). Switch to its window, or start "
                     "another profile with --profile NAME.")
                      .arg(pid)
                : tr("Tandem is already running with the profile “%1” (process %2).")
                      .arg(m_name)
                      .arg(pid);
    } else {
        m_lockError =
            tr("Tandem cannot lock its data folder %1.").arg(QDir::toNativeSeparators(dir));
    }
    m_lock.reset();
    return false;
}

QString Profile::cachePath(const QUrl &server, const QString &account)
{
    const QString path = LocalCache::pathFor(m_name, server, account);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QStringList known = m_settings->value(CacheFilesKey).toStringList();
    if (!known.contains(path)) {
        known.append(path);
        m_settings->setValue(CacheFilesKey, known);
    }
    return path;
}

void Profile::reset()
{
    QStringList files = m_settings->value(CacheFilesKey).toStringList();
    if (lastServer().isValid() && !lastEmail().isEmpty())
        files.append(LocalCache::pathFor(m_name, lastServer(), lastEmail()));
    files.removeDuplicates();
    for (const QString &file : std::as_const(files)) {
        // SQLite keeps a write-ahead log and shared memory beside the file in WAL mode.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral("-journal")}) {
            const QString path = file + suffix;
            if (QFile::exists(path) && !QFile::remove(path))
                qCWarning(lcProfile) << "could not remove" << path;
        }
    }
    // Caches of servers and accounts the settings no longer name live in the same folder,
    // which is the profile's own (named after it) under the cache location.
    const QString folder =
        QFileInfo(LocalCache::pathFor(m_name, QUrl(QStringLiteral("http://localhost")),
                                      QStringLiteral("any")))
            .absolutePath();
    if (QFileInfo(folder).fileName() == m_name && QFileInfo::exists(folder)
        && !QDir(folder).removeRecursively())
        qCWarning(lcProfile) << "could not remove" << folder;
    m_settings->clear();
    m_settings->sync();
    qCInfo(lcProfile) << "profile" << m_name << "reset," << files.size() << "cache file(s) removed";
}

QUrl Profile::lastServer() const
{
    return QUrl(m_settings->value(ServerKey).toString());
}

QString Profile::lastEmail() const
{
    return m_settings->value(EmailKey).toString();
}

void Profile::setLastSignIn(const QUrl &server, const QString &email)
{
    m_settings->setValue(ServerKey, server.toString());
    m_settings->setValue(EmailKey, email);
}

bool Profile::rememberSignIn() const
{
    return m_settings->value(RememberKey, true).toBool();
}

void Profile::setRememberSignIn(bool remember)
{
    m_settings->setValue(RememberKey, remember);
}

bool Profile::tokenStored() const
{
    return m_settings->value(TokenStoredKey, false).toBool();
}

void Profile::setTokenStored(bool stored)
{
    m_settings->setValue(TokenStoredKey, stored);
    // Written at once: a crash must not leave "stored" behind a token already removed.
    m_settings->sync();
}

} // namespace Tandem
