// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/messagelistmodel.h"

#include <QStyledItemDelegate>

namespace Tandem {

//! A message as a bubble: the customer's on the left, the team's on the right, each with
//! its author and time, and for the team's replies whether they are still being sent, sent,
//! or failed. Heights follow the text, wrapped to the view's width.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! The words under a reply: "Sending…", "Sent", "Not sent".
    static QString stateText(MessageListModel::State state);
    //! Under an agent's message: sending, not sent, or how far it got to the customer, and
    //! how many files an email carries.
    static QString footerText(const QModelIndex &index);
    static bool footerIsTrouble(const QModelIndex &index);
    //! Under a message that came by email: "Email: Subject · 2 attachments · double-click to
    //! open" (empty for any other).
    static QString emailText(const QModelIndex &index);
    //! Who wrote it, with "You" standing in for a reply whose author is not known yet.
    static QString authorText(const QModelIndex &index);
    //! A line of the timeline as the thread shows it, with its time.
    static QString activityText(const QModelIndex &index);

private:
    static QString deliveryText(const QModelIndex &index);
    //! Files a message's `email` lists, inline images not counted.
    static int attachmentCount(const QVariantMap &email);

    struct Layout {
        QRect bubble;
        QRect header;
        QRect text;
        QRect footer;
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
};

} // namespace Tandem
