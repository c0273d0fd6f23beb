// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

#include <QTimeZone>

namespace Tandem {
namespace {

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    bool runsByItself() const override { return true; }
};

} // namespace

QDateTime Clock::fromMs(qint64 ms)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
#endif
}

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

qint64 ManualClock::advance(qint64 ms)
{
    if (ms <= 0)
        return m_ms.load();
    return m_ms.fetch_add(ms) + ms;
}

} // namespace Tandem
