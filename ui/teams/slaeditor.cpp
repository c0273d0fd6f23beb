// SPDX-License-Identifier: GPL-3.0-or-later
#include "slaeditor.h"

#include "conversations/slawords.h"
#include "protocol/limits.h"
#include "sla/slapolicyjson.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Tandem {
namespace {

enum Column { InboxColumn, PriorityColumn, FirstColumn, NextColumn, ResolutionColumn, Columns };

QString priorityName(int level)
{
    switch (level) {
    case 0:
        return SlaEditor::tr("No priority");
    case 1:
        return SlaEditor::tr("Low");
    case 2:
        return SlaEditor::tr("Medium");
    case 3:
        return SlaEditor::tr("High");
    default:
        return SlaEditor::tr("Urgent");
    }
}

//! Minutes, 0 for no target (shown as "none").
QSpinBox *minutesBox(qint64 seconds)
{
    auto *box = new QSpinBox;
    box->setRange(0, SlaPolicyJson::MaxTargetMinutes);
    box->setSuffix(SlaEditor::tr(" min"));
    box->setSpecialValueText(SlaEditor::tr("none"));
    box->setValue(int(seconds / 60));
    return box;
}

} // namespace

SlaEditor::SlaEditor(const std::optional<SlaPolicy> &policy, const QList<Inbox> &inboxes,
                     QWidget *parent)
    : QDialog(parent)
    , m_inboxes(inboxes)
{
    setWindowTitle(tr("Service Level Agreement"));
    m_rules = new QTableWidget(0, Columns);
    m_rules->setObjectName(QStringLiteral("slaRules"));
    m_rules->setHorizontalHeaderLabels(
        {tr("Inbox"), tr("Priority"), tr("First reply"), tr("Next reply"), tr("Resolution")});
    m_rules->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rules->verticalHeader()->hide();
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->setMinimumWidth(640);

    auto *add = new QPushButton(tr("Add Rule"));
    add->setAutoDefault(false);
    connect(add, &QPushButton::clicked, this, [this] {
        addRule(SlaRule{std::nullopt, std::nullopt, {3600, 4 * 3600, 0}});
    });
    auto *remove = new QPushButton(tr("Remove"));
    remove->setAutoDefault(false);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_rules->currentRow();
        if (row >= 0)
            m_rules->removeRow(row);
    });
    m_warn = new QSpinBox;
    m_warn->setObjectName(QStringLiteral("slaWarnAt"));
    m_warn->setRange(1, 99);
    m_warn->setSuffix(QStringLiteral(" %"));
    m_warn->setValue(policy ? policy->warnPercent : 80);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *explanation = new QLabel(
        tr("Targets count business time only, and pause while a conversation is pending, "
           "snoozed or resolved. A conversation follows its most specific rule: inbox and "
           "priority, then inbox, then priority, then the rule for any."));
    explanation->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    auto *warnRow = new QFormLayout;
    warnRow->addRow(tr("At risk after:"), m_warn);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_rules);
    layout->addLayout(row);
    layout->addLayout(warnRow);
    layout->addWidget(buttons);

    if (policy)
        for (const SlaRule &rule : policy->rules)
            addRule(rule);
}

void SlaEditor::addRule(const SlaRule &rule)
{
    const int row = m_rules->rowCount();
    m_rules->insertRow(row);
    auto *inbox = new QComboBox;
    inbox->addItem(tr("Any inbox"), 0);
    for (const Inbox &i : std::as_const(m_inboxes))
        inbox->addItem(i.name, i.id);
    inbox->setCurrentIndex(std::max(0, inbox->findData(rule.inboxId.value_or(0))));
    auto *priority = new QComboBox;
    priority->addItem(tr("Any priority"), -1);
    for (int level = 0; level <= Protocol::MaxPriority; ++level)
        priority->addItem(priorityName(level), level);
    priority->setCurrentIndex(std::max(0, priority->findData(rule.priority.value_or(-1))));
    m_rules->setCellWidget(row, InboxColumn, inbox);
    m_rules->setCellWidget(row, PriorityColumn, priority);
    m_rules->setCellWidget(row, FirstColumn, minutesBox(rule.targets.firstReply));
    m_rules->setCellWidget(row, NextColumn, minutesBox(rule.targets.nextReply));
    m_rules->setCellWidget(row, ResolutionColumn, minutesBox(rule.targets.resolution));
}

std::optional<SlaPolicy> SlaEditor::policy() const
{
    SlaPolicy policy;
    policy.warnPercent = m_warn->value();
    QSet<QPair<qint64, int>> seen; // the first of two rules for the same pair wins
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        const auto value = [this, row](int column) {
            return qobject_cast<QSpinBox *>(m_rules->cellWidget(row, column))->value() * qint64(60);
        };
        SlaRule rule;
        const qint64 inbox = qobject_cast<QComboBox *>(m_rules->cellWidget(row, InboxColumn))
                                 ->currentData()
                                 .toLongLong();
        const int level = qobject_cast<QComboBox *>(m_rules->cellWidget(row, PriorityColumn))
                              ->currentData()
                              .toInt();
        if (inbox)
            rule.inboxId = inbox;
        if (level >= 0)
            rule.priority = level;
        rule.targets = {value(FirstColumn), value(NextColumn), value(ResolutionColumn)};
        if (rule.targets.isEmpty() || seen.contains({inbox, level}))
            continue;
        seen.insert({inbox, level});
        policy.rules.append(rule);
    }
    if (policy.rules.isEmpty())
        return std::nullopt;
    return policy;
}

QString SlaEditor::describe(const std::optional<SlaPolicy> &policy)
{
    if (!policy || policy->rules.isEmpty())
        return tr("No SLA");
    // The rule for any conversation first, if there is one.
    SlaRule shown = policy->rules.first();
    for (const SlaRule &rule : policy->rules)
        if (!rule.inboxId && !rule.priority)
            shown = rule;
    QStringList parts;
    if (shown.targets.firstReply)
        parts << tr("first reply %1").arg(SlaWords::duration(shown.targets.firstReply));
    if (shown.targets.nextReply)
        parts << tr("next reply %1").arg(SlaWords::duration(shown.targets.nextReply));
    if (shown.targets.resolution)
        parts << tr("resolution %1").arg(SlaWords::duration(shown.targets.resolution));
    QString text = parts.join(QStringLiteral(", "));
    if (policy->rules.size() > 1)
        text += policy->rules.size() == 2 ? tr("; 1 more rule")
                                          : tr("; %1 more rules").arg(policy->rules.size() - 1);
    return text;
}

} // namespace Tandem
