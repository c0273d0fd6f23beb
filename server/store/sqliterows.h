// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store.h"

#include "sqlitestatement.h"
#include <QString>
#include <QVariant>

//! How the SQLite back end's rows map to domain values, and the column lists they come
//! from (one place, so a SELECT and its mapping cannot drift apart).
namespace Tandem::Server::SqliteRows {

qint64 toMs(const QDateTime &t);
QDateTime fromMs(const QVariant &v);
QVariant optionalMs(const QDateTime &t);
QDateTime optionalTime(const QVariant &v);
//! A conversation's SLA record column (NULL: empty); an unreadable one is reported and read
//! as empty.
SlaRecord slaRecordFrom(const QVariant &column, qint64 conversationId);
QVariant slaRecordColumn(const SlaRecord &record);
//! Qt binds a null QString as SQL NULL; the schema wants empty text instead.
QString text(const QString &s);
QString kindName(const Party &p);
//! `?, ?, …` for an `IN (…)` of these ids, which it appends to `binds`.
QString placeholders(const QList<qint64> &ids, QVariantList &binds);

extern const QString messageColumns;
extern const QString conversationColumns;
extern const QString agentColumns;
//! A subquery of the inboxes an agent sees through their teams (one `?`: the agent's id).
extern const QString agentInboxes;

//! Every row the query has left, mapped.
template<typename T> QList<T> rows(SqliteStatement &q, T (*map)(const SqliteStatement &))
{
    QList<T> list;
    while (q.next())
        list.append(map(q));
    return list;
}

Message messageFrom(const SqliteStatement &q);
Conversation conversationFrom(const SqliteStatement &q);
AgentRecord agentFrom(const SqliteStatement &q);

} // namespace Tandem::Server::SqliteRows
