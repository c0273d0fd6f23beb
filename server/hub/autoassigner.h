// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/event.h"

#include <QList>
#include <QObject>

namespace Tandem::Server {

class Router;
class Storage;

//! Assigns waiting async conversations by itself (docs/protocol.md, "Assignment"): whenever
//! one arrives unassigned, someone's load goes down, or an agent becomes available, the
//! waiting ones are offered, oldest first, to the least loaded online agent of their inbox's
//! team who has room. Away and offline agents get none; when everyone is full they wait, in
//! order, unassigned. One pass at a time; what changes meanwhile asks for another.
class AutoAssigner : public QObject
{
    Q_OBJECT
public:
    //! At most this many waiting conversations are looked at in one pass.
    static constexpr int PassLimit = 200;

    AutoAssigner(Storage &storage, const Router &router, QObject *parent = nullptr);

    //! Committed events: those that can free room or bring work start a pass.
    void observe(const QList<Tandem::Event> &events);
    //! Something the events do not show changed (an agent connected): look again.
    void wake();

private:
    void pass();

    Storage &m_storage;
    const Router &m_router;
    bool m_queued = false;
    bool m_running = false;
    bool m_again = false;
};

} // namespace Tandem::Server
