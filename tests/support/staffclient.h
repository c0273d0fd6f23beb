// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tandemdprocess.h"
#include "testclient.h"

#include <memory>

//! The password every test's staff sign in with.
inline const QString StaffPassword = QStringLiteral("correct horse battery");

//! Adds `name` (name@example.com) as staff of `role` and signs them in on a connection of
//! their own; their id in `*id`. nullptr when any step fails.
std::unique_ptr<TestClient> newStaff(const TandemdProcess &server, const QString &name, qint64 *id,
                                     const QString &role = QStringLiteral("agent"));
