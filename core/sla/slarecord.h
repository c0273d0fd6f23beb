// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"
#include "protocol/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace Tandem {

//! What a conversation's SLA clocks are worked out from (docs/protocol.md, "SLA"): when the
//! customer began waiting for an answer, the business time it spent paused (pending,
//! snoozed or resolved), and how long each answer that stopped a clock took. Business
//! seconds are counted in the team's calendar of the time (none: around the clock).
struct SlaRecord {
    //! The customer's oldest message staff have not answered yet (invalid: none).
    QDateTime awaitingSince;
    //! `pausedSeconds` when the customer began waiting: pauses before do not count.
    qint64 awaitingPausedBase = 0;
    //! Paused since then (invalid: open, the clocks run).
    QDateTime pausedSince;
    //! Business seconds paused over the conversation's life, before `pausedSince`.
    qint64 pausedSeconds = 0;
    //! Business seconds the first reply took, the newest next reply, and the way to the
    //! newest resolution (unset: not yet).
    std::optional<qint64> firstReplySeconds;
    std::optional<qint64> nextReplySeconds;
    std::optional<qint64> resolutionSeconds;

    bool isEmpty() const { return *this == SlaRecord{}; }
    bool operator==(const SlaRecord &o) const
    {
        return awaitingSince == o.awaitingSince && awaitingPausedBase == o.awaitingPausedBase
               && pausedSince == o.pausedSince && pausedSeconds == o.pausedSeconds
               && firstReplySeconds == o.firstReplySeconds && nextReplySeconds == o.nextReplySeconds
               && resolutionSeconds == o.resolutionSeconds;
    }

    // How a conversation's life moves the record (the server's, in the transaction that
    // makes the change). `calendar` null: business time is wall time.

    //! A customer's message that is not a machine's: they wait for an answer from `at`.
    void customerWrote(const QDateTime &at);
    //! Staff's ordinary reply at `at` answers what the customer waits for; `first` says
    //! whether it is staff's first reply in the conversation.
    void staffReplied(bool first, const QDateTime &at, const BusinessCalendar *calendar);
    //! The status became `status` at `at`: open runs the clocks, anything else pauses them;
    //! resolving records how long the way there took from `createdAt`.
    void statusChanged(const QString &status, const QDateTime &createdAt, const QDateTime &at,
                       const BusinessCalendar *calendar);

    //! Business seconds from `from` to the end of the running time (`now`, or when the
    //! pause began), less the pauses since `pausedBase`.
    qint64 elapsed(const QDateTime &from, qint64 pausedBase, const QDateTime &now,
                   const BusinessCalendar *calendar) const;
};

namespace SlaRecordJson {
QJsonObject encode(const SlaRecord &record);
//! Checks every field: a record from a server or a cache is as hostile as any input.
Result<SlaRecord> decode(const QJsonObject &json);
} // namespace SlaRecordJson

//! Business seconds between two instants in `calendar` (null: wall time).
qint64 businessSeconds(const BusinessCalendar *calendar, const QDateTime &from,
                       const QDateTime &to);

} // namespace Tandem
