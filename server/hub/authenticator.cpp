// SPDX-License-Identifier: GPL-3.0-or-later
#include "authenticator.h"

#include "accounts/passwordhasher.h"
#include "logging/logging.h"
#include "serverconfig.h"
#include "store/storage.h"

#include <QPointer>
#include <QThreadPool>

namespace Tandem::Server {

Authenticator::Authenticator(Storage &storage, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_config(config)
{
}

void Authenticator::signIn(const QString &email, const QString &password, QObject *context,
                           SignedIn done)
{
    using Lookup = std::optional<AgentRecord>;
    m_storage.run(
        this, [email](Store &store) -> Result<Lookup> { return store.agentByEmail(email); },
        [this, email, password, context = QPointer<QObject>(context),
         done = std::move(done)](Result<Lookup> lookup) {
            if (!lookup) {
                if (context)
                    done(lookup.failure());
                return;
            }
            const Lookup record = lookup.value();
            QThreadPool::globalInstance()->start([this, record, email, password, context,
                                                  done] {
                // Unknown emails are checked against a decoy so they take as long.
                const bool matches = PasswordHasher::verify(
                    record ? record->passwordHash : PasswordHasher::decoyHash(), password);
                QMetaObject::invokeMethod(
                    this,
                    [this, record, matches, email, context, done] {
                        if (!context)
                            return;
                        if (!record || !matches) {
                            qCInfo(lcAuth) << "failed sign-in for" << email;
                            done(Failure{ErrorCode::BadCredentials,
                                         QStringLiteral("Wrong email or password")});
                            return;
                        }
                        if (record->agent.disabled) {
                            done(Failure{ErrorCode::AccountDisabled,
                                         QStringLiteral("This account is disabled")});
                            return;
                        }
                        const Agent agent = record->agent;
                        const qint64 ttl = m_config.sessionTtlSeconds;
                        m_storage.run(
                            context,
                            [agent, ttl](Store &store) {
                                return DeskOperations::openStaffSession(store, agent, ttl);
                            },
                            done);
                        qCInfo(lcAuth) << "agent" << agent.id << "signed in";
                    },
                    Qt::QueuedConnection);
            });
        });
}

} // namespace Tandem::Server
