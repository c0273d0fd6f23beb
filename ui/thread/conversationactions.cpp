// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationactions.h"

#include "conversations/conversationdelegate.h"
#include "protocol/requests.h"
#include "shell/agentsession.h"

#include <QCalendarWidget>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimeEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace Tandem {

ConversationActions::ConversationActions(AgentSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_take = new QPushButton(tr("Take"));
    m_take->setObjectName(QStringLiteral("take"));
    m_take->setToolTip(tr("Assign this conversation to yourself"));
    connect(m_take, &QPushButton::clicked, this, [this] { assignTo(m_session.sync().agent().id); });

    // A button that opens a menu, filled each time it opens.
    const auto menuButton = [this](const char *name, const QString &text, const QString &tip,
                                   QMenu *&menu, void (ConversationActions::*fill)()) {
        menu = new QMenu(this);
        auto *button = new QToolButton;
        button->setObjectName(QLatin1String(name));
        button->setText(text);
        button->setToolTip(tip);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setMenu(menu);
        connect(menu, &QMenu::aboutToShow, this, fill);
        return button;
    };
    m_assign =
        menuButton("assign", tr("Assign"), tr("Assign this conversation to someone, or to nobody"),
                   m_assignMenu, &ConversationActions::fillAssignMenu);
    m_label =
        menuButton("label", tr("Label"), tr("Put labels on this conversation, or take them off"),
                   m_labelMenu, &ConversationActions::fillLabelMenu);
    m_priority = menuButton("priority", tr("Priority"), tr("How urgent it is"), m_priorityMenu,
                            &ConversationActions::fillPriorityMenu);
    m_merge = menuButton("merge", tr("Merge"),
                         tr("Join this conversation into another of the same customer"),
                         m_mergeMenu, &ConversationActions::fillMergeMenu);

    m_pending = new QPushButton(tr("Pending"));
    m_pending->setObjectName(QStringLiteral("pending"));
    m_pending->setToolTip(tr("Waiting on the customer: it opens again when they write"));
    connect(m_pending, &QPushButton::clicked, this,
            [this] { setStatus(ConversationStatus::Pending); });

    auto *snoozeMenu = new QMenu(this);
    m_snooze = new QToolButton;
    m_snooze->setObjectName(QStringLiteral("snooze"));
    m_snooze->setText(tr("Snooze"));
    m_snooze->setToolTip(tr("Put it out of the way until a time, or until the customer writes"));
    m_snooze->setPopupMode(QToolButton::InstantPopup);
    m_snooze->setMenu(snoozeMenu);
    connect(snoozeMenu, &QMenu::aboutToShow, this, [this, snoozeMenu] {
        snoozeMenu->clear();
        for (const auto &[label, until] : snoozePresets(QDateTime::currentDateTime()))
            snoozeMenu->addAction(label, this, [this, until = until] {
                setStatus(ConversationStatus::Snoozed, until.toUTC());
            });
        snoozeMenu->addAction(tr("Until a date…"), this, [this] {
            QDialog dialog(this);
            dialog.setWindowTitle(tr("Snooze until"));
            auto *calendar = new QCalendarWidget;
            calendar->setMinimumDate(QDate::currentDate());
            auto *time = new QTimeEdit(QTime(9, 0));
            auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
            connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
            connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
            auto *layout = new QVBoxLayout(&dialog);
            layout->addWidget(calendar);
            layout->addWidget(time);
            layout->addWidget(buttons);
            if (dialog.exec() == QDialog::Accepted)
                setStatus(ConversationStatus::Snoozed,
                          QDateTime(calendar->selectedDate(), time->time()).toUTC());
        });
        snoozeMenu->addSeparator();
        snoozeMenu->addAction(tr("Until the customer writes"), this,
                              [this] { setStatus(ConversationStatus::Snoozed); });
    });

    m_resolve = new QPushButton(tr("Resolve"));
    m_resolve->setObjectName(QStringLiteral("resolve"));
    connect(m_resolve, &QPushButton::clicked, this, [this] {
        setStatus(m_status == ConversationStatus::Open ? ConversationStatus::Resolved
                                                       : ConversationStatus::Open);
    });

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    row->addWidget(m_take);
    row->addWidget(m_assign);
    row->addWidget(m_label);
    row->addWidget(m_priority);
    row->addWidget(m_merge);
    row->addWidget(m_pending);
    row->addWidget(m_snooze);
    row->addWidget(m_resolve);

    connect(&m_session.sync(), &SyncClient::stateChanged, this,
            &ConversationActions::updateEnabled);
    clear();
}

QList<std::pair<QString, QDateTime>> ConversationActions::snoozePresets(const QDateTime &now)
{
    const QDateTime local = now.toLocalTime();
    const QDate today = local.date();
    const QDate monday = today.addDays(8 - today.dayOfWeek()); // the next one, never today
    return {{tr("For an hour"), local.addSecs(3600)},
            {tr("Until tomorrow, 9:00"), QDateTime(today.addDays(1), QTime(9, 0))},
            {tr("Until next week (Monday, 9:00)"), QDateTime(monday, QTime(9, 0))}};
}

void ConversationActions::setConversation(const ConversationSummary &summary)
{
    m_conversation = summary.id;
    m_status = summary.status;
    m_assignee = summary.assigneeId;
    m_labels = summary.labels;
    m_priorityLevel = summary.priority;
    m_priority->setText(summary.priority > 0 ? ConversationDelegate::priorityName(summary.priority)
                                             : tr("Priority"));
    m_liveUnderWay =
        summary.liveState == LiveState::Queued || summary.liveState == LiveState::Active;
    const bool open = m_status == ConversationStatus::Open;
    m_resolve->setText(open ? tr("Resolve") : tr("Reopen"));
    m_resolve->setToolTip(open ? tr("Done: it opens again if the customer writes")
                               : tr("Open it again"));
    updateEnabled();
}

void ConversationActions::clear()
{
    m_conversation = 0;
    m_status.clear();
    m_assignee = 0;
    updateEnabled();
}

void ConversationActions::updateEnabled()
{
    // Offline, changes wait in the cache and go out on reconnecting; merging needs the
    // server there (it moves messages the cache may not hold).
    const bool online = m_session.sync().state() == SyncClient::State::Online;
    const bool usable = m_conversation != 0 && !m_liveUnderWay;
    const qint64 me = m_session.sync().agent().id;
    m_take->setEnabled(usable && m_assignee != me);
    m_assign->setEnabled(usable);
    m_label->setEnabled(m_conversation != 0);
    m_priority->setEnabled(usable);
    m_merge->setEnabled(usable && online);
    m_pending->setEnabled(usable && m_status != ConversationStatus::Pending);
    m_snooze->setEnabled(usable);
    m_resolve->setEnabled(usable);
    const QString why = m_liveUnderWay ? tr("A live chat under way is ended from the deck")
                        : !online      ? tr("Offline: changes are sent when the connection is back")
                                       : QString();
    setToolTip(why);
}

void ConversationActions::fillAssignMenu()
{
    m_assignMenu->clear();
    const qint64 me = m_session.sync().agent().id;
    const auto summary = m_session.cache().conversation(m_conversation);
    const qint64 inbox = summary ? summary->inboxId : 0;
    // Those who may be given it: the inbox's team, and supervisors and admins.
    QSet<qint64> team;
    qint64 teamId = 0;
    for (const Inbox &i : m_session.cache().inboxes())
        if (i.id == inbox)
            teamId = i.teamId;
    for (const Team &t : m_session.cache().teams())
        if (t.id == teamId)
            team = QSet<qint64>(t.members.cbegin(), t.members.cend());
    for (const Agent &agent : m_session.cache().agents()) {
        if (agent.role == Role::Agent && !team.contains(agent.id))
            continue;
        QAction *a =
            m_assignMenu->addAction(agent.id == me ? tr("%1 (me)").arg(agent.name) : agent.name,
                                    this, [this, id = agent.id] { assignTo(id); });
        a->setCheckable(true);
        a->setChecked(agent.id == m_assignee);
    }
    m_assignMenu->addSeparator();
    m_assignMenu->addAction(tr("Nobody"), this, [this] { assignTo(0); })->setEnabled(m_assignee);
}

void ConversationActions::fillLabelMenu()
{
    m_labelMenu->clear();
    const QList<Label> labels = m_session.cache().labels();
    for (const Label &label : labels) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor(label.colour));
        const bool on = m_labels.contains(label.id);
        QAction *a = m_labelMenu->addAction(QIcon(swatch), label.name, this,
                                            [this, id = label.id, on] { setLabel(id, !on); });
        a->setCheckable(true);
        a->setChecked(on);
    }
    if (labels.isEmpty())
        m_labelMenu->addAction(tr("No labels yet: a supervisor adds them"))->setEnabled(false);
}

void ConversationActions::fillPriorityMenu()
{
    m_priorityMenu->clear();
    for (int level = Priority::Urgent; level >= Priority::None; --level) {
        QAction *a = m_priorityMenu->addAction(
            level == Priority::None ? tr("None") : ConversationDelegate::priorityName(level), this,
            [this, level] { setPriority(level); });
        a->setCheckable(true);
        a->setChecked(level == m_priorityLevel);
    }
}

void ConversationActions::take()
{
    if (m_take->isEnabled())
        m_take->click();
}

void ConversationActions::setPendingNow()
{
    if (m_pending->isEnabled())
        m_pending->click();
}

void ConversationActions::toggleResolved()
{
    if (m_resolve->isEnabled())
        m_resolve->click();
}

void ConversationActions::openMenu(const QString &objectName)
{
    auto *button = findChild<QToolButton *>(objectName);
    if (button && button->isEnabled() && button->isVisible())
        button->showMenu();
}

void ConversationActions::fillMergeMenu()
{
    m_mergeMenu->clear();
    const auto current = m_session.cache().conversation(m_conversation);
    if (!current)
        return;
    int offered = 0;
    for (const ConversationSummary &other :
         m_session.cache().conversationsOf(current->customerId)) {
        if (other.id == m_conversation || other.liveState == LiveState::Queued
            || other.liveState == LiveState::Active)
            continue;
        const QString last = QFontMetrics(m_mergeMenu->font())
                                 .elidedText(other.lastText.simplified(), Qt::ElideRight, 260);
        m_mergeMenu->addAction(
            tr("Into #%1 (%2): %3")
                .arg(other.id)
                .arg(ConversationDelegate::shortTime(other.updatedAt, QDateTime::currentDateTime()))
                .arg(last),
            this, [this, id = other.id] { mergeInto(id); });
        ++offered;
    }
    if (offered == 0)
        m_mergeMenu->addAction(tr("This customer has no other conversation"))->setEnabled(false);
}

void ConversationActions::mergeInto(qint64 intoId)
{
    if (m_conversation == 0)
        return;
    const qint64 from = m_conversation;
    const bool sent = m_session.sync().request(
        Requests::merge({from, intoId}), this, [this, from](bool ok, const QJsonObject &reply) {
            if (!ok) {
                Q_EMIT failed(reply.value(QLatin1String("message")).toString());
                return;
            }
            const QJsonObject &data = reply;
            const qint64 into = qint64(
                data.value(QLatin1String("into")).toObject().value(QLatin1String("id")).toDouble());
            Q_EMIT merged(from, into,
                          QDateTime::fromString(data.value(QLatin1String("undoUntil")).toString(),
                                                Qt::ISODateWithMs));
        });
    if (!sent)
        Q_EMIT failed(tr("Not connected to the server"));
}

void ConversationActions::undoMerge(qint64 fromId)
{
    const bool sent = m_session.sync().request(
        Requests::unmerge(fromId), this, [this, fromId](bool ok, const QJsonObject &reply) {
            if (ok)
                Q_EMIT unmerged(fromId);
            else
                Q_EMIT failed(reply.value(QLatin1String("message")).toString());
        });
    if (!sent)
        Q_EMIT failed(tr("Not connected to the server"));
}

void ConversationActions::setLabel(qint64 labelId, bool on)
{
    if (m_conversation == 0)
        return;
    Commands::ChangeLabels command;
    command.conversationId = m_conversation;
    (on ? command.add : command.remove).append(labelId);
    send(Requests::changeLabels(command));
}

void ConversationActions::setPriority(int priority)
{
    if (m_conversation == 0)
        return;
    send(Requests::priority({m_conversation, priority}));
}

void ConversationActions::send(const Requests::Request &request)
{
    // Offline it waits in the cache and goes out when the connection is back.
    if (!m_session.sync().request(request, this, [this](bool ok, const QJsonObject &reply) {
            if (!ok)
                Q_EMIT failed(reply.value(QLatin1String("message")).toString());
        }))
        m_session.actions().perform(m_conversation, request);
}

void ConversationActions::setStatus(const QString &status, const QDateTime &until)
{
    if (m_conversation == 0)
        return;
    Commands::SetStatus command;
    command.conversationId = m_conversation;
    command.status = status;
    command.until = until;
    send(Requests::setStatus(command));
}

void ConversationActions::assignTo(qint64 agentId, bool force)
{
    if (m_conversation == 0)
        return;
    Commands::Assign command;
    command.conversationId = m_conversation;
    if (agentId)
        command.agentId = agentId;
    command.force = force;
    if (m_session.sync().state() != SyncClient::State::Online) {
        m_session.actions().perform(m_conversation, Requests::assign(command));
        return;
    }
    const bool sent = m_session.sync().request(
        Requests::assign(command), this, [this, agentId](bool ok, const QJsonObject &reply) {
            if (ok)
                return;
            const QString message = reply.value(QLatin1String("message")).toString();
            if (reply.value(QLatin1String("code")).toString() == QLatin1String("over_capacity")) {
                const auto answer = QMessageBox::question(
                    this, tr("Assign anyway?"), tr("%1. Assign it all the same?").arg(message),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
                if (answer == QMessageBox::Yes)
                    assignTo(agentId, true);
                return;
            }
            Q_EMIT failed(message);
        });
    if (!sent)
        Q_EMIT failed(tr("Not connected to the server"));
}

} // namespace Tandem
