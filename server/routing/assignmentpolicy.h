// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <functional>
#include <optional>

namespace Tandem::Server {

class CapacityLedger;

//! Who is given the next unit of work (docs/protocol.md, "Routing rules"): among the
//! available agents who have not let it pass, the one who has waited longest since they were
//! last given one (never: longest of all), then the least loaded, then the lower id. When
//! every available agent has let it pass, the round starts again with all of them. An agent
//! held off (they declined it a moment ago) is never chosen, round or not, and neither is
//! one who may not take it at all (`mayTake`: not of the team its inbox belongs to).
class AssignmentPolicy
{
public:
    struct Choice {
        std::optional<qint64> agentId; // none: nobody available
        //! Everyone available had let it pass: the caller forgets who did.
        bool roundRestarted = false;
    };

    using MayTake = std::function<bool(qint64 agentId)>;
    static Choice choose(const CapacityLedger &ledger, const QSet<qint64> &passed,
                         const QSet<qint64> &heldOff = {}, const MayTake &mayTake = {});
};

} // namespace Tandem::Server
