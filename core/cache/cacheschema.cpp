// SPDX-License-Identifier: GPL-3.0-or-later
#include "cacheschema.h"

#include "platform/sqlitemigrator.h"

namespace Tandem::CacheSchema {

const QList<QStringList> &steps()
{
    static const QList<QStringList> all{
        // 1: what the server sent, the outbox, drafts and the own read markers.
        {
            // Key/value so that a later version can keep more resume state without a step.
            QStringLiteral("CREATE TABLE meta ("
                           " key TEXT PRIMARY KEY,"
                           " value INTEGER NOT NULL) WITHOUT ROWID"),
            // The summary columns are kept up to date by the writer so that the
            // conversation list is one indexed scan, not an aggregate over messages.
            QStringLiteral("CREATE TABLE conversations ("
                           " id INTEGER PRIMARY KEY,"
                           " customer_id INTEGER NOT NULL,"
                           " customer_name TEXT NOT NULL,"
                           " customer_email TEXT NOT NULL DEFAULT '',"
                           " channel TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL,"
                           " last_message_id INTEGER NOT NULL DEFAULT 0,"
                           " last_text TEXT NOT NULL DEFAULT '',"
                           " last_author_kind TEXT NOT NULL DEFAULT 'customer',"
                           " unread INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX conversations_activity"
                           " ON conversations(updated_at DESC, id DESC)"),
            // client_id holds the UUID's 16 bytes: half the index of its text form, and no
            // text conversion per message. No foreign key to conversations: a snapshot
            // replaces the conversation list but the messages stay (they are still true, and
            // readable offline).
            QStringLiteral("CREATE TABLE messages ("
                           " id INTEGER PRIMARY KEY,"
                           " conversation_id INTEGER NOT NULL,"
                           " client_id BLOB NOT NULL UNIQUE,"
                           " author_kind TEXT NOT NULL,"
                           " author_id INTEGER NOT NULL,"
                           " author_name TEXT NOT NULL DEFAULT '',"
                           " text TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL)"),
            // author_kind too, so that counting unread customer messages reads the index only.
            QStringLiteral("CREATE INDEX messages_conversation"
                           " ON messages(conversation_id, id, author_kind)"),
            // External content: the text is stored once, in messages; the writer adds each
            // new message's row here in the same transaction.
            QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5("
                           "text, content='messages', content_rowid='id',"
                           " tokenize='unicode61 remove_diacritics 2')"),
            QStringLiteral("CREATE TABLE agents ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " role TEXT NOT NULL,"
                           " presence TEXT NOT NULL)"),
            // The rowid keeps the order replies were written in, which is the order to send.
            QStringLiteral("CREATE TABLE outbox ("
                           " id INTEGER PRIMARY KEY,"
                           " client_id BLOB NOT NULL UNIQUE,"
                           " conversation_id INTEGER NOT NULL,"
                           " text TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE drafts ("
                           " conversation_id INTEGER PRIMARY KEY,"
                           " text TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE read_markers ("
                           " conversation_id INTEGER PRIMARY KEY,"
                           " up_to INTEGER NOT NULL)"),
        },
        // 2: live chat — routing state per conversation, the team's capacity and the
        // canned responses (docs/protocol.md, "Live chat and routing"). Times are ms since
        // the epoch, 0 until they happened; assignee_id 0 means nobody has the chat.
        {
            QStringLiteral("ALTER TABLE conversations ADD COLUMN mode TEXT NOT NULL"
                           " DEFAULT 'async'"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN live_state TEXT NOT NULL"
                           " DEFAULT ''"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN assignee_id INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN assignee_name TEXT NOT NULL"
                           " DEFAULT ''"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN priority INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN queued_at INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN assigned_at INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN ended_at INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN rating_score INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN rating_comment TEXT NOT NULL"
                           " DEFAULT ''"),
            // The newest transfer: who handed the chat to whom, with the note the agent who
            // gets it reads in the chat's pane (it is stale once someone else has the chat).
            QStringLiteral("ALTER TABLE conversations ADD COLUMN transfer_from TEXT NOT NULL"
                           " DEFAULT ''"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN transfer_to INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN transfer_note TEXT NOT NULL"
                           " DEFAULT ''"),
            // When the newest message was written (updated_at also moves for other changes):
            // how long a customer has waited for an answer.
            QStringLiteral("ALTER TABLE conversations ADD COLUMN last_message_at INTEGER"
                           " NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE conversations SET last_message_at = COALESCE((SELECT"
                           " created_at FROM messages m WHERE m.id = last_message_id), 0)"),
            // The deck's question, "my active chats", without a scan of every conversation.
            QStringLiteral("CREATE INDEX conversations_live ON conversations(assignee_id,"
                           " assigned_at) WHERE live_state = 'active'"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN capacity INTEGER NOT NULL DEFAULT 4"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN auto_accept INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("CREATE TABLE canned ("
                           " id INTEGER PRIMARY KEY,"
                           " shortcut TEXT NOT NULL,"
                           " text TEXT NOT NULL,"
                           " updated_at INTEGER NOT NULL)"),
        },
        // How far each reply got through its channel (DeliveryState's value; -1: not known),
        // and why a failed one did not go.
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN delivery INTEGER NOT NULL"
                           " DEFAULT -1"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN delivery_error TEXT NOT NULL"
                           " DEFAULT ''"),
        },
        // 4: the async inbox — inboxes and teams, statuses and snoozes, and the messages only
        // staff see (notes, the timeline), which neither count as unread nor stand as a
        // conversation's last message. A note waiting in the outbox says so.
        {
            QStringLiteral("ALTER TABLE conversations ADD COLUMN inbox_id INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN woke_because TEXT NOT NULL"
                           " DEFAULT ''"),
            QStringLiteral("UPDATE conversations SET status = 'resolved' WHERE status = 'closed'"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL"
                           " DEFAULT 'message'"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN detail TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("DROP INDEX messages_conversation"),
            QStringLiteral("CREATE INDEX messages_conversation"
                           " ON messages(conversation_id, id, author_kind, kind)"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN note INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE agents ADD COLUMN async_capacity INTEGER NOT NULL"
                           " DEFAULT 20"),
            QStringLiteral("CREATE TABLE teams ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " members TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE inboxes ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " channel TEXT NOT NULL,"
                           " team_id INTEGER NOT NULL)"),
        },
        // 5: labels (docs/protocol.md, "Labels and priority"); a conversation's are a JSON
        // array of ids, ascending, as the server sends them. And mentions: the newest note
        // that names the signed-in agent (unread while past their read marker). And merging:
        // where a conversation went, and which messages came from which conversation.
        {
            QStringLiteral("ALTER TABLE conversations ADD COLUMN merged_into INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN merged_from INTEGER NOT NULL"
                           " DEFAULT 0"),
            // A customer's conversations, for merging and their panel.
            QStringLiteral("CREATE INDEX conversations_customer ON conversations(customer_id)"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN mentioned INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("CREATE TABLE labels ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL,"
                           " colour TEXT NOT NULL)"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN labels TEXT NOT NULL"
                           " DEFAULT '[]'"),
        },
        // 6: what an agent did to conversations while offline (a status, an assignee, a
        // label, a priority): requests sent in order once the connection is back.
        {
            QStringLiteral("CREATE TABLE pending_actions ("
                           " id INTEGER PRIMARY KEY,"
                           " conversation_id INTEGER NOT NULL,"
                           " type TEXT NOT NULL,"
                           " fields TEXT NOT NULL,"
                           " created_at INTEGER NOT NULL)"),
        },
        // 7: search as you type over a long cache. The index keeps entries for the first 2,
        // 3 and 4 characters of every word (a prefix search reads them like a word, newest
        // first, instead of gathering every completion's matches); the vocabulary lists
        // the words, to look up a longer last word's completions. Re-indexed from the
        // messages: about 20 s for a million.
        {
            QStringLiteral("DROP TABLE messages_fts"),
            QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5("
                           "text, content='messages', content_rowid='id',"
                           " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"),
            QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"),
            QStringLiteral("CREATE VIRTUAL TABLE messages_vocab USING fts5vocab(messages_fts,"
                           " 'row')"),
        },
        // 8: each conversation's summary counts its changes waiting to be sent.
        {
            QStringLiteral("CREATE INDEX pending_actions_conversation"
                           " ON pending_actions(conversation_id)"),
        },
        // 9: a team's business hours, as the calendar's JSON (NULL: open around the clock).
        // The teams cached so far came without theirs: the next connection starts afresh.
        {
            QStringLiteral("ALTER TABLE teams ADD COLUMN calendar TEXT"),
            QStringLiteral("DELETE FROM meta WHERE key = 'last_seq'"),
        },
        // 10: SLA policies and clocks, and the promises made to customers: a team's policy
        // and a conversation's SLA record as their JSON (NULL: none), and when staff first
        // replied, what was promised and when it was answered (0: not yet). What is cached
        // came without them: the next connection starts afresh.
        {
            QStringLiteral("ALTER TABLE teams ADD COLUMN sla TEXT"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN sla TEXT"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN first_reply_at INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN promised_by INTEGER NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN promise_answered_at INTEGER NOT"
                           " NULL DEFAULT 0"),
            QStringLiteral("DELETE FROM meta WHERE key = 'last_seq'"),
        },
        // 11: email — a reply waiting in the outbox keeps whom it copies (comma-separated
        // addresses; empty: the thread's own people), and an email inbox its address and
        // signature.
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN cc TEXT NOT NULL DEFAULT ''"),
            // An email inbox's address and signature, for the composer.
            QStringLiteral("ALTER TABLE inboxes ADD COLUMN address TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE inboxes ADD COLUMN signature TEXT NOT NULL DEFAULT ''"),
        },
        // 12: an email waiting in the outbox keeps its files (copied beside the cache) and,
        // when it starts a conversation, where it goes and its subject (JSON; empty: none).
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN email TEXT NOT NULL DEFAULT ''"),
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
    return SqliteMigrator(steps(), QStringLiteral("Tandem")).migrate(db, targetVersion);
}

} // namespace Tandem::CacheSchema
