// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>

namespace Tandem::Server {

class BusinessHours;
class Router;
class Scheduler;
class Storage;

//! At each team's closing time, the live chats still waiting in its inboxes' queue become
//! async conversations (docs/protocol.md, "Business hours"); their customers are told by
//! the conversation.updated the system makes. Runs on the scheduler's in-memory jobs, so a
//! manual clock moves it like everything else.
class ClosingTime : public QObject
{
    Q_OBJECT
public:
    ClosingTime(Storage &storage, Scheduler &scheduler, const BusinessHours &hours, Router &router,
                QObject *parent = nullptr);
    ~ClosingTime() override;

    //! The calendars were read or changed: each team's next closing is set again, and a
    //! team closed now lets its queue go at once.
    void reschedule();

private:
    void close(qint64 teamId);
    void scheduleNext(qint64 teamId);

    Storage &m_storage;
    Scheduler &m_scheduler;
    const BusinessHours &m_hours;
    Router &m_router;
    QSet<qint64> m_scheduled; // teams with a closing job
};

} // namespace Tandem::Server
