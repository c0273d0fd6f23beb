// SPDX-License-Identifier: GPL-3.0-or-later
#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>

namespace Tandem::Sim {
namespace {
constexpr double Growth = 1.02;
constexpr double SmallestNs = 10'000; // 10 µs: nothing over a network is faster
constexpr int BucketCount = 1000;     // up to about 10^4 s

int bucketFor(qint64 ns)
{
    if (ns <= SmallestNs)
        return 0;
    const int b = int(std::ceil(std::log(double(ns) / SmallestNs) / std::log(Growth)));
    return std::min(b, BucketCount - 1);
}

double bucketUpperNs(int bucket)
{
    return SmallestNs * std::pow(Growth, bucket);
}
} // namespace

LatencyHistogram::LatencyHistogram()
    : m_buckets(BucketCount, 0)
{
}

void LatencyHistogram::add(qint64 nanoseconds)
{
    nanoseconds = std::max<qint64>(nanoseconds, 0);
    ++m_buckets[size_t(bucketFor(nanoseconds))];
    ++m_count;
    m_maxNs = std::max(m_maxNs, nanoseconds);
    m_sumNs += double(nanoseconds);
}

void LatencyHistogram::clear()
{
    std::fill(m_buckets.begin(), m_buckets.end(), 0);
    m_count = 0;
    m_maxNs = 0;
    m_sumNs = 0;
}

double LatencyHistogram::percentileMs(double percentile) const
{
    if (m_count == 0)
        return 0.0;
    const auto rank = qint64(std::ceil(percentile / 100.0 * double(m_count)));
    qint64 seen = 0;
    for (int b = 0; b < BucketCount; ++b) {
        seen += m_buckets[size_t(b)];
        if (seen >= std::max<qint64>(rank, 1))
            return std::min(bucketUpperNs(b), double(m_maxNs)) / 1e6;
    }
    return maxMs();
}

} // namespace Tandem::Sim
