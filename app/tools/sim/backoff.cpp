// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Tandem::Sim {

Backoff::Backoff(int baseMs, int capMs)
    : m_baseMs(baseMs)
    , m_capMs(capMs)
{
}

int Backoff::nextDelayMs()
{
    const qint64 ceiling = std::min<qint64>(m_capMs, qint64(m_baseMs) << std::min(m_failures, 20));
    m_failures = std::min(m_failures + 1, 30);
    return int(QRandomGenerator::global()->bounded(ceiling + 1));
}

} // namespace Tandem::Sim
