// SPDX-License-Identifier: GPL-3.0-or-later
#include "expectedreply.h"

#include <algorithm>

namespace Tandem::Server {

void ExpectedReply::reset(const QHash<qint64, QList<Sample>> &byTeam)
{
    m_samples = byTeam;
    for (QList<Sample> &samples : m_samples)
        std::sort(samples.begin(), samples.end(),
                  [](const Sample &a, const Sample &b) { return a.at < b.at; });
}

void ExpectedReply::record(qint64 teamId, const Sample &sample)
{
    QList<Sample> &samples = m_samples[teamId];
    // What fell out of the window is of no more use: the list stays a week long.
    const QDateTime oldest = sample.at.addSecs(-std::chrono::seconds(Window).count());
    const auto kept = std::find_if(samples.begin(), samples.end(),
                                   [&](const Sample &s) { return s.at >= oldest; });
    samples.erase(samples.begin(), kept);
    samples.append(sample);
}

QList<ExpectedReply::Sample> ExpectedReply::recent(qint64 teamId, const QDateTime &now) const
{
    const QDateTime oldest = now.addSecs(-std::chrono::seconds(Window).count());
    QList<Sample> out;
    for (const Sample &s : m_samples.value(teamId))
        if (s.at >= oldest && s.at <= now)
            out.append(s);
    return out;
}

int ExpectedReply::samples(qint64 teamId, const QDateTime &now) const
{
    return int(recent(teamId, now).size());
}

qint64 ExpectedReply::typicalSeconds(qint64 teamId, const QDateTime &now) const
{
    const QList<Sample> window = recent(teamId, now);
    if (window.size() < MinSamples)
        return FallbackSeconds;
    QList<qint64> seconds;
    seconds.reserve(window.size());
    for (const Sample &s : window)
        seconds.append(s.seconds);
    const auto middle = seconds.begin() + seconds.size() / 2;
    std::nth_element(seconds.begin(), middle, seconds.end());
    return *middle;
}

qint64 ExpectedReply::withLoad(qint64 typical, int waiting, int freePlaces, int places)
{
    const int backlog = std::max(0, waiting - freePlaces);
    if (backlog == 0)
        return typical;
    const int rounds = (backlog + std::max(1, places) - 1) / std::max(1, places);
    return typical * (1 + rounds);
}

} // namespace Tandem::Server
