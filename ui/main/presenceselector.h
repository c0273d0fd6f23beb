// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/presence.h"

#include <QComboBox>

namespace Tandem {

class AgentPresenceModel;
class AgentSession;

//! The agent's chosen presence (online, away, busy, offline), sent to the server when
//! changed and kept in step with what the server says — also when changed from another app.
class PresenceSelector : public QComboBox
{
    Q_OBJECT
public:
    explicit PresenceSelector(AgentSession &session, QWidget *parent = nullptr);

    static QString label(Presence presence);
    static QColor color(Presence presence);

    //! The presence shown (the server's, or the one being asked for).
    std::optional<Presence> presence() const;

private:
    void choose(int index);
    void showPresence(std::optional<Presence> presence);
    void syncFromTeam();
    void updateEnabled();

    AgentSession &m_session;
    AgentPresenceModel *m_team = nullptr;
    std::optional<Presence> m_known;
    bool m_asking = false;
};

} // namespace Tandem
