// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Tandem::Sim {

class SimStats;

//! Turns SimStats into what people and scripts read: the periodic status line and the
//! final summary, as text or JSON.
class StatsReport
{
public:
    StatsReport(const SimStats &stats, int customersWanted, QString server);

    //! Uses the latencies since the previous status line.
    QString statusLine(double elapsedSeconds) const;
    QString summaryText(double elapsedSeconds, int exitCode) const;
    QJsonObject summaryJson(double elapsedSeconds, int exitCode) const;
    //! "code count, code count" or "none".
    QString errorList() const;

private:
    const SimStats &m_stats;
    int m_customersWanted;
    QString m_server;
};

} // namespace Tandem::Sim
