// SPDX-License-Identifier: GPL-3.0-or-later
#include "teamsdialog.h"

#include "conversations/conversationdelegate.h"
#include "deck/deckrequest.h"
#include "hourseditor.h"
#include "shell/agentsession.h"
#include "slaeditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Tandem {
namespace {

constexpr int MaxNameChars = 100; // docs/protocol.md, team.save and inbox.save

QLabel *errorLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->hide();
    return label;
}

//! A list with a New button under it, beside a form with its Save button at the bottom.
QWidget *listAndForm(QListWidget *list, QPushButton *add, QLayout *form, QLabel *error,
                     QPushButton *save)
{
    auto *page = new QWidget;
    auto *left = new QVBoxLayout;
    left->addWidget(list, 1);
    left->addWidget(add);
    auto *right = new QVBoxLayout;
    right->addLayout(form, 1);
    right->addWidget(error);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(save);
    right->addLayout(actions);
    auto *columns = new QHBoxLayout(page);
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    return page;
}

} // namespace

TeamsDialog::TeamsDialog(AgentSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("teamsDialog"));
    setWindowTitle(tr("Teams and Inboxes"));
    auto *tabs = new QTabWidget;
    tabs->addTab(teamsPage(), tr("Teams"));
    tabs->addTab(inboxesPage(), tr("Inboxes"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(close);
    resize(620, 420);
    connect(&m_session.cache(), &LocalCache::teamsChanged, this, &TeamsDialog::reload);
    reload();
    editTeam(0);
    editInbox(0);
}

QWidget *TeamsDialog::teamsPage()
{
    m_teams = new QListWidget;
    m_teams->setObjectName(QStringLiteral("teams"));
    auto *add = new QPushButton(tr("New Team"));
    add->setAutoDefault(false);
    m_teamName = new QLineEdit;
    m_teamName->setObjectName(QStringLiteral("teamName"));
    m_teamName->setMaxLength(MaxNameChars);
    m_teamName->setPlaceholderText(tr("e.g. Billing"));
    m_members = new QListWidget;
    m_members->setObjectName(QStringLiteral("teamMembers"));
    m_saveTeam = new QPushButton(tr("Save Team"));
    m_saveTeam->setObjectName(QStringLiteral("teamSave"));
    m_saveTeam->setAutoDefault(false);
    m_teamError = errorLabel(QStringLiteral("teamError"));
    m_hours = new QLabel;
    m_hours->setObjectName(QStringLiteral("teamHours"));
    m_hours->setWordWrap(true);
    auto *editHoursButton = new QPushButton(tr("Edit…"));
    editHoursButton->setObjectName(QStringLiteral("editHours"));
    editHoursButton->setAutoDefault(false);
    connect(editHoursButton, &QPushButton::clicked, this, &TeamsDialog::editHours);
    auto *hoursRow = new QHBoxLayout;
    hoursRow->addWidget(m_hours, 1);
    hoursRow->addWidget(editHoursButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_teamName);
    form->addRow(tr("Members:"), m_members);
    form->addRow(tr("Business hours:"), hoursRow);
    m_sla = new QLabel;
    m_sla->setObjectName(QStringLiteral("teamSla"));
    m_sla->setWordWrap(true);
    auto *editSlaButton = new QPushButton(tr("Edit…"));
    editSlaButton->setObjectName(QStringLiteral("editSla"));
    editSlaButton->setAutoDefault(false);
    connect(editSlaButton, &QPushButton::clicked, this, &TeamsDialog::editSla);
    auto *slaRow = new QHBoxLayout;
    slaRow->addWidget(m_sla, 1);
    slaRow->addWidget(editSlaButton);
    form->addRow(tr("SLA:"), slaRow);

    connect(add, &QPushButton::clicked, this, [this] {
        m_teams->clearSelection();
        editTeam(0);
        m_teamName->setFocus();
    });
    connect(m_teams, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            editTeam(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_saveTeam, &QPushButton::clicked, this, &TeamsDialog::saveTeam);
    connect(m_teamName, &QLineEdit::returnPressed, this, &TeamsDialog::saveTeam);
    connect(m_teamName, &QLineEdit::textChanged, this, &TeamsDialog::updateButtons);
    return listAndForm(m_teams, add, form, m_teamError, m_saveTeam);
}

QWidget *TeamsDialog::inboxesPage()
{
    m_inboxes = new QListWidget;
    m_inboxes->setObjectName(QStringLiteral("inboxes"));
    auto *add = new QPushButton(tr("New Inbox"));
    add->setAutoDefault(false);
    m_inboxName = new QLineEdit;
    m_inboxName->setObjectName(QStringLiteral("inboxName"));
    m_inboxName->setMaxLength(MaxNameChars);
    m_inboxName->setPlaceholderText(tr("e.g. Billing site"));
    m_channel = new QLabel;
    m_owner = new QComboBox;
    m_owner->setObjectName(QStringLiteral("inboxTeam"));
    m_saveInbox = new QPushButton(tr("Save Inbox"));
    m_saveInbox->setObjectName(QStringLiteral("inboxSave"));
    m_saveInbox->setAutoDefault(false);
    m_inboxError = errorLabel(QStringLiteral("inboxError"));
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_inboxName);
    form->addRow(tr("Channel:"), m_channel);
    form->addRow(tr("Answered by:"), m_owner);

    connect(add, &QPushButton::clicked, this, [this] {
        m_inboxes->clearSelection();
        editInbox(0);
        m_inboxName->setFocus();
    });
    connect(m_inboxes, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            editInbox(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_saveInbox, &QPushButton::clicked, this, &TeamsDialog::saveInbox);
    connect(m_inboxName, &QLineEdit::returnPressed, this, &TeamsDialog::saveInbox);
    connect(m_inboxName, &QLineEdit::textChanged, this, &TeamsDialog::updateButtons);
    return listAndForm(m_inboxes, add, form, m_inboxError, m_saveInbox);
}

void TeamsDialog::reload()
{
    const QList<Team> teams = m_session.cache().teams();
    const QList<Inbox> inboxes = m_session.cache().inboxes();
    QHash<qint64, QString> teamNames;
    {
        const QSignalBlocker quiet(m_teams);
        m_teams->clear();
        for (const Team &team : teams) {
            teamNames.insert(team.id, team.name);
            const int n = int(team.members.size());
            const QString size = n == 1 ? tr("1 member") : tr("%1 members").arg(n);
            auto *item = new QListWidgetItem(tr("%1 (%2)").arg(team.name, size), m_teams);
            item->setData(Qt::UserRole, team.id);
            if (team.id == m_team)
                m_teams->setCurrentItem(item);
        }
    }
    {
        const QSignalBlocker quiet(m_inboxes);
        m_inboxes->clear();
        for (const Inbox &inbox : inboxes) {
            const QString owner = inbox.teamId != 0 ? teamNames.value(inbox.teamId) : tr("no team");
            auto *item = new QListWidgetItem(
                tr("%1 · %2 · %3")
                    .arg(inbox.name, ConversationDelegate::channelName(inbox.channel), owner),
                m_inboxes);
            item->setData(Qt::UserRole, inbox.id);
            if (inbox.id == m_inbox)
                m_inboxes->setCurrentItem(item);
        }
    }
    // The forms keep what is being typed; only the choices follow.
    const qint64 owner = m_owner->currentData().toLongLong();
    m_owner->clear();
    m_owner->addItem(tr("No team"), 0);
    for (const Team &team : teams)
        m_owner->addItem(team.name, team.id);
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
    updateButtons();
}

void TeamsDialog::editTeam(qint64 id)
{
    m_team = id;
    Team team;
    for (const Team &t : m_session.cache().teams())
        if (t.id == id)
            team = t;
    m_teamName->setText(team.name);
    m_calendar = team.calendar;
    m_hours->setText(HoursEditor::describe(m_calendar));
    m_policy = team.sla;
    m_sla->setText(SlaEditor::describe(m_policy));
    m_members->clear();
    for (const Agent &agent : m_session.cache().agents()) {
        auto *item = new QListWidgetItem(agent.name, m_members);
        item->setData(Qt::UserRole, agent.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(team.members.contains(agent.id) ? Qt::Checked : Qt::Unchecked);
    }
    showError(m_teamError, {});
    updateButtons();
}

void TeamsDialog::editInbox(qint64 id)
{
    m_inbox = id;
    Inbox inbox;
    for (const Inbox &i : m_session.cache().inboxes())
        if (i.id == id)
            inbox = i;
    m_inboxName->setText(inbox.name);
    // Other channels need their own settings: only web chat inboxes are made here.
    m_channel->setText(ConversationDelegate::channelName(inbox.channel));
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(inbox.teamId)));
    showError(m_inboxError, {});
    updateButtons();
}

void TeamsDialog::saveTeam()
{
    const QString name = m_teamName->text().trimmed();
    if (name.isEmpty() || m_busy)
        return;
    Commands::SaveTeam command;
    if (m_team != 0)
        command.id = m_team;
    command.name = name;
    command.setsCalendar = true;
    command.calendar = m_calendar;
    command.setsSla = true;
    command.sla = m_policy;
    for (int row = 0; row < m_members->count(); ++row) {
        const QListWidgetItem *item = m_members->item(row);
        if (item->checkState() == Qt::Checked)
            command.members.append(item->data(Qt::UserRole).toLongLong());
    }
    m_busy = true;
    updateButtons();
    DeckRequest::send(m_session.sync(), Requests::saveTeam(command), this,
                      [this](const QJsonObject &data, const QString &error) {
                          m_busy = false;
                          showError(m_teamError, error);
                          if (error.isEmpty())
                              m_team = qint64(data.value(QLatin1String("team"))
                                                  .toObject()
                                                  .value(QLatin1String("id"))
                                                  .toDouble());
                          updateButtons();
                      });
}

void TeamsDialog::editHours()
{
    auto *editor = new HoursEditor(m_calendar, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        m_calendar = editor->calendar();
        m_hours->setText(HoursEditor::describe(m_calendar));
    });
    editor->open();
}

void TeamsDialog::editSla()
{
    auto *editor = new SlaEditor(m_policy, m_session.cache().inboxes(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        m_policy = editor->policy();
        m_sla->setText(SlaEditor::describe(m_policy));
    });
    editor->open();
}

void TeamsDialog::saveInbox()
{
    const QString name = m_inboxName->text().trimmed();
    if (name.isEmpty() || m_busy)
        return;
    Commands::SaveInbox command;
    if (m_inbox != 0)
        command.id = m_inbox;
    else
        command.channel = QStringLiteral("web");
    command.name = name;
    command.teamId = m_owner->currentData().toLongLong();
    m_busy = true;
    updateButtons();
    DeckRequest::send(m_session.sync(), Requests::saveInbox(command), this,
                      [this](const QJsonObject &data, const QString &error) {
                          m_busy = false;
                          showError(m_inboxError, error);
                          if (error.isEmpty())
                              m_inbox = qint64(data.value(QLatin1String("inbox"))
                                                   .toObject()
                                                   .value(QLatin1String("id"))
                                                   .toDouble());
                          updateButtons();
                      });
}

void TeamsDialog::showError(QLabel *where, const QString &text)
{
    where->setText(text);
    where->setVisible(!text.isEmpty());
}

void TeamsDialog::updateButtons()
{
    m_saveTeam->setEnabled(!m_busy && !m_teamName->text().trimmed().isEmpty());
    m_saveInbox->setEnabled(!m_busy && !m_inboxName->text().trimmed().isEmpty());
}

} // namespace Tandem
