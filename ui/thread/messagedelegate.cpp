// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedelegate.h"

#include "activitytext.h"

#include "conversations/conversationdelegate.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

namespace Tandem {
namespace {
constexpr int Margin = 6;     // around a bubble
constexpr int Padding = 9;    // inside a bubble
constexpr int Gap = 3;        // between header, text and footer
constexpr int SideSpace = 14; // from the view's edge

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    return f;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

MessageListModel::State stateOf(const QModelIndex &index)
{
    return index.data(MessageListModel::StateRole).value<MessageListModel::State>();
}

bool isActivity(const QModelIndex &index)
{
    return index.data(MessageListModel::KindRole).toString() == QLatin1String("activity");
}

bool isNote(const QModelIndex &index)
{
    return index.data(MessageListModel::KindRole).toString() == QLatin1String("note");
}

int viewWidth(const QStyleOptionViewItem &option)
{
    // sizeHint gets no useful rect from QListView; the viewport is what the text wraps to.
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 400;
}
} // namespace

QString MessageDelegate::stateText(MessageListModel::State state)
{
    switch (state) {
    case MessageListModel::State::Sending:
        return tr("Sending…");
    case MessageListModel::State::Sent:
        return tr("Sent");
    case MessageListModel::State::Failed:
        return tr("Not sent");
    }
    return {};
}

QString MessageDelegate::emailText(const QModelIndex &index)
{
    const QVariantMap email = index.data(MessageListModel::EmailRole).toMap();
    if (email.isEmpty())
        return {};
    const QString subject = email.value(QStringLiteral("subject")).toString();
    const int files = attachmentCount(email);
    QString text = subject.isEmpty() ? tr("Email") : tr("Email: %1").arg(subject);
    if (files)
        text += QStringLiteral(" · ") + tr("%n attachment(s)", nullptr, files);
    return text + QStringLiteral(" · ") + tr("double-click to open");
}

int MessageDelegate::attachmentCount(const QVariantMap &email)
{
    int files = 0;
    for (const QVariant &f : email.value(QStringLiteral("attachments")).toList())
        files += f.toMap().value(QStringLiteral("inline")).toBool() ? 0 : 1;
    return files;
}

QString MessageDelegate::footerText(const QModelIndex &index)
{
    if (!index.data(MessageListModel::AuthorIsAgentRole).toBool() && !isNote(index))
        return emailText(index); // a customer's: what came with it
    const QString state = deliveryText(index);
    // What an agent's email carries, beside how far it got.
    const int files = attachmentCount(index.data(MessageListModel::EmailRole).toMap());
    return files ? state + QStringLiteral(" · ") + tr("%n attachment(s)", nullptr, files) : state;
}

QString MessageDelegate::deliveryText(const QModelIndex &index)
{
    const MessageListModel::State state = stateOf(index);
    if (state != MessageListModel::State::Sent)
        return stateText(state);
    // Saved on the server; then how far it got to the customer.
    const QString delivery = index.data(MessageListModel::DeliveryRole).toString();
    if (delivery == QLatin1String("queued"))
        return tr("Waiting to go out");
    if (delivery == QLatin1String("delivered"))
        return tr("Delivered");
    if (delivery == QLatin1String("read"))
        return tr("Read");
    if (delivery == QLatin1String("failed")) {
        const QString why = index.data(MessageListModel::DeliveryErrorRole).toString();
        return why.isEmpty() ? tr("Not delivered") : tr("Not delivered: %1").arg(why);
    }
    return tr("Sent");
}

bool MessageDelegate::footerIsTrouble(const QModelIndex &index)
{
    return stateOf(index) == MessageListModel::State::Failed
           || index.data(MessageListModel::DeliveryRole).toString() == QLatin1String("failed");
}

QString MessageDelegate::authorText(const QModelIndex &index)
{
    QString name = index.data(MessageListModel::AuthorNameRole).toString();
    if (name.isEmpty())
        name =
            index.data(MessageListModel::AuthorIsAgentRole).toBool() ? tr("You") : tr("Customer");
    // A private note says so where the eye starts: the customer never sees it.
    return isNote(index) ? tr("Note · %1 (only the team sees it)").arg(name) : name;
}

QString MessageDelegate::activityText(const QModelIndex &index)
{
    const QString who =
        index.data(MessageListModel::AuthorKindRole).toString() == QLatin1String("system")
            ? QString()
            : index.data(MessageListModel::AuthorNameRole).toString();
    const QString line =
        ActivityText::describe(index.data(MessageListModel::ActivityRole).toMap(), who,
                               index.data(MessageListModel::TextRole).toString());
    return tr("%1 · %2").arg(line, ConversationDelegate::shortTime(
                                       index.data(MessageListModel::CreatedAtRole).toDateTime(),
                                       QDateTime::currentDateTime()));
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index, int width) const
{
    if (isActivity(index)) {
        // A line of the timeline: centred, small, no bubble.
        const QFontMetrics metrics(smallFont(option.font));
        const QRect bounds =
            metrics.boundingRect(QRect(0, 0, std::max(120, width - 4 * SideSpace), 1 << 20),
                                 Qt::AlignHCenter | Qt::TextWordWrap, activityText(index));
        Layout l;
        l.text = QRect((width - bounds.width()) / 2, Margin, bounds.width(), bounds.height());
        l.bubble = l.text;
        return l;
    }
    const bool mine = index.data(MessageListModel::AuthorIsAgentRole).toBool() || isNote(index);
    const QFont small = smallFont(option.font);
    const QFontMetrics smallMetrics(small);
    const QFontMetrics metrics(option.font);
    QFont bold = small;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);

    const int maxBubble = std::max(120, (width - 2 * SideSpace) * 3 / 4);
    const int maxText = maxBubble - 2 * Padding;
    const QString text = index.data(MessageListModel::TextRole).toString();
    const QRect textBounds = metrics.boundingRect(QRect(0, 0, maxText, 1 << 20),
                                                  Qt::TextWordWrap | Qt::TextExpandTabs, text);
    const QString time = ConversationDelegate::shortTime(
        index.data(MessageListModel::CreatedAtRole).toDateTime(), QDateTime::currentDateTime());
    const int headerWidth = boldMetrics.horizontalAdvance(authorText(index)) + Padding
                            + smallMetrics.horizontalAdvance(time);
    const bool footer =
        (mine && (!isNote(index) || stateOf(index) != MessageListModel::State::Sent))
        || (!mine && !emailText(index).isEmpty());
    const int footerWidth = footer ? smallMetrics.horizontalAdvance(footerText(index)) : 0;
    const int innerWidth =
        std::min(maxText, std::max({textBounds.width(), headerWidth, footerWidth}));

    Layout l;
    const int headerHeight = boldMetrics.height();
    const int footerHeight = footer ? smallMetrics.height() + Gap : 0;
    const int bubbleHeight =
        Padding + headerHeight + Gap + textBounds.height() + footerHeight + Padding;
    const int bubbleWidth = innerWidth + 2 * Padding;
    const int left = mine ? width - SideSpace - bubbleWidth : SideSpace;
    l.bubble = QRect(left, Margin, bubbleWidth, bubbleHeight);
    l.header = QRect(left + Padding, Margin + Padding, innerWidth, headerHeight);
    l.text = QRect(left + Padding, l.header.bottom() + 1 + Gap, innerWidth, textBounds.height());
    l.footer = QRect(left + Padding, l.text.bottom() + 1 + Gap, innerWidth, smallMetrics.height());
    return l;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = viewWidth(option);
    const Layout l = layoutFor(option, index, width);
    return {width, l.bubble.height() + 2 * Margin};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout base = layoutFor(option, index, viewWidth(option));
    const QPoint offset = option.rect.topLeft();
    if (isActivity(index)) {
        painter->save();
        QColor dim = option.palette.color(QPalette::Text);
        dim.setAlphaF(0.6);
        QFont font = smallFont(option.font);
        font.setItalic(true);
        painter->setFont(font);
        painter->setPen(dim);
        painter->drawText(base.text.translated(offset), Qt::AlignHCenter | Qt::TextWordWrap,
                          activityText(index));
        painter->restore();
        return;
    }
    const bool note = isNote(index);
    const bool mine = index.data(MessageListModel::AuthorIsAgentRole).toBool() || note;
    const MessageListModel::State state = stateOf(index);
    const QPalette &pal = option.palette;

    const QColor baseColor = pal.color(QPalette::Base);
    const QColor textColor = pal.color(QPalette::Text);
    // Tints from the palette, so a dark theme gets dark bubbles without a version check.
    QColor fill = note   ? mix(baseColor, QColor(0xf2, 0xb7, 0x05), 0.22)
                  : mine ? mix(baseColor, pal.color(QPalette::Highlight), 0.18)
                         : mix(baseColor, textColor, 0.07);
    if (state == MessageListModel::State::Sending)
        fill = mix(fill, baseColor, 0.5);
    QColor dim = textColor;
    dim.setAlphaF(0.6);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(base.bubble.translated(offset)), 10, 10);
    painter->fillPath(bubble, fill);
    if (option.state & QStyle::State_Selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 1.5));
        painter->drawPath(bubble);
    } else if (state == MessageListModel::State::Sending) {
        painter->setPen(QPen(mix(fill, textColor, 0.25), 1, Qt::DashLine));
        painter->drawPath(bubble);
    }

    const QFont small = smallFont(option.font);
    QFont bold = small;
    bold.setBold(true);
    const QRect header = base.header.translated(offset);
    painter->setFont(bold);
    painter->setPen(textColor);
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, authorText(index));
    painter->setFont(small);
    painter->setPen(dim);
    painter->drawText(
        header, Qt::AlignRight | Qt::AlignVCenter,
        ConversationDelegate::shortTime(index.data(MessageListModel::CreatedAtRole).toDateTime(),
                                        QDateTime::currentDateTime()));

    painter->setFont(option.font);
    painter->setPen(textColor);
    painter->drawText(base.text.translated(offset), Qt::TextWordWrap | Qt::TextExpandTabs,
                      index.data(MessageListModel::TextRole).toString());

    if ((mine && (!note || state != MessageListModel::State::Sent))
        || (!mine && !emailText(index).isEmpty())) {
        painter->setFont(small);
        QColor stateColor = dim;
        if (footerIsTrouble(index))
            stateColor = QColor(0xc6, 0x28, 0x28);
        painter->setPen(stateColor);
        const QRect footer = base.footer.translated(offset);
        painter->drawText(
            footer, (mine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
            painter->fontMetrics().elidedText(footerText(index), Qt::ElideMiddle, footer.width()));
    }
    painter->restore();
}

} // namespace Tandem
