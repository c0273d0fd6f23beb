// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/team.h"

#include <QDialog>
#include <optional>

class QSpinBox;
class QTableWidget;

namespace Tandem {

//! A team's SLA policy, edited by a supervisor (docs/protocol.md, "SLA"): rules of targets
//! (first reply, next reply, resolution, in minutes of business time) for an inbox and a
//! priority, or any, and the share of a target after which a conversation is at risk.
class SlaEditor : public QDialog
{
    Q_OBJECT
public:
    SlaEditor(const std::optional<SlaPolicy> &policy, const QList<Inbox> &inboxes,
              QWidget *parent = nullptr);

    //! What the form says; none: no rule with a target (the team has no SLA).
    std::optional<SlaPolicy> policy() const;
    //! Adds a rule row (the form's Add button; tests fill the form with it).
    void addRule(const SlaRule &rule);
    QTableWidget *rules() const { return m_rules; }

    //! One line about a policy for a form: "First reply 1 h, resolution 2 d; 2 more rules".
    static QString describe(const std::optional<SlaPolicy> &policy);

private:
    QList<Inbox> m_inboxes;
    QTableWidget *m_rules = nullptr;
    QSpinBox *m_warn = nullptr;
};

} // namespace Tandem
