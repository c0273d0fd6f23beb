// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent.h"

#include <QList>
#include <QString>

namespace Tandem {

//! The agents a note mentions: "@Dana" or "@Dana Demo" (their first name or whole name,
//! ignoring case, not followed by a letter or digit), ascending by id. The longer name wins
//! where both fit.
QList<qint64> mentionedAgents(const QString &text, const QList<Agent> &agents);

} // namespace Tandem
