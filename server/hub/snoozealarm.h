// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Tandem::Server {

class Scheduler;
class Storage;

//! Wakes conversations snoozed until a time: runs the scheduler's durable wake-up jobs
//! (conversations/statuschanges), which the status change itself saved with it.
class SnoozeAlarm : public QObject
{
    Q_OBJECT
public:
    SnoozeAlarm(Storage &storage, Scheduler &scheduler, QObject *parent = nullptr);
    ~SnoozeAlarm() override;

private:
    Storage &m_storage;
    Scheduler &m_scheduler;
};

} // namespace Tandem::Server
