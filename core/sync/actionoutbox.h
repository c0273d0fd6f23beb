// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/requests.h"

#include <QObject>
#include <QSet>

namespace Tandem {

class LocalCache;
class SyncClient;

//! What an agent does to conversations while offline — set a status, assign, label, set a
//! priority — waits in the cache and goes out in order when the connection returns. Each
//! of these requests sets a state, so sending one twice changes nothing. A refusal (someone
//! else resolved it, the label is gone) is announced, not retried, and the request leaves
//! the queue.
class ActionOutbox : public QObject
{
    Q_OBJECT
public:
    ActionOutbox(LocalCache &cache, SyncClient &sync, QObject *parent = nullptr);

    //! Keeps `request` about `conversationId` and sends it, after those kept before, as soon
    //! as the connection allows (at once when online).
    void perform(qint64 conversationId, const Requests::Request &request);
    //! Requests about `conversationId` still waiting.
    int pending(qint64 conversationId) const;

Q_SIGNALS:
    //! The server refused a request made offline; for people.
    void refused(qint64 conversationId, const QString &message);
    //! Requests of `conversationId` were queued or sent.
    void pendingChanged(qint64 conversationId);

private:
    void flush();

    LocalCache &m_cache;
    SyncClient &m_sync;
    bool m_sending = false;
};

} // namespace Tandem
