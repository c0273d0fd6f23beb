// SPDX-License-Identifier: GPL-3.0-or-later
#include "authenticator.h"

#include "accounts/passwordhasher.h"
#include "logging/logging.h"
#include "serverconfig.h"
#include "store/storage.h"

#include <QPointer>

namespace Tandem::Server {

namespace {
constexpr qsizetype MaxTracked = 100000;

Failure throttled(qint64 retryAfterMs, const QString &why)
{
    return Failure{
        ErrorCode::RateLimited,
        QStringLiteral("%1; try again in %2 s").arg(why).arg((retryAfterMs + 999) / 1000),
        retryAfterMs};
}

RateLimiter pairBucket()
{
    return RateLimiter(Authenticator::FailuresPerMinute, Authenticator::FailureBurst);
}

RateLimiter emailBucket()
{
    return RateLimiter(Authenticator::EmailFailuresPerMinute, Authenticator::EmailFailureBurst);
}
} // namespace

Authenticator::Authenticator(Storage &storage, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_config(config)
    , m_accounts{BucketTable(emailBucket, 0), BucketTable(pairBucket, MaxTracked)}
    , m_unknown{BucketTable(emailBucket, MaxTracked), BucketTable(pairBucket, MaxTracked)}
    , m_addresses(config.signInsPerHour, config.signInBurst())
{
}

Authenticator::~Authenticator()
{
    m_hashing.waitForDone();
}

Authenticator::Throttles Authenticator::throttlesFor(const std::optional<AgentRecord> &record,
                                                     const QString &email, const QHostAddress &from)
{
    Throttles t;
    t.account = record.has_value();
    t.email = record ? QByteArray::number(record->agent.id) : email.toLower().toUtf8();
    t.pair = t.email + '/' + AddressLimits::keyOf(from).toHex();
    return t;
}

bool Authenticator::take(const Throttles &t, qint64 *retryAfterMs)
{
    Tables &tables = t.account ? m_accounts : m_unknown;
    RateLimiter &pair = tables.pairs.bucket(t.pair);
    if (!pair.take()) {
        *retryAfterMs = pair.retryAfterMs();
        return false;
    }
    RateLimiter &any = tables.emails.bucket(t.email);
    if (!any.take()) {
        *retryAfterMs = any.retryAfterMs();
        if (RateLimiter *again = tables.pairs.find(t.pair))
            again->giveBack();
        return false;
    }
    return true;
}

void Authenticator::giveBack(const Throttles &t)
{
    Tables &tables = t.account ? m_accounts : m_unknown;
    // Entries may have been pushed out meanwhile; then there is nothing to give back.
    if (RateLimiter *pair = tables.pairs.find(t.pair))
        pair->giveBack();
    if (RateLimiter *any = tables.emails.find(t.email))
        any->giveBack();
}

void Authenticator::signIn(const QString &email, const QString &password, const QHostAddress &from,
                           QObject *context, SignedIn done)
{
    // Counted before anything is looked up or checked: of many attempts at once, only as
    // many as the throttles allow cost the store and the hashing threads anything.
    if (!m_addresses.take(from)) {
        qCInfo(lcAuth) << "throttled sign-in from" << from.toString();
        done(throttled(m_addresses.retryAfterMs(from),
                       QStringLiteral("Too many failed sign-ins from this address")));
        return;
    }
    using Lookup = std::optional<AgentRecord>;
    m_storage.read(
        this,
        [email](Store &store) -> Result<Lookup> {
            // An unknown email is an answer (refused like a wrong password), not a failure.
            Stored<AgentRecord> record = store.agentByEmail(email);
            if (record)
                return Lookup(record.value());
            if (record.isNotFound())
                return Lookup();
            return toClientFailure(record.failure(), QString());
        },
        [this, email, password, from, context = QPointer<QObject>(context),
         done = std::move(done)](Result<Lookup> lookup) {
            if (!context || !lookup) {
                m_addresses.giveBack(from);
                if (context)
                    done(lookup.failure());
                return;
            }
            const Throttles throttles = throttlesFor(lookup.value(), email, from);
            qint64 retryAfterMs = 0;
            if (!take(throttles, &retryAfterMs)) {
                m_addresses.giveBack(from);
                qCInfo(lcAuth) << "throttled sign-in for" << email;
                done(throttled(retryAfterMs, QStringLiteral("Too many failed sign-ins")));
                return;
            }
            verify(lookup.value(), password, throttles, from, context, done);
        });
}

void Authenticator::verify(const std::optional<AgentRecord> &record, const QString &password,
                           Throttles throttles, const QHostAddress &from, QObject *context,
                           SignedIn done)
{
    m_hashing.start([this, record, password, throttles, from, context = QPointer<QObject>(context),
                     done = std::move(done)] {
        // Unknown emails are checked against a decoy so they take as long.
        const bool matches = PasswordHasher::verify(
            record ? record->passwordHash : PasswordHasher::decoyHash(), password);
        QMetaObject::invokeMethod(
            this,
            [this, record, matches, throttles, from, context, done] {
                if (context)
                    finish(record, matches, throttles, from, context, done);
            },
            Qt::QueuedConnection);
    });
}

void Authenticator::finish(const std::optional<AgentRecord> &record, bool matches,
                           Throttles throttles, const QHostAddress &from, QObject *context,
                           const SignedIn &done)
{
    if (!record || !matches) {
        qCInfo(lcAuth) << "failed sign-in" << (record ? "for agent" : "for an unknown email")
                       << (record ? record->agent.id : 0);
        done(Failure{ErrorCode::BadCredentials, QStringLiteral("Wrong email or password")});
        return;
    }
    // Only failures count.
    giveBack(throttles);
    m_addresses.giveBack(from);
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
