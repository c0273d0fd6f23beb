// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>

namespace Tandem {

class AgentSession;
class ConversationListModel;
class LiveNotifier;

//! SLA warnings on the desktop: to the assignee for their conversations, and to supervisors
//! for every one. Clocks count business time only, so a warning comes while the team is
//! open; what ran out while the app was not running is summed up in one. Each conversation
//! is warned of once at risk and once breached.
class SlaAlerter : public QObject
{
    Q_OBJECT
public:
    SlaAlerter(AgentSession &session, const ConversationListModel &list, LiveNotifier &notifier,
               QObject *parent = nullptr);

    //! Looks at the clocks again (the list changed, or a clock moved).
    void check();

private:
    AgentSession &m_session;
    const ConversationListModel &m_list;
    LiveNotifier &m_notifier;
    QSet<qint64> m_atRisk;   //!< warned of as at risk
    QSet<qint64> m_breached; //!< warned of as breached
};

} // namespace Tandem
