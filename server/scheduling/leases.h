// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <functional>

namespace Tandem::Server {

//! Work that must run on one node of a deployment at a time — routing live chats, running
//! due timers, polling a mailbox — runs only while this node holds its lease. A
//! deployment of several nodes (PostgreSQL) hands each lease to one node at a time and
//! moves it when that node goes away; on SQLite there is one node, and it holds every
//! lease from the start (SingleNodeLeases). docs/event-log.md says why.
class Leases : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    //! The leases a node may hold.
    static const QString Routing;
    static const QString Timers;
    static const QString Outbound;
    //! Reading the email inboxes' mailboxes.
    static const QString Mail;

    virtual bool holds(const QString &lease) const = 0;
    //! Runs `start` once this node holds `lease` (at once if it does), and `stop` if it loses
    //! it later.
    void whileHeld(const QString &lease, std::function<void()> start,
                   std::function<void()> stop = {});

Q_SIGNALS:
    void acquired(const QString &lease);
    void lost(const QString &lease);
};

//! The one node of an SQLite deployment: it holds every lease, always.
class SingleNodeLeases final : public Leases
{
    Q_OBJECT
public:
    using Leases::Leases;
    bool holds(const QString &) const override { return true; }
};

} // namespace Tandem::Server
