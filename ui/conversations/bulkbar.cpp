// SPDX-License-Identifier: GPL-3.0-or-later
#include "bulkbar.h"

#include "conversationlistview.h"
#include "models/conversationlistmodel.h"
#include "protocol/requests.h"
#include "shell/agentsession.h"
#include "thread/conversationactions.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <memory>

namespace Tandem {

BulkBar::BulkBar(AgentSession &session, ConversationListView &list, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(list)
{
    setObjectName(QStringLiteral("bulkBar"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("bulkSummary"));
    m_summary->setWordWrap(true);
    const auto menuButton = [this](const QString &text, const QString &name) {
        auto *button = new QToolButton;
        button->setObjectName(name);
        button->setText(text);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setMenu(new QMenu(button));
        return button;
    };
    m_assign = menuButton(tr("Assign"), QStringLiteral("bulkAssign"));
    connect(m_assign->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_assign->menu();
        menu->clear();
        for (const Agent &agent : m_session.cache().agents())
            menu->addAction(agent.name, this, [this, id = agent.id] { assignTo(id); });
        menu->addSeparator();
        menu->addAction(tr("Nobody"), this, [this] { assignTo(0); });
    });
    m_label = menuButton(tr("Label"), QStringLiteral("bulkLabel"));
    connect(m_label->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_label->menu();
        menu->clear();
        for (const Label &label : m_session.cache().labels())
            menu->addAction(label.name, this, [this, id = label.id] { addLabel(id); });
    });
    m_snooze = menuButton(tr("Snooze"), QStringLiteral("bulkSnooze"));
    connect(m_snooze->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_snooze->menu();
        menu->clear();
        for (const auto &[text, until] :
             ConversationActions::snoozePresets(QDateTime::currentDateTime()))
            menu->addAction(text, this, [this, until = until] {
                setStatus(ConversationStatus::Snoozed, until.toUTC());
            });
        menu->addAction(tr("Until the customer writes"), this,
                        [this] { setStatus(ConversationStatus::Snoozed); });
    });
    m_resolve = new QPushButton(tr("Resolve"));
    m_resolve->setObjectName(QStringLiteral("bulkResolve"));
    connect(m_resolve, &QPushButton::clicked, this,
            [this] { setStatus(ConversationStatus::Resolved); });

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 4, 8, 4);
    row->addWidget(m_summary, 1);
    for (QWidget *w : {static_cast<QWidget *>(m_assign), static_cast<QWidget *>(m_label),
                       static_cast<QWidget *>(m_snooze), static_cast<QWidget *>(m_resolve)})
        row->addWidget(w);
    hide();
    connect(m_list.selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BulkBar::update);
}

QList<qint64> BulkBar::selection() const
{
    QList<qint64> ids;
    if (!m_list.selectionModel())
        return ids;
    for (const QModelIndex &index : m_list.selectionModel()->selectedRows())
        ids.append(index.data(ConversationListModel::IdRole).toLongLong());
    return ids;
}

void BulkBar::update()
{
    const qsizetype count = selection().size();
    setVisible(count > 1);
    if (count > 1)
        m_summary->setText(tr("%n selected", nullptr, int(count)));
}

template<typename Make> void BulkBar::forEach(const QString &done, Make make)
{
    const QList<qint64> ids = selection();
    if (ids.isEmpty())
        return;
    // Offline they wait with the thread's own changes and go out on reconnecting.
    if (m_session.sync().state() != SyncClient::State::Online) {
        for (qint64 id : ids)
            m_session.actions().perform(id, make(id));
        m_summary->setText(
            tr("%1: %2, sent when the connection is back").arg(done).arg(ids.size()));
        return;
    }
    struct Tally {
        int left = 0;
        int ok = 0;
        QString firstError;
    };
    auto tally = std::make_shared<Tally>();
    tally->left = int(ids.size());
    for (qint64 id : ids) {
        const bool sent = m_session.sync().request(
            make(id), this,
            [this, tally, done, total = int(ids.size())](bool ok, const QJsonObject &reply) {
                if (ok)
                    ++tally->ok;
                else if (tally->firstError.isEmpty())
                    tally->firstError = reply.value(QLatin1String("message")).toString();
                if (--tally->left > 0)
                    return;
                m_summary->setText(tally->ok == total ? tr("%1: %2").arg(done).arg(total)
                                                      : tr("%1: %2 of %3. %4")
                                                            .arg(done)
                                                            .arg(tally->ok)
                                                            .arg(total)
                                                            .arg(tally->firstError));
            });
        if (!sent) // the connection dropped just now
            m_session.actions().perform(id, make(id));
    }
}

void BulkBar::assignTo(qint64 agentId)
{
    forEach(tr("Assigned"), [agentId](qint64 id) {
        Commands::Assign command;
        command.conversationId = id;
        if (agentId)
            command.agentId = agentId;
        return Requests::assign(command);
    });
}

void BulkBar::addLabel(qint64 labelId)
{
    forEach(tr("Labelled"), [labelId](qint64 id) {
        Commands::ChangeLabels command;
        command.conversationId = id;
        command.add = {labelId};
        return Requests::changeLabels(command);
    });
}

void BulkBar::setStatus(const QString &status, const QDateTime &until)
{
    forEach(status == ConversationStatus::Resolved ? tr("Resolved") : tr("Snoozed"),
            [status, until](qint64 id) {
                Commands::SetStatus command;
                command.conversationId = id;
                command.status = status;
                command.until = until;
                return Requests::setStatus(command);
            });
}

} // namespace Tandem
