// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace Tandem {

class AgentSession;

//! Supervisors keep the labels here: a name and a colour each (docs/protocol.md, "Labels
//! and priority"). The list follows the cache, so a colleague's change shows at once.
class LabelsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LabelsDialog(AgentSession &session, QWidget *parent = nullptr);

    //! The colours offered; the first is a new label's.
    static QStringList palette();

private:
    void reload();
    void startNew();
    void edit(qint64 id);
    void save();
    void remove();
    void setColour(const QString &colour);
    void showError(const QString &text);
    void updateButtons();

    AgentSession &m_session;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QToolButton *m_colour = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_error = nullptr;
    qint64 m_editing = 0;
    QString m_chosenColour;
    bool m_busy = false;
};

} // namespace Tandem
