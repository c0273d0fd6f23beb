// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchexpression.h"

#include "cachelogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <optional>

namespace Tandem::SearchExpression {
namespace {

QString quoted(QString word)
{
    return QLatin1Char('"') + word.replace(QLatin1Char('"'), QLatin1String("\"\""))
           + QLatin1Char('"');
}

//! The index's own terms that start with `word` and are longer, as the tokenizer folds them
//! (lower case ASCII: other words are left to FTS5's prefix search). nullopt: too many.
std::optional<QStringList> completions(const QString &word, const QSqlDatabase &db)
{
    // Starting just after the word itself, so the vocabulary does not count the word's own
    // matches (tens of ms for a word in most messages); ending before the next prefix.
    QString end = word;
    end[end.size() - 1] = QChar(end.at(end.size() - 1).unicode() + 1);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT term FROM messages_vocab WHERE term >= ? AND term < ?"
                                  " LIMIT ?"))) {
        qCWarning(lcCache) << "search vocabulary:" << q.lastError().text();
        return std::nullopt;
    }
    q.addBindValue(word + QChar(1));
    q.addBindValue(end);
    q.addBindValue(MaxCompletions + 1);
    if (!q.exec()) {
        qCWarning(lcCache) << "search vocabulary:" << q.lastError().text();
        return std::nullopt;
    }
    QStringList terms;
    while (q.next())
        terms.append(q.value(0).toString());
    if (terms.size() > MaxCompletions)
        return std::nullopt;
    return terms;
}

bool isPlainWord(const QString &word)
{
    return std::all_of(word.cbegin(), word.cend(),
                       [](QChar c) { return c.unicode() < 128 && c.isLetterOrNumber(); });
}

} // namespace

QString build(const QString &input, const QSqlDatabase &db)
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
        const auto more = isPlainWord(folded) ? completions(folded, db) : std::nullopt;
        if (!more) {
            terms.last() += QLatin1Char('*');
        } else if (!more->isEmpty()) {
            QStringList either{terms.last()};
            for (const QString &term : *more)
                either << quoted(term);
            terms.last() = QLatin1Char('(') + either.join(QLatin1String(" OR ")) + QLatin1Char(')');
        }
    }
    return terms.join(QLatin1String(" AND "));
}

} // namespace Tandem::SearchExpression
