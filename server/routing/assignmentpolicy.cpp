// SPDX-License-Identifier: GPL-3.0-or-later
#include "assignmentpolicy.h"

#include "capacityledger.h"

#include <algorithm>

namespace Tandem::Server {

AssignmentPolicy::Choice AssignmentPolicy::choose(const CapacityLedger &ledger,
                                                  const QSet<qint64> &passed,
                                                  const QSet<qint64> &heldOff,
                                                  const MayTake &mayTake)
{
    using Entry = CapacityLedger::Entry;
    QList<const Entry *> candidates;
    for (const Entry *entry : ledger.entries()) {
        if (ledger.available(*entry) && !heldOff.contains(entry->agent.id)
            && (!mayTake || mayTake(entry->agent.id)))
            candidates.append(entry);
    }
    if (candidates.isEmpty())
        return {};
    Choice choice;
    QList<const Entry *> fresh;
    for (const Entry *entry : std::as_const(candidates)) {
        if (!passed.contains(entry->agent.id))
            fresh.append(entry);
    }
    if (fresh.isEmpty()) {
        // Everyone who could take it has let it pass: start the round again.
        choice.roundRestarted = true;
        fresh = candidates;
    }
    const auto better = [](const Entry *a, const Entry *b) {
        // Longest since their last unit (never had one: longest of all), then least loaded.
        if (a->lastAssigned != b->lastAssigned) {
            if (!a->lastAssigned.isValid())
                return true;
            if (!b->lastAssigned.isValid())
                return false;
            return a->lastAssigned < b->lastAssigned;
        }
        if (a->load() != b->load())
            return a->load() < b->load();
        return a->agent.id < b->agent.id;
    };
    choice.agentId = (*std::min_element(fresh.cbegin(), fresh.cend(), better))->agent.id;
    return choice;
}

} // namespace Tandem::Server
