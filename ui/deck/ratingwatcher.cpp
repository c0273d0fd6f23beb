// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratingwatcher.h"

#include "cache/localcache.h"

namespace Tandem {

RatingWatcher::RatingWatcher(LocalCache &cache, std::function<qint64()> agentId, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_agentId(std::move(agentId))
{
    connect(&cache, &LocalCache::applied, this,
            [this](qint64, const QSet<qint64> &changed) { look(changed); });
    connect(&cache, &LocalCache::reset, this, &RatingWatcher::rememberAll);
    rememberAll();
}

void RatingWatcher::rememberAll()
{
    m_rememberedFor = m_agentId();
    m_seen = m_rememberedFor != 0 ? m_cache.ratingsOf(m_rememberedFor) : QHash<qint64, int>();
}

QString RatingWatcher::describe(const QString &customer, int score, const QString &comment)
{
    const QString who = customer.isEmpty() ? tr("A customer") : customer;
    if (comment.trimmed().isEmpty())
        return tr("%1 rated your chat %2 of 5.").arg(who).arg(score);
    return tr("%1 rated your chat %2 of 5: “%3”").arg(who).arg(score).arg(comment.trimmed());
}

void RatingWatcher::look(const QSet<qint64> &changed)
{
    const qint64 me = m_agentId();
    if (me != m_rememberedFor) {
        // Signed in (or as someone else) since: what was there before this batch is not
        // news; what this batch brought is.
        rememberAll();
        for (qint64 id : changed)
            m_seen.remove(id);
    }
    QStringList news;
    for (qint64 id : changed) {
        const auto summary = m_cache.conversation(id);
        if (!summary || summary->ratingScore <= 0 || m_seen.value(id) == summary->ratingScore)
            continue;
        m_seen.insert(id, summary->ratingScore);
        if (me != 0 && summary->assigneeId == me)
            news.append(
                describe(summary->customerName, summary->ratingScore, summary->ratingComment));
    }
    if (news.size() == 1)
        Q_EMIT rated(news.first());
    else if (news.size() > 1) // a catch-up after a while away: one word for all of them
        Q_EMIT rated(tr("%n customers rated your chats.", nullptr, int(news.size())));
}

} // namespace Tandem
