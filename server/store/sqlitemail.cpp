// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStore: what email inboxes keep (mailboxes, attachments, a conversation's people).
#include "sqliterows.h"
#include "sqlitestore.h"

#include "sqlitestatement.h"

namespace Tandem::Server {

using namespace SqliteRows;

namespace {

const QString mailboxColumns = QStringLiteral(
    "SELECT inbox_id, settings, imap_password, smtp_password, configured_at, uid_validity,"
    " last_uid, last_error, last_error_at, last_mail_at, last_lag_ms FROM mailboxes ");

MailboxRecord mailboxFrom(const SqliteStatement &q)
{
    MailboxRecord r;
    r.inboxId = q.value(0).toLongLong();
    r.settings = q.value(1).toString();
    r.imapPassword = q.value(2).toString();
    r.smtpPassword = q.value(3).toString();
    r.configuredAt = fromMs(q.value(4));
    r.uidValidity = quint32(q.value(5).toLongLong());
    r.lastUid = quint32(q.value(6).toLongLong());
    r.lastError = q.value(7).toString();
    r.lastErrorAt = optionalTime(q.value(8));
    r.lastMailAt = optionalTime(q.value(9));
    r.lagMs = q.value(10).isNull() ? -1 : q.value(10).toLongLong();
    return r;
}

} // namespace

Stored<Done> SqliteStore::saveMailbox(const MailboxRecord &m)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO mailboxes (inbox_id, settings, imap_password, smtp_password, configured_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (inbox_id) DO UPDATE SET"
        " settings = excluded.settings, imap_password = excluded.imap_password,"
        " smtp_password = excluded.smtp_password, last_error = ''"));
    if (auto failure = run(q, {m.inboxId, text(m.settings), text(m.imapPassword),
                               text(m.smtpPassword), toMs(m.configuredAt)}))
        return *failure;
    return Done{};
}

Stored<MailboxRecord> SqliteStore::mailbox(qint64 inboxId)
{
    SqliteStatement &q = prepare(mailboxColumns + QStringLiteral("WHERE inbox_id = ?"));
    if (auto failure = run(q, {inboxId}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no mailbox for that inbox")};
    return mailboxFrom(q);
}

Stored<QList<MailboxRecord>> SqliteStore::mailboxes()
{
    SqliteStatement &q = prepare(mailboxColumns + QStringLiteral("ORDER BY inbox_id"));
    if (auto failure = run(q))
        return *failure;
    return rows(q, mailboxFrom);
}

Stored<Done> SqliteStore::setMailCursor(qint64 inboxId, quint32 uidValidity, quint32 lastUid,
                                        const QDateTime &lastMailAt, qint64 lagMs)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "UPDATE mailboxes SET uid_validity = ?, last_uid = ?,"
        " last_mail_at = COALESCE(?, last_mail_at), last_lag_ms = COALESCE(?, last_lag_ms)"
        " WHERE inbox_id = ?"));
    return changedOne(q,
                      {qint64(uidValidity), qint64(lastUid), optionalMs(lastMailAt),
                       lagMs >= 0 ? QVariant(lagMs) : QVariant(), inboxId},
                      "no mailbox for that inbox");
}

Stored<Done> SqliteStore::setMailboxError(qint64 inboxId, const QString &error)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "UPDATE mailboxes SET last_error = ?, last_error_at = ? WHERE inbox_id = ?"));
    return changedOne(q,
                      {text(error), error.isEmpty() ? QVariant() : QVariant(toMs(now())), inboxId},
                      "no mailbox for that inbox");
}

Stored<Done> SqliteStore::addAttachment(const AttachmentRecord &a)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO attachments (message_id, idx, file_name, content_type, content_id, inline,"
        " size, kept, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto failure = run(q, {a.messageId, a.index, text(a.fileName), text(a.contentType),
                               text(a.contentId), a.isInline ? 1 : 0, a.size, a.kept ? 1 : 0,
                               a.kept ? QVariant(a.data) : QVariant()}))
        return *failure;
    return Done{};
}

Stored<AttachmentRecord> SqliteStore::attachment(qint64 messageId, int index)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT file_name, content_type, content_id, inline, size, kept, data FROM attachments"
        " WHERE message_id = ? AND idx = ?"));
    if (auto failure = run(q, {messageId, index}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such attachment")};
    AttachmentRecord a;
    a.messageId = messageId;
    a.index = index;
    a.fileName = q.value(0).toString();
    a.contentType = q.value(1).toString();
    a.contentId = q.value(2).toString();
    a.isInline = q.value(3).toInt() != 0;
    a.size = q.value(4).toLongLong();
    a.kept = q.value(5).toInt() != 0;
    a.data = q.value(6).toByteArray();
    return a;
}

Stored<Done> SqliteStore::addUpload(const UploadRecord &u)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO uploads (id, agent_id, file_name, content_type, size, data, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (auto failure = run(q, {u.id.toRfc4122(), u.agentId, text(u.fileName), text(u.contentType),
                               u.size, u.data, toMs(u.createdAt)}))
        return *failure;
    return Done{};
}

Stored<UploadRecord> SqliteStore::upload(const QUuid &id)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT agent_id, file_name, content_type, size, created_at, taken_by FROM uploads"
        " WHERE id = ?"));
    if (auto failure = run(q, {id.toRfc4122()}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such upload")};
    UploadRecord u;
    u.id = id;
    u.agentId = q.value(0).toLongLong();
    u.fileName = q.value(1).toString();
    u.contentType = q.value(2).toString();
    u.size = q.value(3).toLongLong();
    u.createdAt = fromMs(q.value(4));
    u.takenBy = q.value(5).toLongLong();
    return u;
}

Stored<std::pair<int, qint64>> SqliteStore::uploadsWaiting(qint64 agentId)
{
    SqliteStatement &q =
        prepare(QStringLiteral("SELECT count(*), coalesce(sum(size), 0) FROM uploads"
                               " WHERE agent_id = ? AND taken_by IS NULL"));
    if (auto failure = run(q, {agentId}))
        return *failure;
    if (!q.next())
        return std::pair<int, qint64>{0, 0};
    return std::pair<int, qint64>{q.value(0).toInt(), q.value(1).toLongLong()};
}

Stored<Done> SqliteStore::attachUpload(const QUuid &id, qint64 messageId, int index)
{
    // The bytes move inside SQLite: they never pass through this process's memory.
    SqliteStatement &copy = prepare(QStringLiteral(
        "INSERT INTO attachments (message_id, idx, file_name, content_type, content_id, inline,"
        " size, kept, data) SELECT ?, ?, file_name, content_type, '', 0, size, 1, data"
        " FROM uploads WHERE id = ? AND taken_by IS NULL"));
    if (auto failure = run(copy, {messageId, index, id.toRfc4122()}))
        return *failure;
    if (copy.rowsChanged() != 1)
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such upload")};
    return changedOne(
        prepare(QStringLiteral("UPDATE uploads SET data = x'', taken_by = ? WHERE id = ?")),
        {messageId, id.toRfc4122()}, "no such upload");
}

Stored<int> SqliteStore::dropUploadsBefore(const QDateTime &before)
{
    SqliteStatement &q = prepare(QStringLiteral("DELETE FROM uploads WHERE created_at < ?"));
    if (auto failure = run(q, {toMs(before)}))
        return *failure;
    return int(q.rowsChanged());
}

Stored<Done> SqliteStore::addParticipant(qint64 conversationId, const QString &address)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO participants (conversation_id, address, joined) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING"));
    if (auto failure = run(q, {conversationId, address.toLower(), toMs(now())}))
        return *failure;
    return Done{};
}

Stored<QStringList> SqliteStore::participants(qint64 conversationId)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT address FROM participants WHERE conversation_id = ? ORDER BY joined, address"));
    if (auto failure = run(q, {conversationId}))
        return *failure;
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace Tandem::Server
