// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchindexer.h"

#include "logging/logging.h"
#include "store/storage.h"

namespace Tandem::Server {

SearchIndexer::SearchIndexer(Storage &storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
{
    connect(&m_timer, &QTimer::timeout, this, &SearchIndexer::index);
    m_timer.start(std::chrono::seconds(1));
}

void SearchIndexer::index()
{
    if (m_running)
        return;
    m_running = true;
    m_storage.run(
        this,
        [](Store &store) {
            return forClient(store.indexForSearch(Batch), QStringLiteral("indexing failed"));
        },
        [this](Result<int> indexed) {
            m_running = false;
            if (!indexed) {
                qCWarning(lcHub) << "search index:" << indexed.failure().message;
                return;
            }
            // A full batch: more are waiting, go on at once (after what else is queued).
            if (indexed.value() == Batch)
                QTimer::singleShot(0, this, &SearchIndexer::index);
        });
}

} // namespace Tandem::Server
