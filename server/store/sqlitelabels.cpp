// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStore: what staff keep about customers and their conversations — the customer
// panel, labels, and merging.
#include "sqlitestore.h"

#include "sqliterows.h"
#include "sqlitestatement.h"

namespace Tandem::Server {

Stored<Customer> SqliteStore::customer(qint64 id)
{
    SqliteStatement &q =
        prepare(QStringLiteral("SELECT id, name, email FROM customers WHERE id = ?"));
    if (auto failure = run(q, {id}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such customer")};
    return Customer{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
}

Stored<Done> SqliteStore::updateCustomer(const Customer &customer)
{
    return changedOne(
        prepare(QStringLiteral("UPDATE customers SET name = ?, email = ? WHERE id = ?")),
        {SqliteRows::text(customer.name), SqliteRows::text(customer.email), customer.id},
        "no such customer");
}

Stored<QList<std::pair<QString, QString>>> SqliteStore::identitiesOf(qint64 customerId)
{
    SqliteStatement &q = prepare(
        QStringLiteral("SELECT channel, address FROM customer_identities WHERE customer_id = ?"
                       " AND channel <> 'web' ORDER BY channel, address"));
    if (auto failure = run(q, {customerId}))
        return *failure;
    QList<std::pair<QString, QString>> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString()});
    return list;
}

Stored<QList<Conversation>> SqliteStore::conversationsOfCustomer(qint64 customerId, int limit)
{
    SqliteStatement &q =
        prepare(SqliteRows::conversationColumns
                + QStringLiteral("WHERE cv.customer_id = ? AND cv.merged_into IS NULL"
                                 " ORDER BY cv.updated_at DESC, cv.id DESC LIMIT ?"));
    if (auto failure = run(q, {customerId, limit}))
        return *failure;
    return SqliteRows::rows(q, SqliteRows::conversationFrom);
}

Stored<Done> SqliteStore::moveMessages(qint64 from, qint64 into)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "UPDATE messages SET conversation_id = ?, merged_from = ? WHERE conversation_id = ?"));
    if (auto failure = run(q, {into, from, from}))
        return *failure;
    return Done{};
}

Stored<Done> SqliteStore::returnMessages(qint64 from, qint64 into)
{
    SqliteStatement &q =
        prepare(QStringLiteral("UPDATE messages SET conversation_id = ?, merged_from = NULL"
                               " WHERE conversation_id = ? AND merged_from = ?"));
    if (auto failure = run(q, {from, into, from}))
        return *failure;
    return Done{};
}

Stored<QList<Label>> SqliteStore::labels()
{
    SqliteStatement &q =
        prepare(QStringLiteral("SELECT id, name, colour FROM labels ORDER BY name, id"));
    if (auto failure = run(q))
        return *failure;
    QList<Label> list;
    while (q.next())
        list.append(Label{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return list;
}

Stored<Label> SqliteStore::saveLabel(const Label &label)
{
    Label saved = label;
    if (label.id == 0) {
        SqliteStatement &q =
            prepare(QStringLiteral("INSERT INTO labels (name, colour) VALUES (?, ?)"));
        if (auto failure = run(q, {label.name, label.colour}))
            return *failure;
        saved.id = q.lastInsertId();
        return saved;
    }
    const Stored<Done> updated =
        changedOne(prepare(QStringLiteral("UPDATE labels SET name = ?, colour = ? WHERE id = ?")),
                   {label.name, label.colour, label.id}, "no such label");
    if (!updated)
        return updated.failure();
    return saved;
}

Stored<Done> SqliteStore::deleteLabel(qint64 id)
{
    const Stored<Done> deleted = changedOne(
        prepare(QStringLiteral("DELETE FROM labels WHERE id = ?")), {id}, "no such label");
    if (!deleted)
        return deleted;
    // Only conversations that have it are rewritten; their order of ids stays ascending.
    SqliteStatement &q = prepare(QStringLiteral(
        "UPDATE conversations SET labels = (SELECT json_group_array(value) FROM"
        " (SELECT value FROM json_each(conversations.labels) WHERE value <> ?1 ORDER BY value))"
        " WHERE EXISTS (SELECT 1 FROM json_each(conversations.labels) WHERE value = ?1)"));
    if (auto failure = run(q, {id}))
        return *failure;
    return Done{};
}

} // namespace Tandem::Server
