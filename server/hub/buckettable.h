// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ratelimiter.h"

#include <QByteArray>
#include <QHash>
#include <QQueue>
#include <functional>

namespace Tandem::Server {

//! Token buckets by key, at most `max` of them (0: as many as there are keys). When full,
//! buckets that refilled completely go first (they remember nothing against anyone), then
//! the oldest: a flood of new keys pushes out only what it is older than.
class BucketTable
{
public:
    using Make = std::function<RateLimiter()>;
    BucketTable(Make make, qsizetype max);

    //! The key's bucket, made when missing. A reference stays valid until the next call.
    RateLimiter &bucket(const QByteArray &key);
    //! The key's bucket if it exists (not made, nothing evicted).
    RateLimiter *find(const QByteArray &key);
    qsizetype size() const { return m_buckets.size(); }

private:
    void makeRoom();

    Make m_make;
    qsizetype m_max;
    QHash<QByteArray, RateLimiter> m_buckets;
    QQueue<QByteArray> m_age; // keys, oldest first (with keys since removed)
};

} // namespace Tandem::Server
