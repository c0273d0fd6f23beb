// SPDX-License-Identifier: GPL-3.0-or-later
// The parts routing is made of, on their own: the capacity ledger (who may take work, how
// much room there is) and the assignment policy (who is given the next unit), fed bad and
// edge input: capacity 0, agents going offline while holding work, disabled and unknown
// agents, ties, the round restarting, counts that must not go below zero.
#include "routing/assignmentpolicy.h"
#include "routing/capacityledger.h"

#include <QTest>

using namespace Tandem;
using namespace Tandem::Server;

namespace {

const QDateTime Epoch = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);

QDateTime at(int minutes)
{
    return Epoch.addSecs(minutes * 60);
}

Agent agent(qint64 id, int capacity = 4, Presence presence = Presence::Online)
{
    Agent a;
    a.id = id;
    a.name = QStringLiteral("agent %1").arg(id);
    a.presence = presence;
    a.capacity = capacity;
    return a;
}

//! Adds the agent to the ledger with one live connection.
void online(CapacityLedger &ledger, const Agent &a)
{
    ledger.setAgent(a);
    ledger.addConnection(a.id);
}

//! Who the policy picks; 0 for nobody.
qint64 chosen(const CapacityLedger &ledger, const QSet<qint64> &passed = {})
{
    return AssignmentPolicy::choose(ledger, passed).agentId.value_or(0);
}

} // namespace

class TestRoutingParts : public QObject
{
    Q_OBJECT

private slots:
    // --- the ledger ---

    void unknownAgentIsNeverEligibleAndNothingIsAdded()
    {
        CapacityLedger ledger;
        QVERIFY(!ledger.contains(7));
        QVERIFY(!ledger.find(7));
        QVERIFY(!ledger.eligible(7));
        QVERIFY(!ledger.available(7));
        QCOMPARE(ledger.addConnection(7), 0);
        QCOMPARE(ledger.dropConnection(7), 0);
        ledger.release(7);
        ledger.unreserve(7);
        QVERIFY(!ledger.reserve(7));
        ledger.setLastAssigned(7, at(1));
        QVERIFY(!ledger.contains(7));
        QVERIFY(ledger.entries().isEmpty());
        QCOMPARE(ledger.room().capacity, 0);
        QCOMPARE(ledger.room().freeSlots, 0);
    }

    void holdingForAnUnknownAgentAddsThemOffline()
    {
        // A chat committed to an agent the ledger has not heard of yet is still counted, and
        // the count survives their record arriving.
        CapacityLedger ledger;
        ledger.hold(9, at(5));
        const CapacityLedger::Entry *entry = ledger.find(9);
        QVERIFY(entry);
        QCOMPARE(entry->agent.id, 9);
        QCOMPARE(entry->held, 1);
        QCOMPARE(entry->lastAssigned, at(5));
        QVERIFY(!ledger.eligible(9)); // offline until their record says otherwise
        QCOMPARE(ledger.room().capacity, 0);

        online(ledger, agent(9, 2));
        QCOMPARE(ledger.find(9)->held, 1);
        QVERIFY(ledger.available(9));
        QCOMPARE(ledger.room().freeSlots, 1);
        QCOMPARE(ledger.room().capacity, 2);
    }

    void eligibilityNeedsOnlineConnectedAndEnabled()
    {
        CapacityLedger ledger;
        ledger.setAgent(agent(1));
        QVERIFY(!ledger.eligible(1)); // online but no connection
        QCOMPARE(ledger.addConnection(1), 1);
        QVERIFY(ledger.eligible(1));
        QVERIFY(ledger.available(1));

        for (Presence p : {Presence::Busy, Presence::Away, Presence::Offline}) {
            ledger.setAgent(agent(1, 4, p));
            QVERIFY2(!ledger.eligible(1), qPrintable(presenceName(p)));
            QVERIFY(!ledger.available(1));
        }
        ledger.setAgent(agent(1));
        QVERIFY(ledger.eligible(1)); // a new record keeps the connection count

        Agent disabled = agent(1);
        disabled.disabled = true;
        ledger.setAgent(disabled);
        QVERIFY(!ledger.eligible(1));
        QVERIFY(!ledger.available(1));
        QCOMPARE(ledger.room().capacity, 0);
    }

    void capacityZeroIsEligibleButNeverAvailable()
    {
        CapacityLedger ledger;
        online(ledger, agent(1, 0));
        QVERIFY(ledger.eligible(1));
        QVERIFY(!ledger.available(1));
        QCOMPARE(ledger.room().capacity, 0);
        QCOMPARE(ledger.room().freeSlots, 0);
        QVERIFY(!chosen(ledger));
    }

    void reservationsCountAgainstCapacity()
    {
        CapacityLedger ledger;
        online(ledger, agent(1, 2));
        QVERIFY(ledger.reserve(1));
        QVERIFY(ledger.available(1));
        ledger.hold(1, at(1));
        QVERIFY(!ledger.available(1));
        QCOMPARE(ledger.find(1)->load(), 2);
        QCOMPARE(ledger.room().freeSlots, 0);
        QCOMPARE(ledger.room().capacity, 2);
        ledger.unreserve(1);
        QVERIFY(ledger.available(1));
        QCOMPARE(ledger.room().freeSlots, 1);
    }

    void goingOfflineWhileHoldingWork()
    {
        CapacityLedger ledger;
        online(ledger, agent(1, 3));
        online(ledger, agent(2, 3));
        ledger.hold(1, at(1));
        ledger.hold(1, at(2));
        QCOMPARE(ledger.room().freeSlots, 4);
        QCOMPARE(ledger.room().capacity, 6);

        // The last connection drops: the work stays theirs, the room is no longer theirs.
        QCOMPARE(ledger.dropConnection(1), 0);
        QCOMPARE(ledger.find(1)->held, 2);
        QVERIFY(!ledger.eligible(1));
        QCOMPARE(ledger.room().freeSlots, 3);
        QCOMPARE(ledger.room().capacity, 3);
        QCOMPARE(chosen(ledger), 2);

        // Back again: the same two held, one slot free.
        QCOMPARE(ledger.addConnection(1), 1);
        QCOMPARE(ledger.room().freeSlots, 4);

        // Going offline by presence while connected is the same.
        ledger.setAgent(agent(1, 3, Presence::Offline));
        QCOMPARE(ledger.find(1)->held, 2);
        QCOMPARE(ledger.room().capacity, 3);
    }

    void heldBeyondCapacityLeavesNoNegativeRoom()
    {
        // A supervisor lowers the capacity of an agent who holds more than the new figure.
        CapacityLedger ledger;
        online(ledger, agent(1, 4));
        online(ledger, agent(2, 2));
        for (int i = 0; i < 4; ++i)
            ledger.hold(1, at(i));
        ledger.setAgent(agent(1, 1));
        QVERIFY(!ledger.available(1));
        QCOMPARE(ledger.room().freeSlots, 2); // agent 2's, none taken away by agent 1
        QCOMPARE(ledger.room().capacity, 3);
    }

    void countsNeverGoNegative()
    {
        CapacityLedger ledger;
        ledger.setAgent(agent(1, 1));
        ledger.release(1);
        ledger.unreserve(1);
        QCOMPARE(ledger.dropConnection(1), 0);
        QCOMPARE(ledger.dropConnection(1), 0);
        const CapacityLedger::Entry *entry = ledger.find(1);
        QCOMPARE(entry->held, 0);
        QCOMPARE(entry->reserved, 0);
        QCOMPARE(entry->connections, 0);

        // One connection after too many drops is one, not a debt paid off.
        QCOMPARE(ledger.addConnection(1), 1);
        QVERIFY(ledger.available(1));
        ledger.hold(1, {});
        ledger.release(1);
        ledger.release(1);
        QCOMPARE(ledger.find(1)->held, 0);
        QVERIFY(ledger.available(1));
    }

    void recordsKeepAKnownEmail()
    {
        CapacityLedger ledger;
        Agent a = agent(1);
        a.email = QStringLiteral("ana@example.org");
        ledger.setAgent(a);
        a.email.clear();
        a.name = QStringLiteral("Ana");
        ledger.setAgent(a);
        QCOMPARE(ledger.find(1)->agent.email, QStringLiteral("ana@example.org"));
        QCOMPARE(ledger.find(1)->agent.name, QStringLiteral("Ana"));
        a.email = QStringLiteral("ana@example.com");
        ledger.setAgent(a);
        QCOMPARE(ledger.find(1)->agent.email, QStringLiteral("ana@example.com"));
    }

    void lastAssignedOnlyMovesForward()
    {
        CapacityLedger ledger;
        ledger.setAgent(agent(1));
        ledger.hold(1, at(10));
        ledger.hold(1, at(5));
        QCOMPARE(ledger.find(1)->lastAssigned, at(10));
        ledger.hold(1, {});
        QCOMPARE(ledger.find(1)->lastAssigned, at(10));
        ledger.hold(1, at(11));
        QCOMPARE(ledger.find(1)->lastAssigned, at(11));
        QCOMPARE(ledger.find(1)->held, 4);
        // What the store recorded is taken as it is.
        ledger.setLastAssigned(1, at(3));
        QCOMPARE(ledger.find(1)->lastAssigned, at(3));
    }

    void capacityIsTheLedgersOwn()
    {
        // Another kind of work has its own figure per agent, whatever the live capacity is.
        CapacityLedger inbox([](const Agent &) { return 15; });
        online(inbox, agent(1, 0));
        online(inbox, agent(2, 4));
        QVERIFY(inbox.available(1));
        QCOMPARE(inbox.capacity(*inbox.find(2)), 15);
        QCOMPARE(inbox.room().capacity, 30);
        for (int i = 0; i < 15; ++i)
            inbox.hold(1, at(i));
        QVERIFY(!inbox.available(1));
        QCOMPARE(inbox.room().freeSlots, 15);

        CapacityLedger live(nullptr); // no function: the agent's own live capacity
        online(live, agent(1, 3));
        QCOMPARE(live.room().capacity, 3);
    }

    void entriesComeInIdOrder()
    {
        CapacityLedger ledger;
        for (qint64 id : {42, 3, 17, 8, 1})
            ledger.setAgent(agent(id));
        QList<qint64> ids;
        for (const CapacityLedger::Entry *entry : ledger.entries())
            ids.append(entry->agent.id);
        QCOMPARE(ids, (QList<qint64>{1, 3, 8, 17, 42}));
    }

    // --- the policy ---

    void nobodyAvailableChoosesNobody()
    {
        CapacityLedger ledger;
        AssignmentPolicy::Choice choice = AssignmentPolicy::choose(ledger, {});
        QVERIFY(!choice.agentId);
        QVERIFY(!choice.roundRestarted);

        ledger.setAgent(agent(1)); // not connected
        online(ledger, agent(2, 4, Presence::Busy));
        Agent disabled = agent(3);
        disabled.disabled = true;
        online(ledger, disabled);
        online(ledger, agent(4, 1));
        ledger.reserve(4); // full
        choice = AssignmentPolicy::choose(ledger, {1, 2, 3, 4});
        QVERIFY(!choice.agentId);
        QVERIFY(!choice.roundRestarted); // nobody to restart it with
    }

    void neverAssignedComesFirstThenLongestWaiting()
    {
        CapacityLedger ledger;
        online(ledger, agent(1));
        online(ledger, agent(2));
        online(ledger, agent(3));
        ledger.setLastAssigned(1, at(1));
        ledger.setLastAssigned(2, at(2));
        QCOMPARE(chosen(ledger), 3); // never given one, despite the highest id
        ledger.setLastAssigned(3, at(3));
        QCOMPARE(chosen(ledger), 1);
        ledger.setLastAssigned(1, at(4));
        QCOMPARE(chosen(ledger), 2);
    }

    void tiesGoToTheLeastLoadedThenTheLowerId()
    {
        CapacityLedger ledger;
        online(ledger, agent(5));
        online(ledger, agent(2));
        online(ledger, agent(9));
        QCOMPARE(chosen(ledger), 2); // all never assigned, all empty: lowest id

        ledger.reserve(2); // an open offer is load too
        QCOMPARE(chosen(ledger), 5);

        // Equal times of last assignment: the load decides, then the id.
        for (qint64 id : {2, 5, 9})
            ledger.setLastAssigned(id, at(7));
        ledger.hold(5, {});
        QCOMPARE(chosen(ledger), 9);
        ledger.hold(9, {});
        QCOMPARE(chosen(ledger), 2);
        ledger.unreserve(2);
        ledger.hold(2, {});
        QCOMPARE(chosen(ledger), 2); // 1 each: lowest id
    }

    void unavailableAgentsAreNeverChosen()
    {
        CapacityLedger ledger;
        online(ledger, agent(1, 0));                 // capacity 0
        online(ledger, agent(2, 4, Presence::Away)); // away
        ledger.setAgent(agent(3));                   // not connected
        Agent disabled = agent(4);
        disabled.disabled = true;
        online(ledger, disabled);
        online(ledger, agent(5, 1));
        ledger.hold(5, at(0)); // full
        online(ledger, agent(6));
        ledger.setLastAssigned(6, at(100)); // the only one left, recently served
        QCOMPARE(chosen(ledger), 6);
    }

    void agentsWhoPassedAreSkipped()
    {
        CapacityLedger ledger;
        online(ledger, agent(1));
        online(ledger, agent(2));
        online(ledger, agent(3));
        AssignmentPolicy::Choice choice = AssignmentPolicy::choose(ledger, {1});
        QCOMPARE(choice.agentId.value_or(0), 2);
        QVERIFY(!choice.roundRestarted);
        choice = AssignmentPolicy::choose(ledger, {1, 2});
        QCOMPARE(choice.agentId.value_or(0), 3);
        QVERIFY(!choice.roundRestarted);
        // Passed by someone who is gone, or whom the ledger never knew: no effect.
        choice = AssignmentPolicy::choose(ledger, {1, 2, 99});
        QCOMPARE(choice.agentId.value_or(0), 3);
        QVERIFY(!choice.roundRestarted);
    }

    void theRoundRestartsWhenEveryoneAvailablePassed()
    {
        CapacityLedger ledger;
        online(ledger, agent(1));
        online(ledger, agent(2));
        online(ledger, agent(3));
        ledger.setLastAssigned(1, at(3));
        ledger.setLastAssigned(2, at(1));
        ledger.setLastAssigned(3, at(2));
        AssignmentPolicy::Choice choice = AssignmentPolicy::choose(ledger, {1, 2, 3});
        QVERIFY(choice.roundRestarted);
        QCOMPARE(choice.agentId.value_or(0), 2); // the rule again, over everyone

        // Agent 3 went away: those who passed are all who are left.
        ledger.dropConnection(3);
        choice = AssignmentPolicy::choose(ledger, {1, 2});
        QVERIFY(choice.roundRestarted);
        QCOMPARE(choice.agentId.value_or(0), 2);

        // A newcomer who has not passed is asked first; no restart.
        online(ledger, agent(4));
        ledger.setLastAssigned(4, at(50));
        choice = AssignmentPolicy::choose(ledger, {1, 2});
        QVERIFY(!choice.roundRestarted);
        QCOMPARE(choice.agentId.value_or(0), 4);

        // Alone and passed: offered to them again.
        CapacityLedger alone;
        online(alone, agent(8));
        choice = AssignmentPolicy::choose(alone, {8});
        QVERIFY(choice.roundRestarted);
        QCOMPARE(choice.agentId.value_or(0), 8);
    }

    void anAgentHeldOffIsNeverChosenRoundOrNot()
    {
        CapacityLedger ledger;
        online(ledger, agent(1));
        online(ledger, agent(2));
        ledger.setLastAssigned(2, at(5)); // 1 has waited longest
        // Held off, 1 is passed over although the rule would pick them.
        AssignmentPolicy::Choice choice = AssignmentPolicy::choose(ledger, {}, {1});
        QCOMPARE(choice.agentId.value_or(0), 2);
        // Everyone passed: the round restarts, still without the one held off.
        choice = AssignmentPolicy::choose(ledger, {1, 2}, {1});
        QVERIFY(choice.roundRestarted);
        QCOMPARE(choice.agentId.value_or(0), 2);
        // Everyone available held off: nobody, and the round is not restarted for nothing.
        choice = AssignmentPolicy::choose(ledger, {1, 2}, {1, 2});
        QVERIFY(!choice.agentId);
        QVERIFY(!choice.roundRestarted);
    }
};

QTEST_GUILESS_MAIN(TestRoutingParts)
#include "tst_routingparts.moc"
