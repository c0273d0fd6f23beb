// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace Tandem::Server {

class Storage;

//! Keeps the search index up with the messages (docs/protocol.md, "search"): once a second,
//! on the storage thread, it indexes what was written since, in batches, so that sending a
//! message never waits for the index and a search has little left to index first.
class SearchIndexer : public QObject
{
    Q_OBJECT
public:
    //! Messages indexed in one transaction at most.
    static constexpr int Batch = 5000;

    explicit SearchIndexer(Storage &storage, QObject *parent = nullptr);

private:
    void index();

    Storage &m_storage;
    QTimer m_timer;
    bool m_running = false;
};

} // namespace Tandem::Server
