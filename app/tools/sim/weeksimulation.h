// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"
#include "simoptions.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <optional>

class QTextStream;

namespace Tandem::Sim {

class SimConnection;

//! A working week of traffic against a tandemd started with --manual-clock, on its clock
//! (docs/protocol.md, "clock.advance"): customers across three continents write at
//! realistic hours, two agents on shifts answer the oldest first with realistic handle
//! times, and the server makes its promises out of hours. In hours some customers start
//! live chats instead, which the router gives the admin at the live desk (auto-accept, three
//! at once). Reports whether the promises were kept: the share of customers answered within
//! the time promised, the error of each promise, and the SLA's first-reply target met, in
//! and out of hours; and for live chats, their waits beside the wait the widget showed.
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
    struct LiveChat {
        qint64 id = 0;
        QDateTime sentAt;
        qint64 shownWaitSeconds = -1; //!< what the widget's availability said before it
        QDateTime firstReplyAt;
        SimConnection *customer = nullptr; //!< stays until answered
        bool scheduled = false;            //!< the desk has it and is writing
        QDateTime takenAt;                 //!< when the router gave it to the desk
    };
    //! A reply an agent is writing, sent at its time: to an async conversation (its index) or
    //! a live chat (its index among those).
    struct Reply {
        QDateTime at;
        qsizetype index = 0;
        bool live = false;
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
    //! A customer starts a live chat and stays until the desk answers.
    bool customerChats(const Arrival &arrival, int index);
    //! Whether a live chat still waits for its first reply.
    bool liveWaiting() const;
    bool agentReplies(Conversation &conversation, const QDateTime &at);
    //! The live desk answers a chat (and ends it, freeing its place).
    bool liveDeskReplies(LiveChat &chat, const QDateTime &at);
    //! The wait the widget would show now (GET /api/v1/availability), -1 if unknown.
    qint64 shownWait();
    void onStaffEvent(const QString &kind, const QJsonObject &data);
    //! The desk starts on the chat if the router gave it to it.
    void deskTakes(qsizetype index);
    QList<Arrival> arrivals() const;
    bool onShift(const Agent &agent, const QDateTime &at) const;
    void report() const;
    void reportLive(QTextStream &out) const;

    SimOptions m_options;
    SimConnection *m_staff = nullptr;
    QDateTime m_now;
    QDateTime m_start;
    BusinessCalendar m_hours;
    qint64 m_firstReplyTarget = 4 * 3600;
    QList<Conversation> m_conversations;
    QHash<qint64, QDateTime> m_promises; // promisedBy, by conversation, as staff heard
    QList<LiveChat> m_live;
    QHash<qint64, qsizetype> m_liveIndex; // by conversation id
    QList<Reply> m_replies;               // being written
    QRandomGenerator m_liveRandom{1207};
    qint64 m_deskId = 0;
    QSet<qint64> m_deskHas; // live chats the router gave the desk
};

} // namespace Tandem::Sim
