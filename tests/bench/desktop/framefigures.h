// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextStream;

namespace Tandem::Bench {

//! The conversation list scrolling through the cache at `path` (10,000 conversations): the
//! time to paint each frame as a mouse wheel and Page Down move it, p50, p95 and the slowest,
//! beside the same list of plain strings with Qt's own delegate and a 60 Hz display's budget.
void printFrameFigures(QTextStream &out, const QString &path);

} // namespace Tandem::Bench
