// SPDX-License-Identifier: GPL-3.0-or-later
#include "presenceselector.h"

#include "models/agentpresencemodel.h"
#include "shell/agentsession.h"
#include "status/statusdot.h"

namespace Tandem {

PresenceSelector::PresenceSelector(AgentSession &session, QWidget *parent)
    : QComboBox(parent)
    , m_session(session)
    , m_team(new AgentPresenceModel(session.cache(), this))
{
    setObjectName(QStringLiteral("presence"));
    setToolTip(tr("Your presence, as your team and the routing see it"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (Presence p : {Presence::Online, Presence::Away, Presence::Busy, Presence::Offline})
        addItem(StatusDot::icon(color(p)), label(p), presenceName(p));
    setCurrentIndex(-1);
    setPlaceholderText(tr("Presence"));

    // activated, not currentIndexChanged: only a choice by the user goes to the server.
    connect(this, &QComboBox::activated, this, &PresenceSelector::choose);
    connect(m_team, &QAbstractItemModel::dataChanged, this, &PresenceSelector::syncFromTeam);
    connect(m_team, &QAbstractItemModel::rowsInserted, this, &PresenceSelector::syncFromTeam);
    connect(m_team, &QAbstractItemModel::modelReset, this, &PresenceSelector::syncFromTeam);
    connect(&m_session.sync(), &SyncClient::stateChanged, this, [this] {
        syncFromTeam();
        updateEnabled();
    });
    syncFromTeam();
    updateEnabled();
}

QString PresenceSelector::label(Presence presence)
{
    switch (presence) {
    case Presence::Online:
        return tr("Online");
    case Presence::Away:
        return tr("Away");
    case Presence::Busy:
        return tr("Busy");
    case Presence::Offline:
        return tr("Offline");
    }
    return {};
}

QColor PresenceSelector::color(Presence presence)
{
    switch (presence) {
    case Presence::Online:
        return QColor(0x2e, 0xa0, 0x43);
    case Presence::Away:
        return QColor(0xe0, 0x9b, 0x1a);
    case Presence::Busy:
        return QColor(0xc6, 0x28, 0x28);
    case Presence::Offline:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

std::optional<Presence> PresenceSelector::presence() const
{
    return presenceFromName(currentData().toString());
}

void PresenceSelector::showPresence(std::optional<Presence> presence)
{
    setCurrentIndex(presence ? findData(presenceName(*presence)) : -1);
}

void PresenceSelector::syncFromTeam()
{
    const qint64 me = m_session.sync().agent().id;
    if (me == 0)
        return; // not yet told who we are: keep what is shown
    std::optional<Presence> found = m_session.sync().agent().presence;
    for (int row = 0; row < m_team->rowCount(); ++row) {
        const QModelIndex index = m_team->index(row);
        if (index.data(AgentPresenceModel::IdRole).toLongLong() == me) {
            found = presenceFromName(index.data(AgentPresenceModel::PresenceRole).toString());
            break;
        }
    }
    m_known = found;
    if (!m_asking)
        showPresence(m_known);
}

void PresenceSelector::updateEnabled()
{
    const bool online = m_session.sync().state() == SyncClient::State::Online;
    setEnabled(online && !m_asking);
    if (!online)
        setToolTip(tr("Presence can be changed while connected"));
    else
        setToolTip(tr("Your presence, as your team and the routing see it"));
}

void PresenceSelector::choose(int index)
{
    const std::optional<Presence> wanted = presenceFromName(itemData(index).toString());
    if (!wanted || wanted == m_known)
        return;
    const bool sent = m_session.sync().request(
        Requests::presence({*wanted}), this, [this, wanted](bool ok, const QJsonObject &reply) {
            m_asking = false;
            if (ok) {
                m_known = presenceFromName(reply.value(QLatin1String("presence")).toString());
                if (!m_known)
                    m_known = wanted;
            }
            showPresence(m_known);
            updateEnabled();
            if (!ok)
                setToolTip(tr("Your presence could not be changed: %1")
                               .arg(reply.value(QLatin1String("message")).toString()));
        });
    if (!sent) {
        showPresence(m_known);
        return;
    }
    m_asking = true;
    updateEnabled();
}

} // namespace Tandem
