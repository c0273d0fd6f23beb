// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Tandem::SearchExpression {

//! The FTS5 query for what someone typed into the search field: every word must occur, and
//! the last one may also be the start of a longer word (search as you type).
//!
//! Each word becomes an FTS5 string, so quotes, stars, colons, parentheses and words like
//! NEAR or OR are searched for, never read as query syntax. A one-letter last word is matched
//! whole (as a prefix it would match most of the index). Two to four letters use the index's
//! prefix entries. A longer last word is looked up with its completions from the vocabulary
//! (`messages_vocab`, read with `db`): FTS5 reads the matches of whole words newest first and
//! stops at the limit, where a longer prefix would have it gather every match of every
//! completion first (95 ms for a common word over 1M messages, against 2 ms). Empty when
//! nothing searchable was typed.
QString build(const QString &input, const QSqlDatabase &db);

//! Completions looked up at most; a word with more is searched as a prefix.
constexpr int MaxCompletions = 64;

} // namespace Tandem::SearchExpression
