// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calendar/businesscalendar.h"
#include "sla/slapolicy.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Tandem {

class AgentSession;

//! Supervisors and admins keep the teams and inboxes here (docs/protocol.md, "Inboxes and
//! teams"): a team's name and members; an inbox's name and the team that answers it (a new
//! one is a web chat inbox). Both lists follow the cache, so a colleague's change shows at
//! once; the server's refusals are shown under the form.
class TeamsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TeamsDialog(AgentSession &session, QWidget *parent = nullptr);

private:
    QWidget *teamsPage();
    QWidget *inboxesPage();
    void reload();
    void editTeam(qint64 id);
    void editInbox(qint64 id);
    void saveTeam();
    void editHours();
    void editSla();
    void saveInbox();
    void showError(QLabel *where, const QString &text);
    void updateButtons();

    AgentSession &m_session;
    QListWidget *m_teams = nullptr;
    QLineEdit *m_teamName = nullptr;
    QListWidget *m_members = nullptr;
    QPushButton *m_saveTeam = nullptr;
    QLabel *m_teamError = nullptr;
    QLabel *m_hours = nullptr;
    std::optional<BusinessCalendar> m_calendar; // the form's business hours
    QLabel *m_sla = nullptr;
    std::optional<SlaPolicy> m_policy; // the form's SLA policy
    qint64 m_team = 0;                 // the team in the form; 0: a new one

    QListWidget *m_inboxes = nullptr;
    QLineEdit *m_inboxName = nullptr;
    QLabel *m_channel = nullptr;
    QComboBox *m_owner = nullptr;
    QPushButton *m_saveInbox = nullptr;
    QLabel *m_inboxError = nullptr;
    qint64 m_inbox = 0; // the inbox in the form; 0: a new one
    bool m_busy = false;
};

} // namespace Tandem
