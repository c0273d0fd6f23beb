// SPDX-License-Identifier: GPL-3.0-or-later
#include "slapolicy.h"

namespace Tandem {

SlaTargets SlaPolicy::targetsFor(qint64 inboxId, int priority) const
{
    const SlaRule *best = nullptr;
    int bestScore = -1;
    for (const SlaRule &rule : rules) {
        if ((rule.inboxId && *rule.inboxId != inboxId)
            || (rule.priority && *rule.priority != priority))
            continue;
        const int score = (rule.inboxId ? 2 : 0) + (rule.priority ? 1 : 0);
        if (score > bestScore) {
            best = &rule;
            bestScore = score;
        }
    }
    return best ? best->targets : SlaTargets{};
}

} // namespace Tandem
