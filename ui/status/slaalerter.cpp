// SPDX-License-Identifier: GPL-3.0-or-later
#include "slaalerter.h"

#include "deck/livenotifier.h"
#include "models/conversationlistmodel.h"
#include "shell/agentsession.h"

namespace Tandem {

SlaAlerter::SlaAlerter(AgentSession &session, const ConversationListModel &list,
                       LiveNotifier &notifier, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_list(list)
    , m_notifier(notifier)
{
}

void SlaAlerter::check()
{
    const Agent me = m_session.sync().agent();
    if (!m_list.isComplete() || me.id == 0)
        return;
    const bool supervises = me.role != Role::Agent;
    const QList<ConversationListModel::SlaAlert> alerts = m_list.slaAlerts(supervises ? 0 : me.id);
    QSet<qint64> atRisk, breached;
    QStringList newlyAtRisk, newlyBreached;
    for (const auto &alert : alerts) {
        atRisk.insert(alert.id);
        if (alert.breached) {
            breached.insert(alert.id);
            if (!m_breached.contains(alert.id))
                newlyBreached << alert.customerName;
        } else if (!m_atRisk.contains(alert.id)) {
            newlyAtRisk << alert.customerName;
        }
    }
    m_atRisk = atRisk;
    m_breached = breached;
    const auto names = [](const QStringList &all) {
        return all.size() <= 3 ? all.join(QStringLiteral(", "))
                               : tr("%1 and %2 more")
                                     .arg(all.mid(0, 3).join(QStringLiteral(", ")))
                                     .arg(all.size() - 3);
    };
    if (!newlyBreached.isEmpty())
        m_notifier.notify(newlyBreached.size() == 1 ? tr("SLA breached")
                                                    : tr("SLA breached in %n conversations",
                                                         nullptr, int(newlyBreached.size())),
                          tr("%1 — see SLA at risk in the inbox.").arg(names(newlyBreached)));
    else if (!newlyAtRisk.isEmpty())
        m_notifier.notify(
            newlyAtRisk.size() == 1
                ? tr("SLA at risk")
                : tr("SLA at risk in %n conversations", nullptr, int(newlyAtRisk.size())),
            tr("%1 — answer soon; see SLA at risk in the inbox.").arg(names(newlyAtRisk)));
}

} // namespace Tandem
