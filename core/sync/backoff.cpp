// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace Tandem {

Backoff::Backoff(std::chrono::milliseconds first, std::chrono::milliseconds cap)
    : m_first(first)
    , m_cap(cap)
{
}

std::chrono::milliseconds Backoff::next()
{
    const int shift = std::min(m_attempts, 20);
    const qint64 ceiling = std::min<qint64>(m_cap.count(), m_first.count() << shift);
    ++m_attempts;
    return std::chrono::milliseconds(QRandomGenerator::global()->bounded(ceiling + 1));
}

} // namespace Tandem
