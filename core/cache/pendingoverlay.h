// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "conversationsummary.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <functional>

namespace Tandem::CacheRows {

//! What an agent changed offline, shown ahead of the server's answer: a conversation
//! resolved offline sits in Resolved, one taken offline is theirs. The change stays counted
//! in `pendingActions`; a refusal removes it, and the server's copy shows again.
//! Applies one waiting request ("status", "assign", "labels", "priority") to `summary`;
//! `agentName` names an agent id (an unknown one keeps its id and no name).
void applyPending(ConversationSummary &summary, const QString &type, const QJsonObject &fields,
                  const std::function<QString(qint64)> &agentName);

//! Applies every waiting request to the summaries that count some, in the order they were
//! made. Read with `db`, on the thread that opened it.
void applyPending(const QSqlDatabase &db, QList<ConversationSummary> &summaries);

} // namespace Tandem::CacheRows
