// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "businesscalendar.h"
#include "protocol/result.h"

#include <QJsonObject>

//! A team's calendar on the wire and in the store (docs/protocol.md, "Business hours"):
//! {"timezone": "Europe/Berlin", "hours": [{"day": 1, "from": "08:00", "to": "18:00"}],
//!  "closures": [{"from": "2026-12-24T00:00", "to": "2026-12-27T00:00", "name": "…"}]}
//! Local times, in the calendar's timezone. Decoding checks every field and bound.
namespace Tandem::CalendarJson {

QJsonObject encode(const BusinessCalendar &calendar);
Result<BusinessCalendar> decode(const QJsonObject &json);

} // namespace Tandem::CalendarJson
