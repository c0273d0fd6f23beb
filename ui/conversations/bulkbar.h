// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace Tandem {

class AgentSession;
class ConversationListView;

//! Shown above the list while several conversations are selected (Ctrl- or Shift-click):
//! assign, label, snooze or resolve them all at once. Each is one request per
//! conversation; what the server refused is said, with how many went through.
class BulkBar : public QWidget
{
    Q_OBJECT
public:
    BulkBar(AgentSession &session, ConversationListView &list, QWidget *parent = nullptr);

    //! The selected conversations, as the list shows them.
    QList<qint64> selection() const;
    QLabel *summary() const { return m_summary; }

    void assignTo(qint64 agentId);
    void addLabel(qint64 labelId);
    void setStatus(const QString &status, const QDateTime &until = {});

private:
    void update();
    //! Sends `make(id)` for every selected conversation and reports how it went.
    template<typename Make> void forEach(const QString &done, Make make);

    AgentSession &m_session;
    ConversationListView &m_list;
    QLabel *m_summary = nullptr;
    QToolButton *m_assign = nullptr;
    QToolButton *m_label = nullptr;
    QToolButton *m_snooze = nullptr;
    QPushButton *m_resolve = nullptr;
};

} // namespace Tandem
