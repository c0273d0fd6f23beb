// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"
#include "slapolicy.h"

#include <QJsonObject>

//! A team's SLA policy on the wire and in the store (docs/protocol.md, "SLA").
namespace Tandem::SlaPolicyJson {

//! The most rules one policy holds.
constexpr int MaxRules = 50;
//! The longest target: a year, in minutes.
constexpr int MaxTargetMinutes = 366 * 24 * 60;

QJsonObject encode(const SlaPolicy &policy);
//! Checks every field; a failure names it (`sla.targets[1].firstReplyMinutes: …`).
Result<SlaPolicy> decode(const QJsonObject &json);

} // namespace Tandem::SlaPolicyJson
