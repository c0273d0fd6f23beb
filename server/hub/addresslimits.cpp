// SPDX-License-Identifier: GPL-3.0-or-later
#include "addresslimits.h"

namespace Tandem::Server {

AddressLimits::AddressLimits(int perHour, int burst, qsizetype maxAddresses)
    : m_buckets([perHour, burst] { return RateLimiter::perHour(perHour, burst); }, maxAddresses)
{
}

QByteArray AddressLimits::keyOf(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also for ::ffff:a.b.c.d
    if (isV4)
        return QByteArray::number(v4);
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8);
}

bool AddressLimits::take(const QHostAddress &address)
{
    return m_buckets.bucket(keyOf(address)).take();
}

void AddressLimits::giveBack(const QHostAddress &address)
{
    if (RateLimiter *bucket = m_buckets.find(keyOf(address)))
        bucket->giveBack();
}

qint64 AddressLimits::retryAfterMs(const QHostAddress &address)
{
    return m_buckets.bucket(keyOf(address)).retryAfterMs();
}

} // namespace Tandem::Server
