// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStore: what channels keep (customer identities, inbound ids, the outbound queue).
#include "sqliterows.h"
#include "sqlitestore.h"

#include "sqlitestatement.h"

namespace Tandem::Server {

using namespace SqliteRows;

namespace {

const QString outboundColumns =
    QStringLiteral("SELECT message_id, channel, address, state, attempts, next_attempt_at,"
                   " last_error, external_id FROM outbound ");

OutboundRecord outboundFrom(const SqliteStatement &q)
{
    OutboundRecord r;
    r.messageId = q.value(0).toLongLong();
    r.channel = q.value(1).toString();
    r.address = q.value(2).toString();
    r.state = deliveryStateFromName(q.value(3).toString()).value_or(DeliveryState::Queued);
    r.attempts = q.value(4).toInt();
    r.nextAttemptAt = fromMs(q.value(5));
    r.lastError = q.value(6).toString();
    r.externalId = q.value(7).toString();
    return r;
}

} // namespace

Stored<Customer> SqliteStore::customerByIdentity(const QString &channel, const QString &address)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT c.id, c.name, c.email FROM customer_identities i"
        " JOIN customers c ON c.id = i.customer_id WHERE i.channel = ? AND i.address = ?"));
    if (auto failure = run(q, {channel, address}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no customer at that address")};
    return Customer{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

Stored<Done> SqliteStore::addIdentity(const QString &channel, const QString &address,
                                      qint64 customerId)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO customer_identities (channel, address, customer_id) VALUES (?, ?, ?)"));
    if (auto failure = run(q, {channel, address, customerId}))
        return *failure;
    return Done{};
}

Stored<QString> SqliteStore::addressOf(qint64 customerId, const QString &channel)
{
    SqliteStatement &q = prepare(QStringLiteral("SELECT address FROM customer_identities"
                                                " WHERE customer_id = ? AND channel = ? LIMIT 1"));
    if (auto failure = run(q, {customerId, channel}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("not known on that channel")};
    return q.value(0).toString();
}

Stored<qint64> SqliteStore::inboundMessage(const QString &channel, const QString &externalId)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT message_id FROM inbound_messages WHERE channel = ? AND external_id = ?"));
    if (auto failure = run(q, {channel, externalId}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("not seen before")};
    return q.value(0).toLongLong();
}

Stored<Done> SqliteStore::recordInbound(const QString &channel, const QString &externalId,
                                        qint64 messageId)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO inbound_messages (channel, external_id, message_id) VALUES (?, ?, ?)"));
    if (auto failure = run(q, {channel, externalId, messageId}))
        return *failure;
    return Done{};
}

Stored<Conversation> SqliteStore::openConversationIn(qint64 customerId, qint64 inboxId)
{
    SqliteStatement &q =
        prepare(conversationColumns
                + QStringLiteral("WHERE cv.customer_id = ? AND cv.inbox_id = ?"
                                 " AND cv.status <> 'resolved'"
                                 " ORDER BY cv.updated_at DESC, cv.id DESC LIMIT 1"));
    if (auto failure = run(q, {customerId, inboxId}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no open conversation there")};
    return conversationFrom(q);
}

Stored<Done> SqliteStore::queueOutbound(const OutboundRecord &r)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "INSERT INTO outbound (message_id, channel, address, state, attempts, next_attempt_at,"
        " last_error, external_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (auto failure =
            run(q, {r.messageId, r.channel, r.address, deliveryStateName(r.state), r.attempts,
                    toMs(r.nextAttemptAt), text(r.lastError), text(r.externalId), toMs(now())}))
        return *failure;
    return Done{};
}

Stored<Done> SqliteStore::updateOutbound(const OutboundRecord &r)
{
    return changedOne(prepare(QStringLiteral(
                          "UPDATE outbound SET state = ?, attempts = ?, next_attempt_at = ?,"
                          " last_error = ?, external_id = ?, updated_at = ? WHERE message_id = ?")),
                      {deliveryStateName(r.state), r.attempts, toMs(r.nextAttemptAt),
                       text(r.lastError), text(r.externalId), toMs(now()), r.messageId},
                      "that message was never queued");
}

Stored<OutboundRecord> SqliteStore::outbound(qint64 messageId)
{
    SqliteStatement &q = prepare(outboundColumns + QStringLiteral("WHERE message_id = ?"));
    if (auto failure = run(q, {messageId}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("never queued")};
    return outboundFrom(q);
}

Stored<OutboundRecord> SqliteStore::outboundByExternalId(const QString &channel,
                                                         const QString &externalId)
{
    SqliteStatement &q =
        prepare(outboundColumns + QStringLiteral("WHERE channel = ? AND external_id = ? LIMIT 1"));
    if (auto failure = run(q, {channel, externalId}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no reply with that id")};
    return outboundFrom(q);
}

Stored<QList<OutboundRecord>> SqliteStore::dueOutbound(const QDateTime &due, int limit)
{
    SqliteStatement &q = prepare(outboundColumns
                                 + QStringLiteral("WHERE state = 'queued' AND next_attempt_at <= ?"
                                                  " ORDER BY next_attempt_at, message_id LIMIT ?"));
    if (auto failure = run(q, {toMs(due), limit}))
        return *failure;
    return rows(q, outboundFrom);
}

Stored<QHash<qint64, OutboundRecord>> SqliteStore::outboundFor(const QList<qint64> &messageIds)
{
    QHash<qint64, OutboundRecord> records;
    if (messageIds.isEmpty())
        return records;
    QVariantList binds;
    SqliteStatement &q =
        prepare(outboundColumns
                + QStringLiteral("WHERE message_id IN (%1)").arg(placeholders(messageIds, binds)));
    if (auto failure = run(q, binds))
        return *failure;
    while (q.next()) {
        const OutboundRecord r = outboundFrom(q);
        records.insert(r.messageId, r);
    }
    return records;
}

Stored<QList<qint64>> SqliteStore::heldCustomers(const QString &channel)
{
    SqliteStatement &q = prepare(
        QStringLiteral("SELECT DISTINCT i.customer_id FROM outbound o JOIN customer_identities i"
                       " ON i.channel = o.channel AND i.address = o.address"
                       " WHERE o.state = 'queued' AND o.next_attempt_at >= ? AND o.channel = ?"));
    if (auto failure = run(q, {toMs(OutboundRecord::whenWoken()), channel}))
        return *failure;
    QList<qint64> customers;
    while (q.next())
        customers.append(q.value(0).toLongLong());
    return customers;
}

Stored<int> SqliteStore::automaticSentTo(const QString &channel, const QString &address,
                                         const QDateTime &since)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT count(*) FROM outbound o JOIN messages m ON m.id = o.message_id"
        " WHERE o.channel = ? AND o.address = ? COLLATE NOCASE AND o.updated_at >= ?"
        " AND o.state IN ('sent', 'delivered', 'read') AND m.author_kind = 'system'"));
    if (auto failure = run(q, {channel, address, toMs(since)}))
        return *failure;
    return q.next() ? q.value(0).toInt() : 0;
}

Stored<int> SqliteStore::wakeOutbound(const QString &channel, qint64 customerId,
                                      const QDateTime &due)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "UPDATE outbound SET next_attempt_at = ?, updated_at = ?"
        " WHERE state = 'queued' AND channel = ? AND next_attempt_at >= ? AND address IN"
        " (SELECT address FROM customer_identities WHERE channel = ? AND customer_id = ?)"));
    if (auto failure = run(q, {toMs(due), toMs(now()), channel, toMs(OutboundRecord::whenWoken()),
                               channel, customerId}))
        return *failure;
    return q.rowsChanged();
}

Stored<QList<OutboundRecord>> SqliteStore::outboundBefore(qint64 conversationId, qint64 after,
                                                          qint64 upTo, DeliveryState state,
                                                          int limit)
{
    // The states before `state`, in the order a reply goes through them.
    QStringList below;
    for (DeliveryState s : {DeliveryState::Queued, DeliveryState::Sent, DeliveryState::Delivered})
        if (s < state)
            below.append(QLatin1Char('\'') + deliveryStateName(s) + QLatin1Char('\''));
    if (below.isEmpty())
        return QList<OutboundRecord>{};
    SqliteStatement &q = prepare(outboundColumns
                                 + QStringLiteral("o JOIN messages m ON m.id = o.message_id"
                                                  " WHERE m.conversation_id = ? AND m.id > ?"
                                                  " AND m.id <= ? AND o.state IN (%1)"
                                                  " ORDER BY m.id DESC LIMIT ?")
                                       .arg(below.join(u',')));
    if (auto failure = run(q, {conversationId, after, upTo, limit}))
        return *failure;
    return rows(q, outboundFrom);
}

} // namespace Tandem::Server
