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
    if (me == 0)
        return;
    // One narrow read per batch: only the changed chats of this agent that are rated.
    QSet<qint64> fresh;
    const QHash<qint64, int> scores = m_cache.ratingsOf(me, changed);
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        if (m_seen.value(it.key()) != it.value()) {
            m_seen.insert(it.key(), it.value());
            fresh.insert(it.key());
        }
    }
    if (fresh.size() == 1) {
        const auto summary = m_cache.conversation(*fresh.cbegin());
        if (summary)
            Q_EMIT rated(
                describe(summary->customerName, summary->ratingScore, summary->ratingComment));
    } else if (fresh.size() > 1) { // a catch-up after a while away: one word for all of them
        Q_EMIT rated(tr("%n customers rated your chats.", nullptr, int(fresh.size())));
    }
}

} // namespace Tandem
