// SPDX-License-Identifier: GPL-3.0-or-later
#include "addresslimits.h"

#include "logging/logging.h"

#include <algorithm>

namespace Tandem::Server
{

AddressLimits::AddressLimits(int perHour, int burst, qsizetype maxAddresses)
    : m_perHour(perHour)
    , m_burst(burst)
    , m_max(maxAddresses)
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

RateLimiter &AddressLimits::bucket(const QByteArray &key)
{
    auto it = m_buckets.find(key);
    if (it != m_buckets.end())
        return *it;
    if (m_buckets.size() >= m_max) {
        m_buckets.removeIf([](auto entry) { return entry.value().isFull(); });
        if (m_buckets.size() >= m_max) {
            qCWarning(lcHub) << "more than" << m_max << "client addresses are being limited;"
                             << "forgetting them all";
            m_buckets.clear();
        }
    }
    return *m_buckets.insert(key, RateLimiter::perHour(m_perHour, m_burst));
}

bool AddressLimits::take(const QHostAddress &address)
{
    return bucket(keyOf(address)).take();
}

void AddressLimits::giveBack(const QHostAddress &address)
{
    bucket(keyOf(address)).giveBack();
}

qint64 AddressLimits::retryAfterMs(const QHostAddress &address)
{
    return bucket(keyOf(address)).retryAfterMs();
}

} // namespace Tandem::Server
