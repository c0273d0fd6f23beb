// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"
#include "store/store.h"

#include <optional>

namespace Tandem::Server::SlaCalendar {

//! The calendar the SLA clocks of `inboxId`'s conversations count in: its team's business
//! hours (none: around the clock; docs/protocol.md, "SLA"). Read in the caller's
//! transaction, so the clocks move with the hours saved before.
Result<std::optional<BusinessCalendar>> of(Store &store, qint64 inboxId);

//! Moves `c`'s record for the status it now has, at `at` (SlaRecord::statusChanged, in the
//! calendar of its inbox), for the changes that are not StatusChanges::commit's: a live
//! chat ending, a merge and its undo.
Result<Done> statusChanged(Store &store, Conversation &c, const QDateTime &at);

} // namespace Tandem::Server::SlaCalendar
