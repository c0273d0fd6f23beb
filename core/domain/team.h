// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"
#include "sla/slapolicy.h"

#include <QList>
#include <QString>
#include <optional>

namespace Tandem {

//! A group of agents; they see the conversations of the inboxes the team owns.
struct Team {
    qint64 id = 0;
    QString name;
    QList<qint64> members; //!< agent ids, ascending
    //! Its business hours (docs/protocol.md, "Business hours"); none: open around the clock.
    std::optional<BusinessCalendar> calendar;
    //! Its service level agreement (docs/protocol.md, "SLA"); none: no targets.
    std::optional<SlaPolicy> sla;

    bool operator==(const Team &o) const
    {
        return id == o.id && name == o.name && members == o.members && calendar == o.calendar
               && sla == o.sla;
    }
};

//! One channel instance customers write to: the web widget, a support address, a
//! WhatsApp number, a Telegram bot. It belongs to one team (or none: then only
//! supervisors, admins and the assignee see its conversations).
struct Inbox {
    qint64 id = 0;
    QString name;
    QString channel = QStringLiteral("web");
    qint64 teamId = 0; //!< 0: no team
    //! An email inbox's: the address customers write to, and the signature its replies
    //! carry (so the composer can show what goes out). Empty for other channels.
    QString address = {};
    QString signature = {};

    bool operator==(const Inbox &o) const
    {
        return id == o.id && name == o.name && channel == o.channel && teamId == o.teamId
               && address == o.address && signature == o.signature;
    }
};

} // namespace Tandem
