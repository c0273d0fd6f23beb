// SPDX-License-Identifier: GPL-3.0-or-later
#include "authenticator.h"

#include "accounts/passwordhasher.h"
#include "logging/logging.h"
#include "serverconfig.h"
#include "store/storage.h"

#include <QPointer>

namespace Tandem::Server {

namespace {
// Per email: ten wrong passwords at once, then five a minute.
constexpr int FailuresPerMinute = 5;
constexpr int FailureBurst = 10;
constexpr int MaxTrackedEmails = 10000;
} // namespace

Authenticator::Authenticator(Storage &storage, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_config(config)
{
}

Authenticator::~Authenticator()
{
    m_hashing.waitForDone();
}

void Authenticator::signIn(const QString &email, const QString &password, QObject *context,
                           SignedIn done)
{
    const QString key = email.toLower();
    const auto limiter = m_failures.constFind(key);
    if (limiter != m_failures.cend() && limiter->retryAfterMs() > 0) {
        done(Failure{ErrorCode::RateLimited,
                     QStringLiteral("Too many failed sign-ins; try again in %1 s")
                         .arg((limiter->retryAfterMs() + 999) / 1000)});
        return;
    }
    using Lookup = std::optional<AgentRecord>;
    m_storage.run(
        this, [email](Store &store) -> Result<Lookup> { return store.agentByEmail(email); },
        [this, email, password, context = QPointer<QObject>(context),
         done = std::move(done)](Result<Lookup> lookup) {
            if (!context)
                return;
            if (!lookup) {
                done(lookup.failure());
                return;
            }
            verify(lookup.value(), email, password, context, done);
        });
}

void Authenticator::verify(const std::optional<AgentRecord> &record, const QString &email,
                           const QString &password, QObject *context, SignedIn done)
{
    m_hashing.start([this, record, email, password, context = QPointer<QObject>(context),
                     done = std::move(done)] {
        // Unknown emails are checked against a decoy so they take as long.
        const bool matches = PasswordHasher::verify(
            record ? record->passwordHash : PasswordHasher::decoyHash(), password);
        QMetaObject::invokeMethod(
            this,
            [this, record, matches, email, context, done] {
                if (context)
                    finish(record, matches, email, context, done);
            },
            Qt::QueuedConnection);
    });
}

void Authenticator::finish(const std::optional<AgentRecord> &record, bool matches,
                           const QString &email, QObject *context, const SignedIn &done)
{
    if (!record || !matches) {
        qCInfo(lcAuth) << "failed sign-in for" << email;
        if (m_failures.size() > MaxTrackedEmails)
            m_failures.clear();
        const QString key = email.toLower();
        auto limiter = m_failures.find(key);
        if (limiter == m_failures.end())
            limiter = m_failures.insert(key, RateLimiter(FailuresPerMinute, FailureBurst));
        limiter->take();
        done(Failure{ErrorCode::BadCredentials, QStringLiteral("Wrong email or password")});
        return;
    }
    if (record->agent.disabled) {
        done(Failure{ErrorCode::AccountDisabled, QStringLiteral("This account is disabled")});
        return;
    }
    const Agent agent = record->agent;
    const qint64 ttl = m_config.sessionTtlSeconds;
    m_storage.run(
        context,
        [agent, ttl](Store &store) { return DeskOperations::openStaffSession(store, agent, ttl); },
        done);
    qCInfo(lcAuth) << "agent" << agent.id << "signed in";
}

} // namespace Tandem::Server
