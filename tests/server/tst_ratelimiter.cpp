// SPDX-License-Identifier: GPL-3.0-or-later
// The token bucket behind every rate limit, on a clock the test moves.
#include "hub/ratelimiter.h"

#include <QTest>

using Tandem::Server::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
