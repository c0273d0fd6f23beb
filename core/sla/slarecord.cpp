// SPDX-License-Identifier: GPL-3.0-or-later
#include "slarecord.h"

#include "domain/conversation.h"
#include "protocol/fieldreader.h"
#include "protocol/wirecodec.h"

namespace Tandem {
namespace {
//! Ten years of seconds: more than any clock runs.
constexpr qint64 MaxSeconds = 10LL * 366 * 24 * 3600;
} // namespace

qint64 businessSeconds(const BusinessCalendar *calendar, const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return 0;
    return calendar ? calendar->businessSecondsBetween(from, to) : from.secsTo(to);
}

void SlaRecord::customerWrote(const QDateTime &at)
{
    if (awaitingSince.isValid())
        return; // already waiting: the clock runs from their oldest unanswered message
    awaitingSince = at;
    awaitingPausedBase = pausedSeconds;
}

void SlaRecord::staffReplied(bool first, const QDateTime &at, const BusinessCalendar *calendar)
{
    if (!awaitingSince.isValid())
        return;
    const qint64 took = elapsed(awaitingSince, awaitingPausedBase, at, calendar);
    if (first)
        firstReplySeconds = took;
    else
        nextReplySeconds = took;
    awaitingSince = QDateTime();
    awaitingPausedBase = 0;
}

void SlaRecord::statusChanged(const QString &status, const QDateTime &createdAt,
                              const QDateTime &at, const BusinessCalendar *calendar)
{
    if (status == ConversationStatus::Resolved)
        resolutionSeconds = elapsed(createdAt, 0, at, calendar);
    if (status == ConversationStatus::Open) {
        if (pausedSince.isValid()) {
            pausedSeconds += businessSeconds(calendar, pausedSince, at);
            // The customer began waiting during the pause (their message is what opened
            // it): only the pause after their message keeps their clock from running.
            if (awaitingSince.isValid() && awaitingSince > pausedSince)
                awaitingPausedBase = std::max<qint64>(
                    0, pausedSeconds - businessSeconds(calendar, awaitingSince, at));
        }
        pausedSince = QDateTime();
    } else if (!pausedSince.isValid()) {
        pausedSince = at;
    }
}

qint64 SlaRecord::elapsed(const QDateTime &from, qint64 pausedBase, const QDateTime &now,
                          const BusinessCalendar *calendar) const
{
    const QDateTime end = pausedSince.isValid() && pausedSince < now ? pausedSince : now;
    return std::max<qint64>(0, businessSeconds(calendar, from, end) - (pausedSeconds - pausedBase));
}

namespace SlaRecordJson {

QJsonObject encode(const SlaRecord &r)
{
    QJsonObject o;
    const auto putTime = [&o](const char *key, const QDateTime &t) {
        if (t.isValid())
            o.insert(QLatin1String(key), Wire::timeToString(t));
    };
    const auto putSeconds = [&o](const char *key, const std::optional<qint64> &s) {
        if (s)
            o.insert(QLatin1String(key), *s);
    };
    putTime("awaitingSince", r.awaitingSince);
    if (r.awaitingPausedBase)
        o.insert(QStringLiteral("awaitingPausedBase"), r.awaitingPausedBase);
    putTime("pausedSince", r.pausedSince);
    if (r.pausedSeconds)
        o.insert(QStringLiteral("pausedSeconds"), r.pausedSeconds);
    putSeconds("firstReplySeconds", r.firstReplySeconds);
    putSeconds("nextReplySeconds", r.nextReplySeconds);
    putSeconds("resolutionSeconds", r.resolutionSeconds);
    return o;
}

Result<SlaRecord> decode(const QJsonObject &json)
{
    FieldReader f(json, QStringLiteral("sla"));
    SlaRecord r;
    r.awaitingSince = f.optionalTime("awaitingSince");
    r.awaitingPausedBase = f.optionalInteger("awaitingPausedBase", 0, MaxSeconds).value_or(0);
    r.pausedSince = f.optionalTime("pausedSince");
    r.pausedSeconds = f.optionalInteger("pausedSeconds", 0, MaxSeconds).value_or(0);
    r.firstReplySeconds = f.optionalInteger("firstReplySeconds", 0, MaxSeconds);
    r.nextReplySeconds = f.optionalInteger("nextReplySeconds", 0, MaxSeconds);
    r.resolutionSeconds = f.optionalInteger("resolutionSeconds", 0, MaxSeconds);
    if (f.ok() && r.awaitingPausedBase > r.pausedSeconds)
        f.fail("awaitingPausedBase", QStringLiteral("must not exceed pausedSeconds"));
    if (!f.ok())
        return f.failure();
    return r;
}

} // namespace SlaRecordJson

} // namespace Tandem
