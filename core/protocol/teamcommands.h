// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"
#include "result.h"
#include "sla/slapolicy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

//! The requests that manage teams and inboxes (docs/protocol.md, "Inboxes and teams").
namespace Tandem::Commands {

//! At most this many members in one team.
constexpr int MaxTeamMembers = 1000;

struct SaveTeam {
    std::optional<qint64> id; //!< unset: a new team
    QString name;
    QList<qint64> members;
    //! Whether the request sets the calendar (else an existing team keeps its own).
    bool setsCalendar = false;
    std::optional<BusinessCalendar> calendar; //!< none: open around the clock
    //! Whether the request sets the SLA policy (else an existing team keeps its own).
    bool setsSla = false;
    std::optional<SlaPolicy> sla; //!< none: no targets
};

struct SaveInbox {
    std::optional<qint64> id; //!< unset: a new inbox
    QString name;
    QString channel;   //!< for a new inbox
    qint64 teamId = 0; //!< 0: no team
};

Result<SaveTeam> decodeSaveTeam(const QJsonObject &fields);
Result<SaveInbox> decodeSaveInbox(const QJsonObject &fields);

} // namespace Tandem::Commands
