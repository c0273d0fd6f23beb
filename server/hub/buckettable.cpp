// SPDX-License-Identifier: GPL-3.0-or-later
#include "buckettable.h"

#include <algorithm>

namespace Tandem::Server {

BucketTable::BucketTable(Make make, qsizetype max)
    : m_make(std::move(make))
    , m_max(max)
{
}

RateLimiter *BucketTable::find(const QByteArray &key)
{
    const auto it = m_buckets.find(key);
    return it == m_buckets.end() ? nullptr : &*it;
}

RateLimiter &BucketTable::bucket(const QByteArray &key)
{
    if (RateLimiter *existing = find(key))
        return *existing;
    if (m_max > 0 && m_buckets.size() >= m_max)
        makeRoom();
    m_age.enqueue(key);
    return *m_buckets.insert(key, m_make());
}

void BucketTable::makeRoom()
{
    // Room for a quarter of the table at once: the scan is paid once per that many new
    // keys, not once per key while a flood keeps the table full.
    const qsizetype keep = m_max - std::max<qsizetype>(1, m_max / 4);
    m_buckets.removeIf([](auto entry) { return entry.value().isFull(); });
    while (m_buckets.size() > keep && !m_age.isEmpty())
        m_buckets.remove(m_age.dequeue());
    // The queue also holds keys removed above; keep it from outgrowing the table.
    if (m_age.size() > 2 * m_max) {
        QQueue<QByteArray> live;
        for (const QByteArray &key : std::as_const(m_age)) {
            if (m_buckets.contains(key))
                live.enqueue(key);
        }
        m_age = std::move(live);
    }
}

} // namespace Tandem::Server
