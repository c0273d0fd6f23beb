// SPDX-License-Identifier: GPL-3.0-or-later
#include "simstats.h"

#include <QTextStream>

namespace Tandem::Sim {
namespace {
constexpr qint64 PrintedWarnings = 20;
} // namespace

SimStats::SimStats()
{
    m_clock.start();
}

void SimStats::record(Latency kind, qint64 nanoseconds)
{
    m_total[int(kind)].add(nanoseconds);
    m_recent[int(kind)].add(nanoseconds);
}

void SimStats::clearRecent()
{
    for (LatencyHistogram &h : m_recent)
        h.clear();
}

void SimStats::countError(const QString &code)
{
    ++m_errors[code];
}

void SimStats::protocolViolation(const QString &what)
{
    ++violations;
    warn(QStringLiteral("protocol violation: ") + what);
}

void SimStats::warn(const QString &what)
{
    ++warnings;
    if (warnings <= PrintedWarnings)
        QTextStream(stderr) << "tandem-sim: " << what << "\n";
    else if (warnings == PrintedWarnings + 1)
        QTextStream(stderr) << "tandem-sim: further warnings are only counted\n";
}

} // namespace Tandem::Sim
