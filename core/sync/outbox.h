// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/localcache.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUuid>

namespace Tandem {

class MessageFiles;
class SyncClient;

//! A new email an agent writes (docs/protocol.md, `send`).
struct NewEmail {
    qint64 inboxId = 0;
    QString to;
    QString toName;
    QString subject;
    QString text;
    QStringList cc;
    QStringList files; //!< paths
};

//! Replies on their way to the server. A reply is written to the cache first (so it shows
//! at once, survives a restart and is never lost), then sent with its clientId whenever the
//! connection is up, and retried until the server acknowledges it — retries are safe,
//! because the server answers a repeated clientId with the original message. An email's
//! files are uploaded first (under ids chosen once, so an upload tried again is the same
//! one), then the message naming them is sent.
class Outbox : public QObject
{
    Q_OBJECT
public:
    //! `cache` must be open: what it already holds is sent first.
    Outbox(LocalCache &cache, SyncClient &sync, QObject *parent = nullptr);

    //! Queues a reply; returns its clientId.
    //! `cc`: an email reply's copied addresses (empty: the thread's own people).
    //! `files`: the paths of files an email reply carries (copied at once beside the cache).
    QUuid send(qint64 conversationId, const QString &text, bool note = false,
               const QStringList &cc = {}, const QStringList &files = {});
    //! Queues a new email; it has no conversation until the server made one.
    QUuid sendEmail(const NewEmail &email);
    //! Where an email's files are uploaded; until set, emails with files wait.
    void setFiles(MessageFiles *files);
    //! Gives up an entry the server refused: it leaves the outbox.
    void discard(const QUuid &clientId);
    //! Replies not yet acknowledged.
    int pending() const { return m_pending; }
    //! Why the server refused a reply for good (empty if it did not).
    QString failure(const QUuid &clientId) const { return m_refused.value(clientId); }

Q_SIGNALS:
    void pendingChanged(int pending);
    //! The server refused this reply and retrying will not help (e.g. the conversation is
    //! gone); it stays in the outbox for the user to see.
    void refused(const QUuid &clientId, const QString &message);
    //! The server took it, as this message of this conversation (for a new email, the
    //! conversation it started).
    void accepted(const QUuid &clientId, qint64 messageId, qint64 conversationId);

private:
    void flush();
    //! Sends those of `entries` not already on their way or refused.
    void transmit(const QList<OutboxEntry> &entries);
    //! Uploads the entry's files (from the `from`th on), then sends it.
    void uploadThenSend(const OutboxEntry &entry, qsizetype from = 0);
    //! Its uploads are done: sends it, or says why not (`trouble`).
    void uploadsEnded(const OutboxEntry &entry, const std::optional<Failure> &trouble);
    //! Whether it went (false: the connection is gone).
    bool request(const OutboxEntry &entry);
    void refuse(const QUuid &clientId, const QString &why);
    void retryLater(int waitMs);

    LocalCache &m_cache;
    SyncClient &m_sync;
    MessageFiles *m_files = nullptr;
    bool m_uploading = false; //!< an email's files are on their way
    QSet<QUuid> m_uploaded;   //!< uploads the server took (this run)
    QSet<QUuid> m_inFlight;
    QHash<QUuid, QString> m_refused;
    QTimer m_retry;
    int m_pending = 0;
};

} // namespace Tandem
