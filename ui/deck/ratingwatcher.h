// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <functional>

namespace Tandem {

class LocalCache;

//! Watches the cache for customers rating chats this agent handled, so the agent hears of
//! it: a rating is the customer's word to them. Ratings the cache held before (when it
//! started watching, or after a snapshot replaced the list) are not news.
class RatingWatcher : public QObject
{
    Q_OBJECT
public:
    //! `agentId`: who is signed in (asked each time: it is known once the session is).
    RatingWatcher(LocalCache &cache, std::function<qint64()> agentId, QObject *parent = nullptr);

    //! "Maria García rated your chat 4 of 5: “…”", or for several at once, how many.
    static QString describe(const QString &customer, int score, const QString &comment);

Q_SIGNALS:
    //! One or more of the agent's chats were rated; `text` says by whom and how.
    void rated(const QString &text);

private:
    void look(const QSet<qint64> &changed);
    //! What the cache holds now counts as known.
    void rememberAll();

    LocalCache &m_cache;
    std::function<qint64()> m_agentId;
    qint64 m_rememberedFor = 0; // the agent m_seen was read for
    QHash<qint64, int> m_seen;  // this agent's conversation -> score told (or already there)
};

} // namespace Tandem
