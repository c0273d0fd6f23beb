// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqliteschema.h"

#include "platform/sqlitemigrator.h"

namespace Tandem::Server::SqliteSchema {

const QList<QStringList> &steps()
{
    static const QList<QStringList> all{
        // 1: staff accounts, their sessions, and the event log.
        {
            QStringLiteral("CREATE TABLE agents ("
                           " id INTEGER PRIMARY KEY,"
                           " email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                           " name TEXT NOT NULL,"
                           " role TEXT NOT NULL,"
                           " password_hash TEXT NOT NULL,"
                           " presence TEXT NOT NULL DEFAULT 'offline',"
                           " disabled INTEGER NOT NULL DEFAULT 0,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE sessions ("
                           " token_hash BLOB PRIMARY KEY,"
                           " agent_id INTEGER NOT NULL REFERENCES agents(id),"
                           " created_at INTEGER NOT NULL,"
                           " expires_at INTEGER NOT NULL,"
                           " revoked INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX sessions_agent ON sessions(agent_id)"),
            QStringLiteral("CREATE TABLE events ("
                           " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " kind TEXT NOT NULL,"
                           " conversation_id INTEGER,"
                           " customer_id INTEGER,"
                           " staff_only INTEGER NOT NULL DEFAULT 0,"
                           " data TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL)"),
        },
        // 2: customers, their conversations and messages.
        {
            QStringLiteral("CREATE TABLE customers ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " email TEXT NOT NULL DEFAULT '',"
                           " token_hash BLOB NOT NULL UNIQUE,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE conversations ("
                           " id INTEGER PRIMARY KEY,"
                           " customer_id INTEGER NOT NULL REFERENCES customers(id),"
                           " channel TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX conversations_customer ON conversations(customer_id)"),
            QStringLiteral(
                "CREATE INDEX conversations_status ON conversations(status, updated_at)"),
            QStringLiteral("CREATE TABLE messages ("
                           " id INTEGER PRIMARY KEY,"
                           " conversation_id INTEGER NOT NULL REFERENCES conversations(id),"
                           " client_id TEXT NOT NULL UNIQUE,"
                           " author_kind TEXT NOT NULL,"
                           " author_id INTEGER NOT NULL,"
                           " text TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX messages_conversation ON messages(conversation_id, id)"),
            QStringLiteral("CREATE INDEX events_customer ON events(customer_id, seq)"),
        },
        // 3: read markers.
        {
            QStringLiteral("CREATE TABLE read_markers ("
                           " conversation_id INTEGER NOT NULL REFERENCES conversations(id),"
                           " reader_kind TEXT NOT NULL,"
                           " reader_id INTEGER NOT NULL,"
                           " up_to INTEGER NOT NULL,"
                           " PRIMARY KEY (conversation_id, reader_kind, reader_id)) WITHOUT ROWID"),
        },
        // 4: live chat — routing state of conversations, agents' capacity, canned replies.
        {
            QStringLiteral(
                "ALTER TABLE conversations ADD COLUMN mode TEXT NOT NULL DEFAULT 'async'"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN live_state TEXT"),
            QStringLiteral(
                "ALTER TABLE conversations ADD COLUMN assignee_id INTEGER REFERENCES agents(id)"),
            QStringLiteral(
                "ALTER TABLE conversations ADD COLUMN priority INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN queued_at INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN assigned_at INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN ended_at INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN rating_score INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN rating_comment TEXT"),
            QStringLiteral("CREATE INDEX conversations_live ON conversations(live_state)"
                           " WHERE live_state IN ('queued', 'active')"),
            QStringLiteral("CREATE INDEX conversations_ended ON conversations(ended_at)"
                           " WHERE ended_at IS NOT NULL"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN capacity INTEGER NOT NULL DEFAULT 4"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN auto_accept INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE TABLE canned_responses ("
                           " id INTEGER PRIMARY KEY,"
                           " shortcut TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                           " text TEXT NOT NULL,"
                           " updated_at INTEGER NOT NULL)"),
        },
        // 5: durable timers (server/scheduling).
        {
            QStringLiteral("CREATE TABLE jobs ("
                           " kind TEXT NOT NULL,"
                           " key TEXT NOT NULL,"
                           " due_at INTEGER NOT NULL,"
                           " payload TEXT NOT NULL DEFAULT '{}',"
                           " PRIMARY KEY (kind, key)) WITHOUT ROWID"),
        },
        // 6: channels — who a customer is on each channel, inbound messages by their
        // external id (each taken once), and replies waiting to go out.
        {
            QStringLiteral("CREATE TABLE customer_identities ("
                           " channel TEXT NOT NULL,"
                           " address TEXT NOT NULL,"
                           " customer_id INTEGER NOT NULL REFERENCES customers(id),"
                           " PRIMARY KEY (channel, address)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX customer_identities_customer"
                           " ON customer_identities(customer_id, channel)"),
            QStringLiteral("CREATE TABLE inbound_messages ("
                           " channel TEXT NOT NULL,"
                           " external_id TEXT NOT NULL,"
                           " message_id INTEGER NOT NULL REFERENCES messages(id),"
                           " PRIMARY KEY (channel, external_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE outbound ("
                           " message_id INTEGER PRIMARY KEY REFERENCES messages(id),"
                           " channel TEXT NOT NULL,"
                           " address TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " next_attempt_at INTEGER NOT NULL,"
                           " last_error TEXT NOT NULL DEFAULT '',"
                           " external_id TEXT NOT NULL DEFAULT '',"
                           " updated_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX outbound_due ON outbound(next_attempt_at)"
                           " WHERE state = 'queued'"),
        },
        // 7: the web widget as a channel — its customers get an address on it (what they
        // write is already kept once by its clientId), and agents' replies in its
        // conversations have a delivery state: `read` where the customer's read marker
        // passed them, else `sent` (they went out on the customer's connection or wait in
        // their history).
        {
            QStringLiteral("INSERT INTO customer_identities (channel, address, customer_id)"
                           " SELECT 'web', lower(hex(randomblob(16))), c.id FROM customers c"
                           " WHERE NOT EXISTS (SELECT 1 FROM customer_identities i"
                           " WHERE i.customer_id = c.id)"),
            QStringLiteral(
                "INSERT OR IGNORE INTO outbound (message_id, channel, address, state, attempts,"
                " next_attempt_at, last_error, external_id, updated_at)"
                " SELECT m.id, 'web', i.address,"
                " CASE WHEN r.up_to >= m.id THEN 'read' ELSE 'sent' END, 1, m.created_at, '',"
                " m.client_id, m.created_at FROM messages m"
                " JOIN conversations cv ON cv.id = m.conversation_id"
                " JOIN customer_identities i ON i.customer_id = cv.customer_id"
                " AND i.channel = 'web'"
                " LEFT JOIN read_markers r ON r.conversation_id = cv.id"
                " AND r.reader_kind = 'customer' AND r.reader_id = cv.customer_id"
                " WHERE cv.channel = 'web' AND m.author_kind <> 'customer'"),
        },
        // 8: a channel's reports (delivered, read) find their reply by the channel's id.
        {
            QStringLiteral("CREATE INDEX outbound_external ON outbound(channel, external_id)"),
        },
        // 9: inboxes and teams. What came before lands in a first team that every agent is
        // in and a first inbox it owns, so nobody loses sight of anything on upgrade.
        // Events say whose inbox and assignee they concern, so a reader's replay is limited
        // to what they may see.
        {
            QStringLiteral("CREATE TABLE teams ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE team_members ("
                           " team_id INTEGER NOT NULL REFERENCES teams(id),"
                           " agent_id INTEGER NOT NULL REFERENCES agents(id),"
                           " PRIMARY KEY (team_id, agent_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX team_members_agent ON team_members(agent_id)"),
            QStringLiteral("CREATE TABLE inboxes ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " channel TEXT NOT NULL,"
                           " team_id INTEGER REFERENCES teams(id),"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO teams (id, name, created_at)"
                           " VALUES (1, 'Support', CAST((julianday('now') - 2440587.5) * 86400000 "
                           "AS INTEGER))"),
            QStringLiteral("INSERT INTO inboxes (id, name, channel, team_id, created_at)"
                           " VALUES (1, 'Website', 'web', 1,"
                           " CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"),
            QStringLiteral("INSERT INTO team_members (team_id, agent_id) SELECT 1, id FROM agents"),
            QStringLiteral(
                "ALTER TABLE conversations ADD COLUMN inbox_id INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("CREATE INDEX conversations_inbox ON conversations(inbox_id)"),
            QStringLiteral("ALTER TABLE events ADD COLUMN inbox_id INTEGER"),
            QStringLiteral("ALTER TABLE events ADD COLUMN assignee_id INTEGER"),
            QStringLiteral("ALTER TABLE events ADD COLUMN prior_assignee_id INTEGER"),
            QStringLiteral("UPDATE events SET inbox_id = 1 WHERE conversation_id IS NOT NULL"),
        },
        // 10: statuses (open, pending, snoozed, resolved; an ended live chat is resolved),
        // snoozes, and staff-only messages: private notes and the thread's timeline.
        {
            QStringLiteral("UPDATE conversations SET status = 'resolved' WHERE status = 'closed'"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN woke_because TEXT"),
            QStringLiteral("CREATE INDEX conversations_unresolved ON conversations(updated_at, id)"
                           " WHERE status <> 'resolved'"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'message'"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN detail TEXT"),
        },
        // 11: assignment of async conversations — each agent's capacity for them, and their
        // load counted from what is assigned to them.
        {
            QStringLiteral(
                "ALTER TABLE agents ADD COLUMN async_capacity INTEGER NOT NULL DEFAULT 20"),
            QStringLiteral("CREATE INDEX conversations_assignee ON conversations(assignee_id,"
                           " status) WHERE assignee_id IS NOT NULL"),
            QStringLiteral("CREATE INDEX conversations_waiting ON conversations(created_at, id)"
                           " WHERE assignee_id IS NULL AND status = 'open'"),
        },
        // 12: labels, and priority as five named levels (none, low, medium, high, urgent).
        {
            QStringLiteral("CREATE TABLE labels ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                           " colour TEXT NOT NULL)"),
            QStringLiteral(
                "ALTER TABLE conversations ADD COLUMN labels TEXT NOT NULL DEFAULT '[]'"),
            QStringLiteral("UPDATE conversations SET priority = 4 WHERE priority > 4"),
        },
        // 13: merging — where a conversation went, the status to give back on an undo, and
        // which messages came from which conversation.
        {
            QStringLiteral("ALTER TABLE conversations ADD COLUMN merged_into INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN merged_at INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN status_before_merge TEXT"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN merged_from INTEGER"),
        },
        // 14: search over what customers and staff wrote (not the timeline), as the desktop's
        // cache indexes it: words, and the first 2, 3 and 4 characters of each; the
        // vocabulary completes a longer last word (docs/protocol.md, "search"). Messages are
        // indexed in batches after they are written (search_progress: up to which id), so a
        // send does not pay for the index; a search first indexes what is left.
        {
            QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5("
                           "text, content='messages', content_rowid='id',"
                           " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"),
            QStringLiteral("CREATE VIRTUAL TABLE messages_vocab USING fts5vocab(messages_fts,"
                           " 'row')"),
            QStringLiteral("CREATE TABLE search_progress (up_to INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO search_progress (up_to) VALUES (0)"),
        },
        // 15: a team's business hours, as the calendar's JSON (docs/protocol.md, "Business
        // hours"); NULL: open around the clock.
        {
            QStringLiteral("ALTER TABLE teams ADD COLUMN calendar TEXT"),
        },
        // 16: the promises made to customers and whether they were kept: when staff first
        // replied, the reply time last promised, and when staff answered after it.
        {
            QStringLiteral("ALTER TABLE conversations ADD COLUMN first_reply_at INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN promised_by INTEGER"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN promise_answered_at INTEGER"),
            QStringLiteral(
                "CREATE INDEX conversations_first_reply ON conversations (first_reply_at)"
                " WHERE first_reply_at IS NOT NULL"),
        },
        // 17: service level agreements: each team's policy, and what each conversation's
        // clocks are worked out from (both JSON, as on the wire; NULL: none).
        {
            QStringLiteral("ALTER TABLE teams ADD COLUMN sla TEXT"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN sla TEXT"),
        },
        // 18: counting who waits for a first reply, for the reply time promised out of
        // hours, without reading every conversation.
        {
            QStringLiteral("CREATE INDEX conversations_awaiting_first_reply ON conversations"
                           " (inbox_id) WHERE first_reply_at IS NULL AND status != 'resolved'"),
        },
        // 19: conversations already pending, snoozed or resolved before SLA records existed
        // are paused since their last change, so a reopening does not count the time away.
        {
            QStringLiteral("UPDATE conversations SET sla = json_object('pausedSince',"
                           " strftime('%Y-%m-%dT%H:%M:%fZ', updated_at / 1000.0, 'unixepoch'))"
                           " WHERE sla IS NULL AND status != 'open'"),
        },
        // 20: email — each email inbox's mailbox (settings, sealed passwords, how far it was
        // read), the files that came with messages, and the people of a conversation (an
        // email's sender and those copied in).
        {
            QStringLiteral("CREATE TABLE mailboxes ("
                           " inbox_id INTEGER PRIMARY KEY REFERENCES inboxes(id),"
                           " settings TEXT NOT NULL,"
                           " imap_password TEXT NOT NULL,"
                           " smtp_password TEXT NOT NULL,"
                           " configured_at INTEGER NOT NULL,"
                           " uid_validity INTEGER NOT NULL DEFAULT 0,"
                           " last_uid INTEGER NOT NULL DEFAULT 0,"
                           " last_error TEXT NOT NULL DEFAULT '',"
                           " last_error_at INTEGER,"
                           " last_mail_at INTEGER,"
                           " last_lag_ms INTEGER)"),
            QStringLiteral("CREATE TABLE attachments ("
                           " message_id INTEGER NOT NULL REFERENCES messages(id),"
                           " idx INTEGER NOT NULL,"
                           " file_name TEXT NOT NULL,"
                           " content_type TEXT NOT NULL,"
                           " content_id TEXT NOT NULL,"
                           " inline INTEGER NOT NULL,"
                           " size INTEGER NOT NULL,"
                           " kept INTEGER NOT NULL,"
                           " data BLOB)"),
            QStringLiteral("CREATE UNIQUE INDEX attachments_of_message ON attachments"
                           " (message_id, idx)"),
            QStringLiteral("CREATE TABLE participants ("
                           " conversation_id INTEGER NOT NULL REFERENCES conversations(id),"
                           " address TEXT NOT NULL,"
                           " joined INTEGER NOT NULL,"
                           " PRIMARY KEY (conversation_id, address)) WITHOUT ROWID"),
        },
        // 21: files agents upload before the message that carries them (an email's
        // attachments), by the id the agent's app chose, so an upload sent twice is one.
        {
            QStringLiteral("CREATE TABLE uploads ("
                           " id BLOB PRIMARY KEY,"
                           " agent_id INTEGER NOT NULL REFERENCES agents(id),"
                           " file_name TEXT NOT NULL,"
                           " content_type TEXT NOT NULL,"
                           " size INTEGER NOT NULL,"
                           " data BLOB NOT NULL,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX uploads_of_agent ON uploads (agent_id)"),
            QStringLiteral("CREATE INDEX uploads_by_age ON uploads (created_at)"),
        },
        // 22: what went to one address, for the cap on automatic replies to it; and an upload a
        // message took stays (without its bytes) as that message's, so sending it again
        // under its id is known for the retry it is.
        {
            QStringLiteral("CREATE INDEX outbound_to ON outbound (channel, address COLLATE NOCASE,"
                           " updated_at)"),
            QStringLiteral("ALTER TABLE uploads ADD COLUMN taken_by INTEGER"),
        },
    };
    return all;
}

int latestVersion()
{
    return int(steps().size());
}

Result<Done> migrate(QSqlDatabase &db, int targetVersion)
{
    return SqliteMigrator(steps(), QStringLiteral("tandemd")).migrate(db, targetVersion);
}

} // namespace Tandem::Server::SqliteSchema
