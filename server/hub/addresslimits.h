// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ratelimiter.h"

#include <QHash>
#include <QHostAddress>

namespace Tandem::Server
{

//! One token bucket per client address, for what anyone may do without an account
//! (create customers, start conversations). IPv6 clients are counted per /64, the block
//! one subscriber usually gets. The table is bounded: buckets that refilled completely
//! remember nothing and go first.
class AddressLimits
{
public:
    AddressLimits(int perHour, int burst, qsizetype maxAddresses = 100000);

    //! Takes a token for `address`; false when its bucket is empty.
    bool take(const QHostAddress &address);
    //! Gives back a token taken for something that turned out not to count.
    void giveBack(const QHostAddress &address);
    qint64 retryAfterMs(const QHostAddress &address);

    static QByteArray keyOf(const QHostAddress &address);

private:
    RateLimiter &bucket(const QByteArray &key);

    int m_perHour;
    int m_burst;
    qsizetype m_max;
    QHash<QByteArray, RateLimiter> m_buckets;
};

} // namespace Tandem::Server
