// SPDX-License-Identifier: GPL-3.0-or-later
// The token bucket behind every rate limit, on a clock the test moves.
#include "hub/buckettable.h"
#include "hub/ratelimiter.h"

#include <QTest>

using Tandem::Server::BucketTable;
using Tandem::Server::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A full table makes room a quarter at a time: refilled buckets first, then the oldest;
    // the newest keys keep what they owe.
    void aFullTableMakesRoomOldestFirst()
    {
        qint64 now = 0;
        BucketTable table([&] { return RateLimiter(1, 1, [&] { return now; }); }, 8);
        for (int i = 0; i < 8; ++i)
            QVERIFY(table.bucket(QByteArray::number(i)).take()); // each owes its one token
        QCOMPARE(table.size(), 8);
        QVERIFY(table.bucket("new").take());
        QCOMPARE(table.size(), 7); // six kept, and the new one
        QVERIFY(!table.find("0") && !table.find("1"));
        QVERIFY(table.find("2") && table.find("7") && table.find("new"));
        QVERIFY(!table.find("7")->take()); // still owing: not forgotten
        table.bucket("x");
        QCOMPARE(table.size(), 8); // below the limit nothing is evicted
        // Buckets that refilled owe nothing: they go first, whatever their age.
        now += 60 * 1000;
        QVERIFY(table.find("2")->isFull());
        table.bucket("last");
        QCOMPARE(table.size(), 1);
        QVERIFY(table.find("last"));
    }

    void burstThenRefill()
    {
        qint64 now = 1000;
        RateLimiter limiter(5, 10, [&] { return now; }); // ten at once, then five a minute
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take());
        QVERIFY(!limiter.take());
        QCOMPARE(limiter.retryAfterMs(), 12000);
        now += 11999;
        QVERIFY(!limiter.take());
        now += 1;
        QVERIFY(limiter.take());
        QVERIFY(!limiter.isFull());
    }

    // Asking when to come back must itself see the time that passed: a bucket nobody took
    // from since it emptied is full again by now.
    void retryAfterSeesTheTimeThatPassed()
    {
        qint64 now = 0;
        RateLimiter limiter(5, 10, [&] { return now; });
        while (limiter.take()) {
        }
        QVERIFY(limiter.retryAfterMs() > 0);
        now += 150000;
        QCOMPARE(limiter.retryAfterMs(), 0);
        QVERIFY(limiter.isFull());
    }

    void givenBackTokensDoNotOverfill()
    {
        qint64 now = 0;
        RateLimiter limiter(60, 3, [&] { return now; });
        QVERIFY(limiter.take());
        limiter.giveBack();
        limiter.giveBack();
        QVERIFY(limiter.isFull());
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.take());
        QVERIFY(!limiter.take());
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
