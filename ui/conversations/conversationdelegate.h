// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/label.h"

#include <QHash>
#include <QStyledItemDelegate>

namespace Tandem {

//! One conversation as a three-line row: customer, priority and time; the last message (and
//! an unread count); where it stands, who has it, its inbox, and its labels in their
//! colours. Every row has the same height, so the list can use uniform item sizes and stay
//! fast with a very long inbox. Also draws message search results, which carry the same
//! roles.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! "12:40" today, "Mon 12:40" this week, a short date before that (and likewise ahead).
    static QString shortTime(const QDateTime &when, const QDateTime &now);
    //! A channel's name for people ("web" is "Web chat").
    static QString channelName(const QString &channel);
    //! The words for a priority level: "Urgent", "High"…; empty for none.
    static QString priorityName(int priority);
    //! Its colour in the list.
    static QColor priorityColour(int priority);

    //! What the rows name by id.
    void setLabels(const QList<Label> &labels);
    void setInboxNames(const QHash<qint64, QString> &names) { m_inboxNames = names; }
    //! Colleagues who have a conversation open (none: empty).
    void setViewers(qint64 conversationId, const QStringList &names);
    //! Without the third line (for found messages, which have no standing).
    void setTwoLines(bool twoLines) { m_twoLines = twoLines; }

private:
    QString standing(const QModelIndex &index) const;

    QHash<qint64, Label> m_labels;
    QHash<qint64, QString> m_inboxNames;
    QHash<qint64, QStringList> m_viewers;
    bool m_twoLines = false;
};

} // namespace Tandem
