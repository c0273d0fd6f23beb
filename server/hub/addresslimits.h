// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "buckettable.h"

#include <QHostAddress>

namespace Tandem::Server {

//! One token bucket per client address, for what anyone may do without an account
//! (create customers, start conversations). IPv6 clients are counted per /64, the block
//! one subscriber usually gets. The table is bounded (see BucketTable).
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
    BucketTable m_buckets;
};

} // namespace Tandem::Server
