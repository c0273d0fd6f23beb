// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchexpression.h"

#include <algorithm>

namespace Tandem::SearchExpression {
namespace {

QString quoted(QString word)
{
    return QLatin1Char('"') + word.replace(QLatin1Char('"'), QLatin1String("\"\""))
           + QLatin1Char('"');
}

//! Words the tokenizer folds only by case (other words are left to FTS5's prefix search).
bool isPlainWord(const QString &word)
{
    return std::all_of(word.cbegin(), word.cend(),
                       [](QChar c) { return c.unicode() < 128 && c.isLetterOrNumber(); });
}

} // namespace

std::pair<QString, QString> completionRange(const QString &word)
{
    QString end = word;
    if (!end.isEmpty())
        end[end.size() - 1] = QChar(end.at(end.size() - 1).unicode() + 1);
    return {word + QChar(1), end};
}

QString build(const QString &input, const Completions &completions)
{
    QStringList terms;
    QString last;
    qsizetype lastLength = 0;
    for (const QString &word : input.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const auto length =
            std::count_if(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        // The tokenizer drops punctuation; a term of nothing else would match nothing.
        if (length == 0)
            continue;
        terms << quoted(word);
        last = word;
        lastLength = length;
    }
    if (terms.isEmpty())
        return {};
    if (lastLength >= 2 && lastLength <= 4) {
        terms.last() += QLatin1Char('*');
    } else if (lastLength > 4) {
        const QString folded = last.toLower();
        std::optional<QStringList> more;
        if (isPlainWord(folded) && completions)
            more = completions(folded);
        if (more && more->size() > MaxCompletions)
            more.reset();
        if (!more) {
            terms.last() += QLatin1Char('*');
        } else if (!more->isEmpty()) {
            QStringList either{terms.last()};
            for (const QString &term : std::as_const(*more))
                either << quoted(term);
            terms.last() = QLatin1Char('(') + either.join(QLatin1String(" OR ")) + QLatin1Char(')');
        }
    }
    return terms.join(QLatin1String(" AND "));
}

} // namespace Tandem::SearchExpression
