// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitecheckpointer.h"

#include "logging/logging.h"

#include <sqlite3.h>

namespace Tandem::Server {

SqliteCheckpointer::SqliteCheckpointer(QString path)
    : m_path(std::move(path))
{
    m_thread.setObjectName(QStringLiteral("tandem-checkpoint"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

SqliteCheckpointer::~SqliteCheckpointer()
{
    // Whatever was asked for runs first; the connection closes on the thread that used it.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            sqlite3_close_v2(m_db);
            m_db = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool SqliteCheckpointer::watch(sqlite3 *writer)
{
    bool opened = false;
    QMetaObject::invokeMethod(
        m_worker,
        [this, &opened] {
            opened = sqlite3_open_v2(m_path.toUtf8().constData(), &m_db,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
                     == SQLITE_OK;
            // Until it has read something, a connection does not know the file is in WAL
            // mode, and a checkpoint through it does nothing.
            opened = opened
                     && sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr,
                                     nullptr)
                            == SQLITE_OK;
            if (opened)
                sqlite3_busy_timeout(m_db, 5000);
        },
        Qt::BlockingQueuedConnection);
    if (!opened) {
        qCWarning(lcStore) << "no checkpoint connection; the writer checkpoints itself";
        return false;
    }
    sqlite3_wal_autocheckpoint(writer, 0); // replaces the hook SQLite's own checkpoints use
    sqlite3_wal_hook(writer, &SqliteCheckpointer::onCommit, this);
    return true;
}

int SqliteCheckpointer::onCommit(void *self, sqlite3 *db, const char *schema, int pages)
{
    // On the writer's thread, after each of its commits.
    auto *checkpointer = static_cast<SqliteCheckpointer *>(self);
    if (pages < checkpointer->m_lastPages) // the log started over
        checkpointer->m_nextAt = pagesWanted;
    checkpointer->m_lastPages = pages;
    if (pages >= pagesAtMost) {
        // The log starts over only once all of it was copied back when the writer begins,
        // which under steady writing rarely happens by itself. Most of it was copied over
        // there already: the rest is quick.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return SQLITE_OK;
    }
    if (pages >= checkpointer->m_nextAt && checkpointer->m_pending.testAndSetOrdered(0, 1)) {
        checkpointer->m_nextAt = pages + pagesWanted;
        QMetaObject::invokeMethod(
            checkpointer->m_worker, [checkpointer] { checkpointer->checkpoint(); },
            Qt::QueuedConnection);
    }
    return SQLITE_OK;
}

void SqliteCheckpointer::checkpoint()
{
    if (m_db) {
        int logged = 0, copied = 0;
        const int code =
            sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logged, &copied);
        if (code == SQLITE_OK)
            m_done.fetchAndAddOrdered(1);
        else if (code != SQLITE_BUSY)
            qCWarning(lcStore) << "checkpoint failed:" << sqlite3_errmsg(m_db);
    }
    m_pending.storeRelease(0);
}

} // namespace Tandem::Server
