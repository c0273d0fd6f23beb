// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace Tandem {

//! What a signed-in staff member may do: agents answer, supervisors also oversee, admins
//! also manage accounts.
enum class Role { Agent, Supervisor, Admin };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

} // namespace Tandem
