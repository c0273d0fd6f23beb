// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "addresslimits.h"
#include "buckettable.h"
#include "deskoperations.h"
#include "ratelimiter.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QThreadPool>
#include <functional>

namespace Tandem::Server {

class Storage;
struct ServerConfig;

//! Signs staff in with email and password, for the WebSocket and HTTP front ends alike.
//! The deliberately slow Argon2id check runs on a worker thread, never the event loop.
//! Wrong passwords are throttled three ways: per email and client address (a guesser at
//! one address cannot lock the account's owner out at another), per email from anywhere
//! (a wider net for guessing from many addresses), and per address whatever the email.
//! An attempt is counted before its password is checked, so parallel attempts get no more
//! than sequential ones, and given back when it succeeds. Real accounts' throttles live
//! apart from those of unknown emails, so a flood of made-up emails cannot push them out;
//! unknown emails are throttled by the same numbers, so throttling tells nobody which
//! emails have accounts.
class Authenticator : public QObject
{
    Q_OBJECT
public:
    Authenticator(Storage &storage, const ServerConfig &config, QObject *parent = nullptr);
    ~Authenticator() override;

    using SignedIn = std::function<void(Result<DeskOperations::StaffSession>)>;
    //! Calls `done` on `context`'s thread, unless `context` is gone by then.
    void signIn(const QString &email, const QString &password, const QHostAddress &from,
                QObject *context, SignedIn done);

    //! Per email and address: ten wrong passwords at once, then five a minute.
    static constexpr int FailuresPerMinute = 5;
    static constexpr int FailureBurst = 10;
    //! Per email from all addresses together.
    static constexpr int EmailFailuresPerMinute = 30;
    static constexpr int EmailFailureBurst = 100;

private:
    //! Which buckets one attempt is counted against (by key: the tables change while the
    //! password is checked).
    struct Throttles {
        bool account = false;
        QByteArray email;
        QByteArray pair;
    };
    static Throttles throttlesFor(const std::optional<AgentRecord> &record, const QString &email,
                                  const QHostAddress &from);
    //! Takes a token from each bucket, or none; false when one was empty.
    bool take(const Throttles &throttles, qint64 *retryAfterMs);
    void giveBack(const Throttles &throttles);
    void verify(const std::optional<AgentRecord> &record, const QString &password,
                Throttles throttles, const QHostAddress &from, QObject *context, SignedIn done);
    void finish(const std::optional<AgentRecord> &record, bool matches, Throttles throttles,
                const QHostAddress &from, QObject *context, const SignedIn &done);

    Storage &m_storage;
    const ServerConfig &m_config;
    struct Tables {
        //! By email (an account's id, or the lower-case text of an unknown one).
        BucketTable emails;
        //! By email and client address.
        BucketTable pairs;
    };
    //! Real accounts' per-email buckets are never forgotten while tandemd runs; the rest
    //! are bounded, unknown emails' apart from accounts'.
    Tables m_accounts;
    Tables m_unknown;
    //! Failed attempts per client address, whatever the email.
    AddressLimits m_addresses;
    QThreadPool m_hashing; // last: waits for running checks before the rest goes
};

} // namespace Tandem::Server
