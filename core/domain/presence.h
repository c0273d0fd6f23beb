// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Tandem {

//! The status an agent chose. It is kept apart from whether their app is connected.
enum class Presence { Offline, Online, Away, Busy };

QString presenceName(Presence presence);
std::optional<Presence> presenceFromName(const QString &name);

} // namespace Tandem
