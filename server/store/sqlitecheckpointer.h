// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAtomicInteger>
#include <QObject>
#include <QString>
#include <QThread>

struct sqlite3;

namespace Tandem::Server {

//! Copies the write-ahead log back into the database file on a thread and connection of its
//! own. Left to SQLite, the commit that crosses the log's limit does it, and every request
//! in that commit waits; the storage thread spent a tenth of its time there.
//!
//! The writer's connection reports each commit's log size (watch()); every `pagesWanted`
//! pages a passive checkpoint is started here, which blocks neither the writer nor readers.
//! At `pagesAtMost` the writer checkpoints what is left itself, which lets the log start
//! over: it cannot grow without bound.
class SqliteCheckpointer : public QObject
{
    Q_OBJECT
public:
    // Pages changed again and again (a conversation, the newest of an index) are copied once
    // per checkpoint: fewer, larger checkpoints copy less. The log holds at most 64 MB (of
    // 4 KB pages).
    static constexpr int pagesWanted = 4000;
    static constexpr int pagesAtMost = 16000;

    explicit SqliteCheckpointer(QString path);
    ~SqliteCheckpointer() override;

    //! Takes over checkpointing for `writer` (a connection to the same file).
    bool watch(sqlite3 *writer);
    //! Checkpoints that ran here so far (tests).
    int checkpoints() const { return m_done.loadAcquire(); }

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int pages);
    void checkpoint();

    QString m_path;
    QThread m_thread;
    QObject *m_worker = nullptr;
    sqlite3 *m_db = nullptr;    // used on m_thread only
    int m_lastPages = 0;        // the writer's: the log's size after its last commit
    int m_nextAt = pagesWanted; // the writer's: the size at which to ask for the next one
    QAtomicInteger<int> m_pending = 0;
    QAtomicInteger<int> m_done = 0;
};

} // namespace Tandem::Server
