// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationdelegate.h"

#include "models/conversationlistmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace Tandem {
namespace {
constexpr int Margin = 10;
constexpr int LineGap = 3;

QFont boldFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    return f;
}
} // namespace

QString ConversationDelegate::shortTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    const qint64 days = local.date().daysTo(now.toLocalTime().date());
    if (days == 0)
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (days > 0 && days < 7)
        return locale.toString(local, QStringLiteral("ddd "))
               + locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // Independent of the row's data: uniformItemSizes asks only the first row.
    const QFontMetrics bold(boldFont(option.font));
    const QFontMetrics normal(option.font);
    return {200, Margin * 2 + bold.height() + LineGap + normal.height()};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The selection and hover background, as the platform draws it; the text is ours.
    opt.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.6);

    const QString name = index.data(ConversationListModel::CustomerNameRole).toString();
    const QString last = index.data(ConversationListModel::LastTextRole).toString().simplified();
    const bool fromCustomer = index.data(ConversationListModel::LastAuthorIsCustomerRole).toBool();
    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    const QString time = shortTime(index.data(ConversationListModel::UpdatedAtRole).toDateTime(),
                                   QDateTime::currentDateTime());

    const QFont bold = boldFont(option.font);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(option.font);
    const QRect area = option.rect.adjusted(Margin, Margin, -Margin, -Margin);

    painter->save();
    // First line: who, and when the conversation last moved.
    const int timeWidth = metrics.horizontalAdvance(time);
    painter->setFont(option.font);
    painter->setPen(dim);
    const QRect firstLine(area.left(), area.top(), area.width(), boldMetrics.height());
    painter->drawText(firstLine, Qt::AlignRight | Qt::AlignVCenter, time);
    painter->setFont(unread > 0 ? bold : option.font);
    painter->setPen(text);
    painter->drawText(firstLine.adjusted(0, 0, -timeWidth - Margin, 0),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(name.isEmpty() ? tr("Customer") : name, Qt::ElideRight,
                                             firstLine.width() - timeWidth - Margin));

    // Second line: the last message, and an unread badge at its end.
    QRect secondLine(area.left(), firstLine.bottom() + 1 + LineGap, area.width(), metrics.height());
    if (unread > 0) {
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const int badgeWidth =
            std::max(metrics.height(), metrics.horizontalAdvance(count) + metrics.height() / 2);
        const QRect badge(secondLine.right() - badgeWidth + 1, secondLine.top(), badgeWidth,
                          metrics.height());
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? option.palette.color(group, QPalette::HighlightedText)
                                   : QColor(0x2f, 0x80, 0xed));
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setFont(bold);
        painter->setPen(selected ? option.palette.color(group, QPalette::Highlight)
                                 : QColor(Qt::white));
        painter->drawText(badge, Qt::AlignCenter, count);
        secondLine.setRight(badge.left() - Margin);
    }
    const QString preview = fromCustomer || last.isEmpty() ? last : tr("Team: %1").arg(last);
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(secondLine, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(preview, Qt::ElideRight, secondLine.width()));
    painter->restore();
}

} // namespace Tandem
