// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "businesscalendar.h"
#include "protocol/result.h"

#include <QByteArray>
#include <QDate>

namespace Tandem::IcsImport {

//! The largest .ics file read (a country's holidays for decades is a few dozen KiB).
constexpr qsizetype MaxBytes = 2 * 1024 * 1024;

//! The closures an iCalendar file (RFC 5545) describes: each event, and each occurrence of a
//! recurring one (RRULE less EXDATE), that overlaps [`from`, `until`), as local times in
//! `zone`. All-day events close whole days; timed ones their hours, converted from their own
//! timezone (TZID, or UTC). Read with libical. Refuses a file that is not iCalendar, too
//! large, or with more closures than a calendar may hold.
Result<QList<Closure>> closures(const QByteArray &ics, const QTimeZone &zone, const QDate &from,
                                const QDate &until);

} // namespace Tandem::IcsImport
