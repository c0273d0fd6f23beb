// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUuid>

namespace Tandem {

class SyncClient;

//! Replies on their way to the server. A reply is written to the cache first (so it shows
//! at once, survives a restart and is never lost), then sent with its clientId whenever the
//! connection is up, and retried until the server acknowledges it — retries are safe,
//! because the server answers a repeated clientId with the original message.
class Outbox : public QObject
{
    Q_OBJECT
public:
    //! `cache` must be open: what it already holds is sent first.
    Outbox(LocalCache &cache, SyncClient &sync, QObject *parent = nullptr);

    //! Queues a reply; returns its clientId.
    //! `cc`: an email reply's copied addresses (empty: the thread's own people).
    QUuid send(qint64 conversationId, const QString &text, bool note = false,
               const QStringList &cc = {});
    //! Replies not yet acknowledged.
    int pending() const { return m_pending; }
    //! Why the server refused a reply for good (empty if it did not).
    QString failure(const QUuid &clientId) const { return m_refused.value(clientId); }

Q_SIGNALS:
    void pendingChanged(int pending);
    //! The server refused this reply and retrying will not help (e.g. the conversation is
    //! gone); it stays in the outbox for the user to see.
    void refused(const QUuid &clientId, const QString &message);

private:
    void flush();
    //! Sends those of `entries` not already on their way or refused.
    void transmit(const QList<OutboxEntry> &entries);

    LocalCache &m_cache;
    SyncClient &m_sync;
    QSet<QUuid> m_inFlight;
    QHash<QUuid, QString> m_refused;
    QTimer m_retry;
    int m_pending = 0;
};

} // namespace Tandem
