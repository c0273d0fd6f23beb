// SPDX-License-Identifier: GPL-3.0-or-later
#include "mentions.h"

#include <algorithm>

namespace Tandem {
namespace {

bool mentions(const QString &text, const QString &name)
{
    if (name.isEmpty())
        return false;
    const QString tag = QLatin1Char('@') + name;
    for (qsizetype at = text.indexOf(tag, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(tag, at + 1, Qt::CaseInsensitive)) {
        const qsizetype end = at + tag.size();
        const bool wordStart = at == 0 || !text.at(at - 1).isLetterOrNumber();
        if (wordStart && (end == text.size() || !text.at(end).isLetterOrNumber()))
            return true;
    }
    return false;
}

} // namespace

QList<qint64> mentionedAgents(const QString &text, const QList<Agent> &agents)
{
    QList<qint64> ids;
    if (!text.contains(QLatin1Char('@')))
        return ids;
    for (const Agent &agent : agents) {
        const QString full = agent.name.simplified();
        const QString first = full.section(QLatin1Char(' '), 0, 0);
        if (mentions(text, full) || mentions(text, first))
            ids.append(agent.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace Tandem
