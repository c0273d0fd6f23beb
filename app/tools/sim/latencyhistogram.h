// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace Tandem::Sim {

//! Latencies in buckets 2 % wide, so percentiles over millions of samples take fixed memory
//! and stay within 2 % of the truth.
class LatencyHistogram
{
public:
    LatencyHistogram();

    void add(qint64 nanoseconds);
    void clear();
    qint64 count() const { return m_count; }
    //! In milliseconds; 0 when there are no samples.
    double percentileMs(double percentile) const;
    double maxMs() const { return double(m_maxNs) / 1e6; }
    double meanMs() const { return m_count ? m_sumNs / double(m_count) / 1e6 : 0.0; }

private:
    std::vector<qint64> m_buckets;
    qint64 m_count = 0;
    qint64 m_maxNs = 0;
    double m_sumNs = 0;
};

} // namespace Tandem::Sim
