// SPDX-License-Identifier: GPL-3.0-or-later
#include "transferdialog.h"

#include "deckrequest.h"
#include "main/presenceselector.h"
#include "models/agentpresencemodel.h"
#include "protocol/limits.h"
#include "shell/agentsession.h"
#include "status/statusdot.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tandem {

TransferDialog::TransferDialog(AgentSession &session, AgentPresenceModel &team,
                               qint64 conversationId, const QString &customerName, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_team(team)
    , m_conversation(conversationId)
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Transfer Chat"));
    auto *intro = new QLabel(tr("Hand the chat with %1 to:").arg(customerName.toHtmlEscaped()));
    m_agents = new QListWidget;
    m_agents->setObjectName(QStringLiteral("transferAgents"));
    m_note = new QPlainTextEdit;
    m_note->setObjectName(QStringLiteral("transferNote"));
    m_note->setPlaceholderText(tr("A note for your colleague (optional, only the team sees it)"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("transferError"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Transfer"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TransferDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TransferDialog::reject);
    connect(m_agents, &QListWidget::itemDoubleClicked, this, &TransferDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_agents, 1);
    layout->addWidget(new QLabel(tr("Note:")));
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(380, 400);

    connect(&m_team, &QAbstractItemModel::dataChanged, this, &TransferDialog::fill);
    connect(&m_team, &QAbstractItemModel::rowsInserted, this, &TransferDialog::fill);
    connect(&m_team, &QAbstractItemModel::rowsRemoved, this, &TransferDialog::fill);
    fill();
}

void TransferDialog::fill()
{
    const qint64 chosen =
        m_agents->currentItem() ? m_agents->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    m_agents->clear();
    const qint64 me = m_session.sync().agent().id;
    for (int row = 0; row < m_team.rowCount(); ++row) {
        const QModelIndex i = m_team.index(row, 0);
        const qint64 id = i.data(AgentPresenceModel::IdRole).toLongLong();
        const auto presence = presenceFromName(i.data(AgentPresenceModel::PresenceRole).toString());
        // Only those who can take it: online (the server checks the rest).
        if (id == me || presence != Presence::Online)
            continue;
        const int active = i.data(AgentPresenceModel::ActiveChatsRole).toInt();
        const int capacity = i.data(AgentPresenceModel::CapacityRole).toInt();
        auto *item = new QListWidgetItem(StatusDot::icon(PresenceSelector::color(Presence::Online)),
                                         tr("%1 — %2 of %3 chats")
                                             .arg(i.data(AgentPresenceModel::NameRole).toString())
                                             .arg(active)
                                             .arg(capacity));
        item->setData(Qt::UserRole, id);
        if (active >= capacity)
            item->setToolTip(tr("At capacity: the transfer will be refused"));
        m_agents->addItem(item);
        if (id == chosen)
            m_agents->setCurrentItem(item);
    }
    if (!m_agents->currentItem() && m_agents->count() > 0)
        m_agents->setCurrentRow(0);
    const bool any = m_agents->count() > 0;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(any && !m_busy);
    if (!any && !m_busy) {
        m_error->setText(tr("No colleague is online right now."));
        m_error->show();
    }
}

bool TransferDialog::selectAgent(qint64 agentId)
{
    for (int row = 0; row < m_agents->count(); ++row) {
        if (m_agents->item(row)->data(Qt::UserRole).toLongLong() == agentId) {
            m_agents->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void TransferDialog::accept()
{
    QListWidgetItem *item = m_agents->currentItem();
    if (!item || m_busy)
        return;
    const QString note = m_note->toPlainText().trimmed();
    if (note.size() > Protocol::MaxNoteChars) {
        m_error->setText(
            tr("The note is too long: at most %1 characters.").arg(Protocol::MaxNoteChars));
        m_error->show();
        return;
    }
    const Commands::Transfer transfer{m_conversation, item->data(Qt::UserRole).toLongLong(), note};
    m_busy = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_error->hide();
    DeckRequest::send(m_session.sync(), Requests::transfer(transfer), this,
                      [this](const QJsonObject &, const QString &error) {
                          m_busy = false;
                          if (error.isEmpty()) {
                              QDialog::accept();
                              return;
                          }
                          m_error->setText(error);
                          m_error->show();
                          m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
                      });
}

} // namespace Tandem
