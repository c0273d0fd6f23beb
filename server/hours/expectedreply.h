// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "businesshours.h"
#include "store/store.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <algorithm>
#include <chrono>

namespace Tandem::Server {

//! How long a customer who writes now waits for a first reply, in business time
//! (docs/protocol.md, "Business hours"): the median of the team's first responses over the
//! last week, measured in business time. With too few first responses to go on,
//! FallbackSeconds stands in for the median. For a customer who writes while the team is
//! closed, the load counts: at the opening the team works through those waiting in turn,
//! so the wait is their place in the queue times the business seconds each place took
//! after the openings of the last week (Estimate::perPlace).
class ExpectedReply
{
public:
    //! One hour of business time, the promise made before there is a record to go by.
    static constexpr qint64 FallbackSeconds = 3600;
    //! Fewer first responses than this in the window, and the fallback is used.
    static constexpr int MinSamples = 5;
    static constexpr std::chrono::hours Window{24 * 7};

    //! A first response: when it was given, and how long (business seconds) it took.
    struct Sample {
        QDateTime at;
        qint64 seconds = 0;
        //! When the customer wrote, and the opening they waited for if the team was
        //! closed then (invalid: they wrote in hours).
        QDateTime created;
        QDateTime opening;
    };
    //! The share of past customers who waited no longer per place than the figure
    //! Estimate::perPlace gives: the promise is meant to be kept, but not padded.
    static constexpr double PlaceQuantile = 0.9;

    //! What a team's promises are worked out from, over the window ending at an instant.
    struct Estimate {
        //! The median first response, or the fallback.
        qint64 typical = FallbackSeconds;
        //! Business seconds each place in the queue at an opening took (a customer who
        //! wrote while closed, answered after waiting w with r customers ahead of them or at
        //! their place, took w / r), at PlaceQuantile; 0 with fewer than MinSamples such
        //! customers.
        qint64 perPlace = 0;

        bool countsPlaces() const { return perPlace > 0; }
        //! Business seconds until a reply, for the customer at `place` in the queue (counted
        //! when the team has the figures for it; else the typical delay).
        qint64 secondsFor(int place) const
        {
            return perPlace ? perPlace * std::max(1, place) : typical;
        }
    };

    //! Starts over from the first replies of the window (FirstReply, from the store), each
    //! measured in its team's business time (wall time for a team without hours).
    void reset(const QList<FirstReply> &replies, const BusinessHours &hours);
    //! Takes in the first replies among `events` (message.created whose conversation's first
    //! reply is that message).
    void observe(const QList<Event> &events, const BusinessHours &hours);
    void record(qint64 teamId, const Sample &sample);
    //! `teamId`'s estimate over the window ending `now`. Asked for on every customer message
    //! while a team makes promises, so kept for FiguresForSeconds, or until the team's next
    //! first reply.
    Estimate estimate(qint64 teamId, const QDateTime &now) const;

    static constexpr qint64 FiguresForSeconds = 60;

private:
    struct Figures {
        QDateTime at;
        Estimate estimate;
    };
    void recordFirstReply(const FirstReply &reply, const BusinessHours &hours);
    QList<Sample> recent(qint64 teamId, const QDateTime &now) const;
    qint64 medianOf(const QList<Sample> &window) const;
    qint64 perPlaceOf(const QList<Sample> &window) const;

    QHash<qint64, QList<Sample>> m_samples; // by team, oldest first
    mutable QHash<qint64, Figures> m_figures;
};

} // namespace Tandem::Server
