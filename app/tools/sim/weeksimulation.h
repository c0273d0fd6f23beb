// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"
#include "simoptions.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <optional>

namespace Tandem::Sim {

class SimConnection;

//! A working week of async traffic against a tandemd started with --manual-clock, on its
//! clock (docs/protocol.md, "clock.advance"): customers across three continents write at
//! realistic hours, two agents on shifts answer the oldest first with realistic handle
//! times, and the server makes its promises out of hours. Reports whether they were kept:
//! the share of customers answered within the time promised, the error of each promise,
//! and the SLA's first-reply target met, in and out of hours.
class WeekSimulation : public QObject
{
    Q_OBJECT
public:
    explicit WeekSimulation(const SimOptions &options, QObject *parent = nullptr);
    //! Runs the whole week (blocking, on nested event loops) and returns the exit status.
    int run();

private:
    struct Conversation {
        qint64 id = 0;
        QDateTime sentAt;
        bool inHours = false;
        QDateTime promisedBy;
        QDateTime firstReplyAt;
    };
    struct Arrival {
        QDateTime at;
        QString zone; //!< the customer's timezone
    };
    struct Agent {
        int startHour = 8; //!< shift, Monday to Friday, in the team's timezone
        int endHour = 16;
        QDateTime busyUntil;
    };

    //! Sends and waits for the answer; an empty object (and a message on stderr) if refused.
    std::optional<QJsonObject> call(SimConnection &connection, const QString &type,
                                    const QJsonObject &fields);
    bool openAndWait(SimConnection &connection);
    bool setUp();
    //! Moves the server's clock to `at` (never back).
    bool advanceTo(const QDateTime &at);
    bool customerWrites(const Arrival &arrival, int index);
    bool agentReplies(Conversation &conversation, const QDateTime &at);
    QList<Arrival> arrivals() const;
    bool onShift(const Agent &agent, const QDateTime &at) const;
    void report() const;

    SimOptions m_options;
    SimConnection *m_staff = nullptr;
    QDateTime m_now;
    QDateTime m_start;
    BusinessCalendar m_hours;
    qint64 m_firstReplyTarget = 4 * 3600;
    QList<Conversation> m_conversations;
    QHash<qint64, QDateTime> m_promises; // promisedBy, by conversation, as staff heard
};

} // namespace Tandem::Sim
