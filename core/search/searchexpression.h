// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace Tandem::SearchExpression {

//! The words of the index that start with `word` (already in lower case) and are longer,
//! at most MaxCompletions + 1 of them; nullopt when they cannot be read.
using Completions = std::function<std::optional<QStringList>(const QString &word)>;

//! The FTS5 query for what someone typed into a search field, the same for the desktop's
//! cache and the server: every word must occur, and the last one may also be the start of
//! a longer word (search as you type).
//!
//! Each word becomes an FTS5 string, so quotes, stars, colons, parentheses and words like
//! NEAR or OR are searched for, never read as query syntax. A one-letter last word is matched
//! whole (as a prefix it would match most of the index). Two to four letters use the index's
//! prefix entries (`prefix='2 3 4'`). A longer last word is looked up with its completions
//! from the index's vocabulary: FTS5 reads the matches of whole words newest first and stops
//! at the limit, where a longer prefix would have it gather every match of every completion
//! first (95 ms for a common word over 1M messages, against 2 ms). Empty when nothing
//! searchable was typed.
QString build(const QString &input, const Completions &completions);

//! Completions looked up at most; a word with more is searched as a prefix.
constexpr int MaxCompletions = 64;

//! The range of the vocabulary to read for the completions of `word`: from just after the
//! word itself (so a common word's own matches are not counted, tens of ms for a word in
//! most messages) to just before the next prefix.
std::pair<QString, QString> completionRange(const QString &word);

} // namespace Tandem::SearchExpression
