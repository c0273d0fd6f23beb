// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler on a manual clock over a real SQLite store: order, replacement,
// cancellation, and durable timers surviving a restart.
#include "../support/freshfiles.h"
#include "platform/clock.h"
#include "scheduling/scheduler.h"
#include "store/sqlitestore.h"
#include "store/storage.h"

#include <QTest>
#include <memory>

using namespace Tandem;
using namespace Tandem::Server;

namespace {

const QString Kind = QStringLiteral("reminder");
constexpr qint64 Start = 1'800'000'000'000; // a fixed moment, far from any real clock

//! A server's worth of scheduling: a store on disk, its storage thread, a scheduler.
struct Rig {
    std::unique_ptr<Storage> storage;
    std::unique_ptr<Scheduler> scheduler;
    QStringList ran; // keys, in the order their jobs ran

    Rig(const QString &path, const Clock &clock)
    {
        auto store = std::make_unique<SqliteStore>(path);
        store->setClock(clock);
        storage = std::make_unique<Storage>(std::move(store));
        scheduler = std::make_unique<Scheduler>(*storage, clock);
    }
    bool start()
    {
        if (!storage->open())
            return false;
        bool ready = false;
        scheduler->start([&ready] { ready = true; });
        return QTest::qWaitFor([&] { return ready; }, 10000);
    }
    void handle(const QString &kind = Kind)
    {
        scheduler->setHandler(kind, [this](const Scheduler::Job &job) { ran.append(job.key); });
    }
    //! Every write queued so far has reached the disk.
    bool settle()
    {
        bool done = false;
        storage->run(
            scheduler.get(), [](Store &) { return Result<Done>(Done{}); },
            [&done](const Result<Done> &) { done = true; });
        return QTest::qWaitFor([&] { return done; }, 10000);
    }
    //! Lets queued calls (a handler set just now) run, with no time passing.
    void turn() { QCoreApplication::processEvents(); }
};

Scheduler::Job job(const QString &key, qint64 dueMs, QJsonObject payload = {})
{
    return {Kind, key, Clock::fromMs(dueMs), std::move(payload)};
}

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT
    Testing::FreshFiles m_files{QStringLiteral("s")};
    QString freshPath() { return m_files.next(); }

private Q_SLOTS:
    void runsDueJobsInOrderWhenTheClockMoves()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.start());
        rig.handle();
        rig.scheduler->schedule(job(QStringLiteral("c"), Start + 3000));
        rig.scheduler->schedule(job(QStringLiteral("a"), Start + 1000));
        rig.scheduler->schedule(job(QStringLiteral("b1"), Start + 2000));
        rig.scheduler->schedule(job(QStringLiteral("b2"), Start + 2000)); // same time: in order
        rig.turn();
        QCOMPARE(rig.scheduler->runDue(), 0); // nothing is due before time moves
        QVERIFY(rig.ran.isEmpty());

        clock.advance(999);
        QCOMPARE(rig.scheduler->runDue(), 0); // one millisecond early is early
        clock.advance(1);
        QCOMPARE(rig.scheduler->runDue(), 1);
        QCOMPARE(rig.ran, QStringList{QStringLiteral("a")});
        clock.advance(5000);
        QCOMPARE(rig.scheduler->runDue(), 3);
        QCOMPARE(rig.ran, (QStringList{QStringLiteral("a"), QStringLiteral("b1"),
                                       QStringLiteral("b2"), QStringLiteral("c")}));
        QCOMPARE(rig.scheduler->pending(), 0);
    }

    void replacingAndCancelling()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.start());
        rig.handle();
        rig.scheduler->schedule(job(QStringLiteral("x"), Start + 1000, {{QStringLiteral("n"), 1}}));
        rig.scheduler->schedule(
            job(QStringLiteral("x"), Start + 5000, {{QStringLiteral("n"), 2}})); // later now
        rig.scheduler->schedule(job(QStringLiteral("y"), Start + 1000));
        rig.scheduler->cancel(Kind, QStringLiteral("y"));
        rig.scheduler->cancel(Kind, QStringLiteral("never scheduled")); // harmless
        QCOMPARE(rig.scheduler->pending(), 1);
        QCOMPARE(rig.scheduler->find(Kind, QStringLiteral("x"))
                     ->payload.value(QLatin1String("n"))
                     .toInt(),
                 2);

        clock.advance(4999);
        QCOMPARE(rig.scheduler->runDue(), 0);
        clock.advance(1);
        QCOMPARE(rig.scheduler->runDue(), 1);
        QCOMPARE(rig.ran, QStringList{QStringLiteral("x")});
    }

    void jobsWaitForTheirHandler()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.start());
        rig.scheduler->schedule(job(QStringLiteral("early"), Start + 10));
        clock.advance(100);
        QCOMPARE(rig.scheduler->runDue(), 0); // nobody runs reminders yet: kept, not dropped
        QCOMPARE(rig.scheduler->pending(), 1);
        rig.handle();
        QVERIFY(QTest::qWaitFor([&] { return !rig.ran.isEmpty(); }, 5000));
        QCOMPARE(rig.ran, QStringList{QStringLiteral("early")});
    }

    void aHandlerMayScheduleTheNextRun()
    {
        ManualClock clock(Start);
        Rig rig(freshPath(), clock);
        QVERIFY(rig.start());
        int runs = 0;
        rig.scheduler->setHandler(Kind, [&](const Scheduler::Job &j) {
            if (++runs < 3)
                rig.scheduler->schedule(job(j.key, j.due.toMSecsSinceEpoch() + 1000));
        });
        rig.turn();
        rig.scheduler->schedule(job(QStringLiteral("tick"), Start + 1000));
        clock.advance(10'000); // all three runs were due by now: one call runs them all
        QCOMPARE(rig.scheduler->runDue(), 3);
        QCOMPARE(runs, 3);
        QCOMPARE(rig.scheduler->pending(), 0);
    }

    void durableJobsSurviveARestartAndInMemoryOnesDoNot()
    {
        const QString path = freshPath();
        ManualClock clock(Start);
        {
            Rig rig(path, clock);
            QVERIFY(rig.start());
            rig.scheduler->schedule(
                job(QStringLiteral("kept"), Start + 60'000, {{QStringLiteral("agent"), 7}}));
            rig.scheduler->schedule(job(QStringLiteral("overdue"), Start + 1000));
            rig.scheduler->schedule(job(QStringLiteral("cancelled"), Start + 1000));
            rig.scheduler->cancel(Kind, QStringLiteral("cancelled"));
            rig.scheduler->schedule(job(QStringLiteral("memory"), Start + 1000),
                                    Scheduler::Keep::InMemory);
            rig.scheduler->schedule(job(QStringLiteral("moved"), Start + 1000));
            rig.scheduler->schedule(job(QStringLiteral("moved"), Start + 30'000));
            QVERIFY(rig.settle());
        } // the server stops

        clock.advance(5000); // it was down for five seconds
        Rig rig(path, clock);
        QVERIFY(rig.start());
        QCOMPARE(rig.scheduler->pending(), 3);
        QCOMPARE(rig.scheduler->find(Kind, QStringLiteral("kept"))
                     ->payload.value(QLatin1String("agent"))
                     .toInt(),
                 7);
        QVERIFY(!rig.scheduler->find(Kind, QStringLiteral("memory")));
        QVERIFY(!rig.scheduler->find(Kind, QStringLiteral("cancelled")));
        rig.handle();
        // What came due while it was down runs at once; the rest when their time comes.
        QVERIFY(QTest::qWaitFor([&] { return !rig.ran.isEmpty(); }, 5000));
        QCOMPARE(rig.ran, QStringList{QStringLiteral("overdue")});
        clock.advance(25'000);
        QCOMPARE(rig.scheduler->runDue(), 1);
        clock.advance(30'000);
        QCOMPARE(rig.scheduler->runDue(), 1);
        QCOMPARE(rig.ran, (QStringList{QStringLiteral("overdue"), QStringLiteral("moved"),
                                       QStringLiteral("kept")}));
        // And a job that ran is gone from the disk too.
        QVERIFY(rig.settle());
        Rig again(path, clock);
        rig.storage.reset(); // one writer at a time
        QVERIFY(again.start());
        QCOMPARE(again.scheduler->pending(), 0);
    }

    void aCancelOrAMoveToMemoryBeforeOrAfterLoadingSticks()
    {
        const QString path = freshPath();
        ManualClock clock(Start);
        {
            Rig rig(path, clock);
            QVERIFY(rig.start());
            rig.scheduler->schedule(job(QStringLiteral("cancelled early"), Start + 1000));
            rig.scheduler->schedule(job(QStringLiteral("to memory"), Start + 1000));
            // The same key again, now in memory only: the stored one must not come back.
            rig.scheduler->schedule(job(QStringLiteral("to memory"), Start + 2000),
                                    Scheduler::Keep::InMemory);
            rig.scheduler->schedule(job(QStringLiteral("to memory early"), Start + 1000));
            QVERIFY(rig.settle());
        }
        {
            // Cancelled, or moved to memory, before the stored jobs are read: neither stored
            // row may come back with them, now or after the next restart.
            Rig rig(path, clock);
            QVERIFY(rig.storage->open());
            bool ready = false;
            rig.scheduler->start([&ready] { ready = true; });
            rig.scheduler->cancel(Kind, QStringLiteral("cancelled early"));
            rig.scheduler->schedule(job(QStringLiteral("to memory early"), Start + 3000),
                                    Scheduler::Keep::InMemory);
            QVERIFY(QTest::qWaitFor([&] { return ready; }, 10000));
            QVERIFY(!rig.scheduler->find(Kind, QStringLiteral("cancelled early")));
            QVERIFY(!rig.scheduler->find(Kind, QStringLiteral("to memory")));
            const auto moved = rig.scheduler->find(Kind, QStringLiteral("to memory early"));
            QVERIFY(moved);
            QCOMPARE(moved->due, Clock::fromMs(Start + 3000)); // the one in memory, not the row
            QVERIFY(rig.settle());
        }
        Rig rig(path, clock);
        QVERIFY(rig.start());
        QCOMPARE(rig.scheduler->pending(), 0); // and gone from the disk
    }

    void onTheSystemClockAJobRunsWhenDue()
    {
        Rig rig(freshPath(), Clock::system());
        QVERIFY(rig.start());
        rig.handle();
        const qint64 now = Clock::system().nowMs();
        rig.scheduler->schedule(job(QStringLiteral("soon"), now + 50));
        QVERIFY(QTest::qWaitFor([&] { return !rig.ran.isEmpty(); }, 5000));
        QVERIFY(Clock::system().nowMs() >= now + 50);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
