// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

class QTextStream;

namespace Tandem::Bench {

//! Launch to first painted conversation list, with the cache for (`server`, `email`) in
//! profile "bench" and the server unreachable, beside the launch of an empty Qt window and of
//! a plain QListView of as many strings (`emptyWindow --list N`): each timed from process
//! start to the first paint's report, median of five.
void printLaunchFigures(QTextStream &out, const QString &desktop, const QString &emptyWindow,
                        const QUrl &server, const QString &email);

} // namespace Tandem::Bench
