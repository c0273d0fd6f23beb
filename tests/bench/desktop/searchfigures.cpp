// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchfigures.h"

#include "cache/localcache.h"
#include "search/searchresultsmodel.h"

#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <sqlite3.h>

namespace Tandem::Bench {
namespace {

// What agents look for: a common word and a phrase, an order number, a product, a name.
const char *const Searches[] = {"order delivered",   "refund", "4711", "kalomi", "Customer 42",
                                "damaged neighbour", "passw"};
constexpr int Rounds = 5;

struct Spread {
    double p50 = 0, p95 = 0, max = 0;
};

Spread spread(QList<double> ms)
{
    if (ms.isEmpty())
        return {};
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(q * ms.size())));
    };
    return {at(0.5), at(0.95), ms.last()};
}

double elapsedMs(const QElapsedTimer &clock)
{
    return clock.nsecsElapsed() / 1e6;
}

//! Raw sqlite3 reading the newest 50 rows of one whole word, the index's fastest question.
QList<double> rawWholeWord(const QString &path)
{
    sqlite3 *db = nullptr;
    QList<double> ms;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return ms;
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT m.id, m.conversation_id, m.text FROM messages m WHERE m.id IN"
                       " (SELECT rowid FROM messages_fts WHERE messages_fts MATCH '\"order\"'"
                       " ORDER BY rowid DESC LIMIT 50) ORDER BY m.id DESC",
                       -1, &s, nullptr);
    for (int i = 0; i < Rounds * 20; ++i) {
        QElapsedTimer clock;
        clock.start();
        while (sqlite3_step(s) == SQLITE_ROW) {
        }
        sqlite3_reset(s);
        ms.append(elapsedMs(clock));
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return ms;
}

} // namespace

void printSearchFigures(QTextStream &out, const QString &path)
{
    LocalCache cache;
    if (!cache.open(path))
        return;
    SearchResultsModel results(cache);
    QList<double> typing;
    QString slowest;
    double slowestMs = 0;
    int keystrokes = 0;
    for (int round = 0; round < Rounds; ++round) {
        for (const char *search : Searches) {
            const QString whole = QString::fromUtf8(search);
            for (int n = 1; n <= whole.size(); ++n) {
                QElapsedTimer clock;
                clock.start();
                results.search(whole.left(n));
                const double ms = elapsedMs(clock);
                typing.append(ms);
                if (ms > slowestMs) {
                    slowestMs = ms;
                    slowest = whole.left(n);
                }
                ++keystrokes;
            }
        }
    }
    const Spread t = spread(typing);
    const Spread raw = spread(rawWholeWord(path));
    out << "search as you type: " << keystrokes / Rounds << " keystrokes x " << Rounds
        << " rounds, p50 " << t.p50 << " ms, p95 " << t.p95 << " ms, slowest " << t.max << " ms (\""
        << slowest << "\"); raw sqlite3, newest 50 of one whole common word: p50 " << raw.p50
        << " ms, p95 " << raw.p95 << " ms\n";
    out.flush();
}

} // namespace Tandem::Bench
