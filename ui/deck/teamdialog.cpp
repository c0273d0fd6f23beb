// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamdialog.h"

#include "deckrequest.h"
#include "livetimes.h"
#include "main/presenceselector.h"
#include "models/agentpresencemodel.h"
#include "shell/agentsession.h"
#include "status/statusdot.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Tandem {
namespace {
bool mayChangeCapacity(Role role)
{
    return role == Role::Supervisor || role == Role::Admin;
}

QWidget *centered(QWidget *w)
{
    auto *box = new QWidget;
    auto *l = new QHBoxLayout(box);
    l->setContentsMargins(4, 0, 4, 0);
    l->addWidget(w, 0, Qt::AlignCenter);
    return box;
}
} // namespace

TeamDialog::TeamDialog(AgentSession &session, AgentPresenceModel &team, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_team(team)
{
    setObjectName(QStringLiteral("teamDialog"));
    setWindowTitle(tr("Team and Capacity"));
    m_queue = new QLabel;
    m_queue->setObjectName(QStringLiteral("teamQueue"));
    m_table = new QTableWidget(0, 5);
    m_table->setObjectName(QStringLiteral("teamTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Agent"), tr("Presence"), tr("Live chats"), tr("Capacity"), tr("Auto-accept")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = PresenceColumn; c <= AutoAcceptColumn; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("teamError"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_queue);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(620, 380);

    m_send.setSingleShot(true);
    m_send.setInterval(SendDelayMs);
    connect(&m_send, &QTimer::timeout, this, &TeamDialog::sendPending);
    connect(&m_team, &QAbstractItemModel::rowsInserted, this, &TeamDialog::rebuild);
    connect(&m_team, &QAbstractItemModel::rowsRemoved, this, &TeamDialog::rebuild);
    connect(&m_team, &QAbstractItemModel::modelReset, this, &TeamDialog::rebuild);
    connect(&m_team, &QAbstractItemModel::dataChanged, this, &TeamDialog::refresh);
    connect(&session.sync(), &SyncClient::queueStatsChanged, this,
            [this] { showQueue(QDateTime::currentDateTimeUtc()); });
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] { tick(QDateTime::currentDateTimeUtc()); });
    m_clock.start();
    rebuild();
    showQueue(QDateTime::currentDateTimeUtc());
}

QSpinBox *TeamDialog::capacityBox(qint64 agentId) const
{
    return m_capacity.value(agentId);
}

QCheckBox *TeamDialog::autoAcceptBox(qint64 agentId) const
{
    return m_autoAccept.value(agentId);
}

void TeamDialog::showQueue(const QDateTime &now)
{
    const QueueStats &q = m_session.sync().queueStats();
    m_queue->setText(q.waiting == 0
                         ? tr("Nobody is waiting in the queue.")
                         : tr("%n waiting in the queue, the longest for %1.", nullptr, q.waiting)
                               .arg(LiveTimes::clock(q.longestWaitAt(now))));
}

void TeamDialog::rebuild()
{
    m_table->setRowCount(0);
    m_capacity.clear();
    m_autoAccept.clear();
    const bool supervisor = mayChangeCapacity(m_session.sync().agent().role);
    m_table->setRowCount(m_team.rowCount());
    for (int row = 0; row < m_team.rowCount(); ++row) {
        const QModelIndex i = m_team.index(row, 0);
        const qint64 id = i.data(AgentPresenceModel::IdRole).toLongLong();
        m_table->setItem(row, NameColumn, new QTableWidgetItem);
        m_table->setItem(row, PresenceColumn, new QTableWidgetItem);
        m_table->setItem(row, LoadColumn, new QTableWidgetItem);
        auto *capacity = new QSpinBox;
        capacity->setRange(0, Agent::MaxCapacity);
        capacity->setEnabled(supervisor);
        capacity->setAccessibleName(
            tr("Capacity of %1").arg(i.data(AgentPresenceModel::NameRole).toString()));
        connect(capacity, &QSpinBox::valueChanged, this, [this, id](int value) {
            m_pending.insert(id, value);
            m_send.start();
        });
        m_table->setCellWidget(row, CapacityColumn, centered(capacity));
        m_capacity.insert(id, capacity);
        auto *autoAccept = new QCheckBox;
        autoAccept->setEnabled(supervisor || id == m_session.sync().agent().id);
        connect(autoAccept, &QCheckBox::toggled, this, [this, id](bool on) {
            update({id, std::nullopt, on, std::nullopt});
        });
        m_table->setCellWidget(row, AutoAcceptColumn, centered(autoAccept));
        m_autoAccept.insert(id, autoAccept);
    }
    refresh();
}

void TeamDialog::refresh()
{
    for (int row = 0; row < m_team.rowCount() && row < m_table->rowCount(); ++row) {
        const QModelIndex i = m_team.index(row, 0);
        const qint64 id = i.data(AgentPresenceModel::IdRole).toLongLong();
        const auto presence = presenceFromName(i.data(AgentPresenceModel::PresenceRole).toString())
                                  .value_or(Presence::Offline);
        const bool connected = i.data(AgentPresenceModel::ConnectedRole).toBool();
        m_table->item(row, NameColumn)->setText(i.data(AgentPresenceModel::NameRole).toString());
        QTableWidgetItem *p = m_table->item(row, PresenceColumn);
        p->setIcon(StatusDot::icon(PresenceSelector::color(presence)));
        p->setText(connected || presence == Presence::Offline
                       ? PresenceSelector::label(presence)
                       : tr("%1 (not connected)").arg(PresenceSelector::label(presence)));
        const int active = i.data(AgentPresenceModel::ActiveChatsRole).toInt();
        const int capacity = i.data(AgentPresenceModel::CapacityRole).toInt();
        const int offers = i.data(AgentPresenceModel::OffersRole).toInt();
        QTableWidgetItem *load = m_table->item(row, LoadColumn);
        load->setText(offers > 0
                          ? tr("%1 of %2 · %n offered", nullptr, offers).arg(active).arg(capacity)
                          : tr("%1 of %2").arg(active).arg(capacity));
        load->setToolTip(tr("Active live chats of this agent, out of their capacity"));
        // What the agent is typing into a box is not overwritten by the echo of an older value.
        if (QSpinBox *box = m_capacity.value(id);
            box && !box->hasFocus() && !m_pending.contains(id)) {
            const QSignalBlocker quiet(box);
            box->setValue(capacity);
        }
        if (QCheckBox *box = m_autoAccept.value(id)) {
            const QSignalBlocker quiet(box);
            box->setChecked(i.data(AgentPresenceModel::AutoAcceptRole).toBool());
        }
    }
}

void TeamDialog::sendPending()
{
    const QHash<qint64, int> pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        const int row = m_team.rowOf(it.key());
        if (row >= 0
            && m_team.index(row, 0).data(AgentPresenceModel::CapacityRole).toInt() == it.value())
            continue; // back where it was
        update({it.key(), it.value(), std::nullopt, std::nullopt});
    }
}

void TeamDialog::update(const Commands::UpdateAgent &change)
{
    m_error->hide();
    DeckRequest::send(m_session.sync(), Requests::updateAgent(change), this,
                      [this](const QJsonObject &, const QString &error) {
                          if (error.isEmpty())
                              return; // the agent.updated event brings the new value
                          m_error->setText(error);
                          m_error->show();
                          refresh(); // back to what the server has
                      });
}

} // namespace Tandem
