// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextStream;

namespace Tandem::Bench {

//! Offline search over the cache at `path` as an agent types (every keystroke of a few
//! searches, the last word matched as a prefix), through the search panel's model: p50, p95
//! and the slowest, beside raw sqlite3 looking up one whole common word in the same index.
void printSearchFigures(QTextStream &out, const QString &path);

} // namespace Tandem::Bench
