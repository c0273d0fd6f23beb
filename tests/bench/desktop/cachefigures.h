// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextStream;

namespace Tandem::Bench {

//! Events applied to the cache per second, beside raw sqlite3 inserting the same rows (the
//! conversations, the messages and their search entries, one summary update per
//! conversation) into the same schema in one transaction.
void printApplyFigures(QTextStream &out, const QString &dir, int conversations, int messages);

//! Fills a cache at `path` through LocalCache with `conversations` conversations and
//! `messages` messages in all, in batches as a long catch-up delivers them; prints the rate.
void fillCache(QTextStream &out, const QString &path, int conversations, qint64 messages);

} // namespace Tandem::Bench
