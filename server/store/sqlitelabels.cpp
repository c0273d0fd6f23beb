// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStore: what staff do to organise conversations — labels, and merging.
#include "sqlitestore.h"

#include "sqlitestatement.h"

namespace Tandem::Server {

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
