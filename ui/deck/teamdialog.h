// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/commands.h"

#include <QDialog>
#include <QHash>
#include <QTimer>

class QCheckBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace Tandem {

class AgentPresenceModel;
class AgentSession;

//! The team at a glance for supervisors: each agent's presence, whether their app is
//! connected, their live load (from the queue figures), and their live-chat capacity and
//! auto-accept, which a supervisor changes here (`agent.update`).
class TeamDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { NameColumn, PresenceColumn, LoadColumn, CapacityColumn, AutoAcceptColumn };

    TeamDialog(AgentSession &session, AgentPresenceModel &team, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QSpinBox *capacityBox(qint64 agentId) const;
    QCheckBox *autoAcceptBox(qint64 agentId) const;
    QLabel *errorLabel() const { return m_error; }
    QLabel *queueLabel() const { return m_queue; }
    //! Moves the queue's longest wait on to `now` (each second by itself).
    void tick(const QDateTime &now) { showQueue(now); }

    //! How long after the last change to a capacity it is sent.
    static constexpr int SendDelayMs = 600;

private:
    void rebuild();
    void refresh();
    void sendPending();
    void update(const Commands::UpdateAgent &change);
    //! The queue's figures as they stand `now` (the longest wait counts on between frames).
    void showQueue(const QDateTime &now);

    AgentSession &m_session;
    AgentPresenceModel &m_team;
    QTableWidget *m_table = nullptr;
    QLabel *m_queue = nullptr;
    QLabel *m_error = nullptr;
    QHash<qint64, QSpinBox *> m_capacity;
    QHash<qint64, QCheckBox *> m_autoAccept;
    QHash<qint64, int> m_pending;
    QTimer m_send;
    QTimer m_clock;
};

} // namespace Tandem
