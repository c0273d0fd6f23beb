// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "businesshours.h"
#include "expectedreply.h"
#include "store/store.h"

#include <QHash>
#include <QLocale>
#include <QTimeZone>
#include <chrono>

//! The answer a customer gets when they write while their team is closed (docs/protocol.md,
//! "Business hours"): the team's text, with when it opens and when a reply can be
//! expected, from the system, at most once per conversation per closed stretch.
namespace Tandem::Server::AutoReply {

//! A message after this long without one in the conversation counts as a customer's
//! first (a conversation someone is answering right now gets no automatic reply).
constexpr std::chrono::minutes QuietPeriod{30};

//! What the answer needs besides the store, copied to the storage thread.
struct Context {
    BusinessHours hours;
    //! What each team that makes promises now works them out from; a team missing here
    //! gets ExpectedReply's fallback.
    QHash<qint64, ExpectedReply::Estimate> estimates;
    //! The customer's, where known (the widget says); else the calendar's.
    QTimeZone zone;
    QLocale locale = QLocale(QLocale::English, QLocale::UnitedStates);
};

//! What was sent: the reply, and the time it promised an answer by.
struct Sent {
    Message message;
    QDateTime promisedBy;
};

//! After the customer's `message` is filed in `conversation` (in the same transaction):
//! posts the automatic reply when the team is closed, the message is the customer's first
//! after a quiet period, no automatic reply went out in this closed stretch yet, and
//! neither the message nor the team's text rules it out (`automatic`: sent by a machine,
//! which gets no answer). None when nothing is sent.
//! The promise is kept with `conversation` (promisedBy), which is updated in place.
Result<std::optional<Sent>> answer(Store &store, Conversation &conversation, const Message &message,
                                   bool automatic, const Context &context);

} // namespace Tandem::Server::AutoReply
