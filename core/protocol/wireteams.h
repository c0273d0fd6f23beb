// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/team.h"
#include "result.h"

#include <QJsonObject>

//! JSON forms of teams and inboxes (docs/protocol.md, "Inboxes and teams").
namespace Tandem::Wire {

QJsonObject encode(const Team &team);
QJsonObject encode(const Inbox &inbox);
Result<Team> decodeTeam(const QJsonObject &json);
Result<Inbox> decodeInbox(const QJsonObject &json);

//! The channels an inbox may be of.
bool isChannelName(const QString &name);

} // namespace Tandem::Wire
