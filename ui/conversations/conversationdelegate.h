// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Tandem {

//! One conversation as a two-line row: customer and time, then the last message (and an
//! unread count). Every row has the same height, so the list can use uniform item sizes
//! and stay fast with a very long inbox. Also draws message search results, which carry
//! the same roles.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! "12:40" today, "Mon 12:40" this week, a short date before that.
    static QString shortTime(const QDateTime &when, const QDateTime &now);
};

} // namespace Tandem
