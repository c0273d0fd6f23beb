// SPDX-License-Identifier: GPL-3.0-or-later
#include "expectedreply.h"

#include "protocol/events.h"

#include <algorithm>

namespace Tandem::Server {

void ExpectedReply::reset(const QList<FirstReply> &replies, const BusinessHours &hours)
{
    m_samples.clear();
    m_figures.clear();
    for (const FirstReply &reply : replies) // oldest first, as the store gives them
        recordFirstReply(reply, hours);
}

void ExpectedReply::observe(const QList<Event> &events, const BusinessHours &hours)
{
    for (const Event &e : events) {
        if (e.kind != EventKind::ConversationUpdated || !e.subject || !e.subject->conversation
            || e.subject->change != Events::Change::Replied)
            continue;
        const Conversation &c = *e.subject->conversation;
        // A live chat is answered at the desk in minutes: no measure of what a message left
        // for later waits. Also sent for the first answer after a promise: a first reply
        // only once.
        if (c.mode == ConversationMode::Live)
            continue;
        if (c.firstReplyAt.isValid() && c.firstReplyAt == c.updatedAt)
            recordFirstReply({c.inboxId, c.createdAt, c.firstReplyAt}, hours);
    }
}

void ExpectedReply::recordFirstReply(const FirstReply &reply, const BusinessHours &hours)
{
    const qint64 team = hours.teamOf(reply.inboxId);
    const std::optional<BusinessCalendar> calendar = hours.calendarOf(reply.inboxId);
    const qint64 seconds =
        calendar ? calendar->businessSecondsBetween(reply.createdAt, reply.firstReplyAt)
                 : std::max<qint64>(0, reply.createdAt.secsTo(reply.firstReplyAt));
    const bool closed = calendar && !calendar->isOpen(reply.createdAt);
    record(team, {reply.firstReplyAt, seconds, reply.createdAt,
                  closed ? calendar->nextOpening(reply.createdAt) : QDateTime()});
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
    m_figures.remove(teamId);
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

ExpectedReply::Estimate ExpectedReply::estimate(qint64 teamId, const QDateTime &now) const
{
    auto figures = m_figures.find(teamId);
    if (figures == m_figures.end() || now < figures->at
        || figures->at.secsTo(now) >= FiguresForSeconds) {
        const QList<Sample> window = recent(teamId, now);
        figures = m_figures.insert(teamId, {now, {medianOf(window), perPlaceOf(window)}});
    }
    return figures->estimate;
}

qint64 ExpectedReply::medianOf(const QList<Sample> &window) const
{
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

qint64 ExpectedReply::perPlaceOf(const QList<Sample> &window) const
{
    // A customer's place: those who were waiting for their first reply when they wrote,
    // themselves included (of those answered in the window: the rest is not known here).
    // That is, those who wrote by then less those answered by then (everyone is answered
    // after writing): two sorted lists, not every pair.
    QList<QDateTime> wrote, answered;
    for (const Sample &s : window) {
        wrote.append(s.created);
        answered.append(s.at);
    }
    std::sort(wrote.begin(), wrote.end());
    std::sort(answered.begin(), answered.end());
    QList<double> perPlace;
    for (const Sample &s : window) {
        if (!s.opening.isValid())
            continue; // wrote in hours: no promise was made
        const auto before =
            std::upper_bound(wrote.cbegin(), wrote.cend(), s.created) - wrote.cbegin();
        const auto done =
            std::upper_bound(answered.cbegin(), answered.cend(), s.created) - answered.cbegin();
        perPlace.append(double(s.seconds) / double(std::max<qint64>(1, before - done)));
    }
    if (perPlace.size() < MinSamples)
        return 0;
    std::sort(perPlace.begin(), perPlace.end());
    const auto at = qsizetype(PlaceQuantile * double(perPlace.size() - 1) + 0.5);
    return std::max<qint64>(1, qint64(perPlace.at(at)));
}

} // namespace Tandem::Server
