// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QWidget>

class QMenu;
class QPushButton;
class QToolButton;

namespace Tandem {

class AgentSession;
struct ConversationSummary;
namespace Requests {
struct Request;
}

//! What an agent does to the open conversation besides answering: take it, assign it,
//! label it, say how urgent it is, set it pending, snooze it (presets or until the customer
//! writes) and resolve or reopen it (docs/protocol.md, "Statuses", "Assignment", "Labels
//! and priority"). Each is one request to the server;
//! while offline the buttons say they need the connection.
class ConversationActions : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationActions(AgentSession &session, QWidget *parent = nullptr);

    void setConversation(const ConversationSummary &summary);
    void clear();

    //! The snooze presets from `now`, in local time: in an hour, tomorrow 9:00, next Monday
    //! 9:00.
    static QList<std::pair<QString, QDateTime>> snoozePresets(const QDateTime &now);

    //! Sends `status` (`until`: a snooze's end; invalid: until the customer writes).
    void setStatus(const QString &status, const QDateTime &until = {});
    //! Assigns to `agentId` (0: nobody); over their capacity, asks first.
    void assignTo(qint64 agentId, bool force = false);
    //! Puts label `labelId` on (or takes it off).
    void setLabel(qint64 labelId, bool on);
    void setPriority(int priority);
    //! Merges the open conversation into `intoId` (the customer's other one).
    void mergeInto(qint64 intoId);
    //! Undoes the merge of `fromId` (within the server's window).
    void undoMerge(qint64 fromId);
    //! For the keyboard: the same as the buttons, when they are enabled.
    void take();
    void setPendingNow();
    void toggleResolved();
    //! Opens the menu of the button named `objectName` ("assign", "label", "priority",
    //! "snooze", "merge") under it.
    void openMenu(const QString &objectName);

Q_SIGNALS:
    //! The server refused (or could not be asked); for people.
    void failed(const QString &why);
    //! `fromId` went into `intoId`; it can be undone until `undoUntil`.
    void merged(qint64 fromId, qint64 intoId, const QDateTime &undoUntil);
    //! The merge of `fromId` was undone.
    void unmerged(qint64 fromId);

private:
    void updateEnabled();
    void fillAssignMenu();
    void fillLabelMenu();
    void fillPriorityMenu();
    void fillMergeMenu();
    //! Sends `request`; a refusal becomes failed().
    void send(const Requests::Request &request);

    AgentSession &m_session;
    qint64 m_conversation = 0;
    QString m_status;
    qint64 m_assignee = 0;
    bool m_liveUnderWay = false;
    QList<qint64> m_labels;
    int m_priorityLevel = 0;
    QPushButton *m_take = nullptr;
    QToolButton *m_assign = nullptr;
    QMenu *m_assignMenu = nullptr;
    QToolButton *m_label = nullptr;
    QMenu *m_labelMenu = nullptr;
    QToolButton *m_priority = nullptr;
    QToolButton *m_merge = nullptr;
    QMenu *m_mergeMenu = nullptr;
    QMenu *m_priorityMenu = nullptr;
    QPushButton *m_pending = nullptr;
    QToolButton *m_snooze = nullptr;
    QPushButton *m_resolve = nullptr;
};

} // namespace Tandem
