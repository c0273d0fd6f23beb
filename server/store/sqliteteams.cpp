// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStore: teams, their members, and the inboxes they own.
#include "sqliterows.h"
#include "sqlitestore.h"

#include "calendar/calendarjson.h"
#include "logging/logging.h"
#include "sla/slapolicyjson.h"
#include "sqlitestatement.h"

#include <QJsonDocument>
#include <algorithm>

namespace Tandem::Server {

using namespace SqliteRows;

namespace {

Inbox inboxFrom(const SqliteStatement &q)
{
    return Inbox{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                 q.value(3).toLongLong(), q.value(4).toString(), q.value(5).toString()};
}

// An email inbox's address and signature come from its mailbox's settings.
const QString inboxColumns = QStringLiteral(
    "SELECT id, name, channel, team_id, COALESCE(json_extract(settings, '$.address'), ''),"
    " COALESCE(json_extract(settings, '$.signature'), '') FROM inboxes"
    " LEFT JOIN mailboxes ON mailboxes.inbox_id = inboxes.id ");

//! A calendar column: NULL for none. What this store wrote always reads back; anything else
//! is reported and read as none rather than failing every read of the teams.
std::optional<BusinessCalendar> calendarFrom(const QVariant &column, qint64 teamId)
{
    if (column.isNull())
        return std::nullopt;
    const auto decoded =
        CalendarJson::decode(QJsonDocument::fromJson(column.toByteArray()).object());
    if (!decoded) {
        qCWarning(lcStore) << "team" << teamId << "has an unreadable calendar ("
                           << decoded.failure().message
                           << "); it is open around the clock until one is saved";
        return std::nullopt;
    }
    return decoded.value();
}

QVariant calendarColumn(const std::optional<BusinessCalendar> &calendar)
{
    if (!calendar)
        return QVariant();
    return QString::fromUtf8(
        QJsonDocument(CalendarJson::encode(*calendar)).toJson(QJsonDocument::Compact));
}

//! An SLA column, likewise: NULL for none, anything unreadable reported and read as none.
std::optional<SlaPolicy> slaFrom(const QVariant &column, qint64 teamId)
{
    if (column.isNull())
        return std::nullopt;
    const auto decoded =
        SlaPolicyJson::decode(QJsonDocument::fromJson(column.toByteArray()).object());
    if (!decoded) {
        qCWarning(lcStore) << "team" << teamId << "has an unreadable SLA policy ("
                           << decoded.failure().message
                           << "); it has no targets until one is saved";
        return std::nullopt;
    }
    return decoded.value();
}

QVariant slaColumn(const std::optional<SlaPolicy> &sla)
{
    if (!sla)
        return QVariant();
    return QString::fromUtf8(
        QJsonDocument(SlaPolicyJson::encode(*sla)).toJson(QJsonDocument::Compact));
}

} // namespace

Stored<QList<Team>> SqliteStore::teams()
{
    SqliteStatement &q = prepare(
        QStringLiteral("SELECT t.id, t.name, m.agent_id, t.calendar, t.sla FROM teams t"
                       " LEFT JOIN team_members m ON m.team_id = t.id ORDER BY t.id, m.agent_id"));
    if (auto failure = run(q))
        return *failure;
    QList<Team> list;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (list.isEmpty() || list.last().id != id)
            list.append(Team{id,
                             q.value(1).toString(),
                             {},
                             calendarFrom(q.value(3), id),
                             slaFrom(q.value(4), id)});
        if (!q.value(2).isNull())
            list.last().members.append(q.value(2).toLongLong());
    }
    return list;
}

Stored<Team> SqliteStore::saveTeam(const Team &team)
{
    Team saved = team;
    std::sort(saved.members.begin(), saved.members.end());
    saved.members.erase(std::unique(saved.members.begin(), saved.members.end()),
                        saved.members.end());
    if (team.id == 0) {
        SqliteStatement &q = prepare(QStringLiteral(
            "INSERT INTO teams (name, calendar, sla, created_at) VALUES (?, ?, ?, ?)"));
        if (auto failure = run(
                q, {team.name, calendarColumn(team.calendar), slaColumn(team.sla), toMs(now())}))
            return *failure;
        saved.id = q.lastInsertId();
    } else {
        const Stored<Done> renamed =
            changedOne(prepare(QStringLiteral(
                           "UPDATE teams SET name = ?, calendar = ?, sla = ? WHERE id = ?")),
                       {team.name, calendarColumn(team.calendar), slaColumn(team.sla), team.id},
                       "no such team");
        if (!renamed)
            return renamed.failure();
        SqliteStatement &clear =
            prepare(QStringLiteral("DELETE FROM team_members WHERE team_id = ?"));
        if (auto failure = run(clear, {team.id}))
            return *failure;
    }
    SqliteStatement &add =
        prepare(QStringLiteral("INSERT INTO team_members (team_id, agent_id) VALUES (?, ?)"));
    for (qint64 agentId : std::as_const(saved.members)) {
        if (auto failure = run(add, {saved.id, agentId}))
            return *failure;
    }
    return saved;
}

Stored<QList<Inbox>> SqliteStore::inboxes()
{
    SqliteStatement &q = prepare(inboxColumns + QStringLiteral("ORDER BY id"));
    if (auto failure = run(q))
        return *failure;
    return rows(q, inboxFrom);
}

Stored<Inbox> SqliteStore::inbox(qint64 id)
{
    SqliteStatement &q = prepare(inboxColumns + QStringLiteral("WHERE id = ?"));
    if (auto failure = run(q, {id}))
        return *failure;
    if (!q.next())
        return StoreFailure{StoreError::NotFound, QStringLiteral("no such inbox")};
    return inboxFrom(q);
}

Stored<std::optional<BusinessCalendar>> SqliteStore::calendarOfInbox(qint64 inboxId)
{
    SqliteStatement &q = prepare(QStringLiteral(
        "SELECT t.id, t.calendar FROM inboxes i JOIN teams t ON t.id = i.team_id WHERE i.id = ?"));
    if (auto failure = run(q, {inboxId}))
        return *failure;
    if (!q.next())
        return std::optional<BusinessCalendar>();
    return calendarFrom(q.value(1), q.value(0).toLongLong());
}

Stored<Inbox> SqliteStore::saveInbox(const Inbox &inbox)
{
    const QVariant team = inbox.teamId ? QVariant(inbox.teamId) : QVariant();
    Inbox saved = inbox;
    if (inbox.id == 0) {
        SqliteStatement &q = prepare(QStringLiteral(
            "INSERT INTO inboxes (name, channel, team_id, created_at) VALUES (?, ?, ?, ?)"));
        if (auto failure = run(q, {inbox.name, inbox.channel, team, toMs(now())}))
            return *failure;
        saved.id = q.lastInsertId();
        return saved;
    }
    const Stored<Done> updated =
        changedOne(prepare(QStringLiteral("UPDATE inboxes SET name = ?, team_id = ? WHERE id = ?")),
                   {inbox.name, team, inbox.id}, "no such inbox");
    if (!updated)
        return updated.failure();
    return this->inbox(inbox.id);
}

Stored<QSet<qint64>> SqliteStore::inboxesOf(qint64 agentId)
{
    SqliteStatement &q = prepare(agentInboxes);
    if (auto failure = run(q, {agentId}))
        return *failure;
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

} // namespace Tandem::Server
