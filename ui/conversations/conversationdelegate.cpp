// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationdelegate.h"
#include "slawords.h"

#include "models/conversationlistmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <cstdlib>

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
    const qint64 days = std::abs(local.date().daysTo(now.toLocalTime().date()));
    if (days == 0)
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (days < 7)
        return locale.toString(local, QStringLiteral("ddd "))
               + locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local.date(), QLocale::ShortFormat);
}

QString ConversationDelegate::channelName(const QString &channel)
{
    if (channel == QLatin1String("web"))
        return tr("Web chat");
    if (channel == QLatin1String("email"))
        return tr("Email");
    if (channel == QLatin1String("whatsapp"))
        return QStringLiteral("WhatsApp");
    if (channel == QLatin1String("telegram"))
        return QStringLiteral("Telegram");
    return channel;
}

QString ConversationDelegate::priorityName(int priority)
{
    switch (priority) {
    case Priority::Low:
        return tr("Low");
    case Priority::Medium:
        return tr("Medium");
    case Priority::High:
        return tr("High");
    case Priority::Urgent:
        return tr("Urgent");
    default:
        return {};
    }
}

QColor ConversationDelegate::priorityColour(int priority)
{
    switch (priority) {
    case Priority::Low:
        return QColor(0x6b, 0x72, 0x80);
    case Priority::Medium:
        return QColor(0xca, 0x8a, 0x04);
    case Priority::High:
        return QColor(0xea, 0x58, 0x0c);
    default:
        return QColor(0xdc, 0x26, 0x26);
    }
}

void ConversationDelegate::setViewers(qint64 conversationId, const QStringList &names)
{
    if (names.isEmpty())
        m_viewers.remove(conversationId);
    else
        m_viewers.insert(conversationId, names);
}

void ConversationDelegate::setLabels(const QList<Label> &labels)
{
    m_labels.clear();
    for (const Label &label : labels)
        m_labels.insert(label.id, label);
}

QString ConversationDelegate::standing(const QModelIndex &index) const
{
    using M = ConversationListModel;
    QStringList parts;
    const QString status = index.data(M::StatusRole).toString();
    const QString live = index.data(M::LiveStateRole).toString();
    const QDateTime until = index.data(M::SnoozedUntilRole).toDateTime();
    if (live == QLatin1String("queued"))
        parts << tr("Live chat, waiting");
    else if (live == QLatin1String("active"))
        parts << tr("Live chat");
    else if (status == ConversationStatus::Snoozed)
        parts << (until.isValid()
                      ? tr("Snoozed until %1").arg(shortTime(until, QDateTime::currentDateTime()))
                      : tr("Snoozed until they write"));
    else if (status == ConversationStatus::Pending)
        parts << tr("Pending");
    else if (status == ConversationStatus::Resolved)
        parts << tr("Resolved");
    else if (index.data(M::WokeBecauseRole).toString() == QLatin1String("customer"))
        parts << tr("Open: the customer wrote");
    else if (index.data(M::WokeBecauseRole).toString() == QLatin1String("time"))
        parts << tr("Open: snooze ran out");
    else
        parts << tr("Open");
    const QString assignee = index.data(M::AssigneeNameRole).toString();
    parts << (assignee.isEmpty() ? tr("Unassigned") : assignee);
    const QString inbox = m_inboxNames.value(index.data(M::InboxIdRole).toLongLong());
    if (!inbox.isEmpty())
        parts << inbox;
    const int waiting = index.data(M::PendingActionsRole).toInt();
    if (waiting > 0)
        parts << (waiting == 1 ? tr("1 change waiting to be sent")
                               : tr("%1 changes waiting to be sent").arg(waiting));
    const QStringList viewers = m_viewers.value(index.data(M::IdRole).toLongLong());
    if (!viewers.isEmpty())
        parts.prepend(tr("%1 here").arg(viewers.join(QStringLiteral(", "))));
    return parts.join(QStringLiteral(" · "));
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // Independent of the row's data: uniformItemSizes asks only the first row.
    const QFontMetrics bold(boldFont(option.font));
    const QFontMetrics normal(option.font);
    return {200, Margin * 2 + bold.height() + (m_twoLines ? 1 : 2) * (LineGap + normal.height())};
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
    painter->setRenderHint(QPainter::Antialiasing);
    // First line: who, how urgent, and when the conversation last moved.
    int timeWidth = metrics.horizontalAdvance(time);
    painter->setFont(option.font);
    painter->setPen(dim);
    const QRect firstLine(area.left(), area.top(), area.width(), boldMetrics.height());
    painter->drawText(firstLine, Qt::AlignRight | Qt::AlignVCenter, time);
    const int priority = index.data(ConversationListModel::PriorityRole).toInt();
    if (priority > 0 && index.data(ConversationListModel::ModeRole) != QLatin1String("live")) {
        const QString level = priorityName(priority);
        const int width = metrics.horizontalAdvance(level) + metrics.height() / 2;
        const QRect pill(firstLine.right() - timeWidth - Margin / 2 - width,
                         firstLine.top() + (firstLine.height() - metrics.height()) / 2, width,
                         metrics.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(priorityColour(priority));
        painter->drawRoundedRect(pill, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, level);
        timeWidth += width + Margin / 2;
    }
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

    if (m_twoLines) {
        painter->restore();
        return;
    }
    // Third line: its labels from the right, and where it stands in what room is left.
    QRect thirdLine(area.left(), secondLine.bottom() + 1 + LineGap, area.width(), metrics.height());
    int right = thirdLine.right();
    const QVariantList labels = index.data(ConversationListModel::LabelsRole).toList();
    for (auto it = labels.crbegin(); it != labels.crend(); ++it) {
        const auto label = m_labels.constFind(it->toLongLong());
        if (label == m_labels.cend())
            continue; // deleted meanwhile
        const QString name = metrics.elidedText(label->name, Qt::ElideRight, 120);
        const int width = metrics.horizontalAdvance(name) + metrics.height() / 2;
        if (right - width < thirdLine.left() + thirdLine.width() / 3)
            break; // no room for more: where it stands matters as much
        const QRect chip(right - width + 1, thirdLine.top(), width, metrics.height());
        const QColor colour(label->colour);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(chip, 3, 3);
        painter->setPen(colour.lightness() > 150 ? QColor(Qt::black) : QColor(Qt::white));
        painter->drawText(chip, Qt::AlignCenter, name);
        right -= width + 4;
    }
    thirdLine.setRight(right - Margin / 2);
    // Its SLA clock first, red once breached, amber when at risk.
    using M = ConversationListModel;
    const QString sla = SlaWords::brief(index.data(M::SlaKindRole).toString(),
                                        index.data(M::SlaStateRole).toString(),
                                        index.data(M::SlaRemainingRole).toLongLong());
    if (!sla.isEmpty()) {
        const bool breached = index.data(M::SlaStateRole).toString() == QLatin1String("breached");
        const QString shown = metrics.elidedText(sla, Qt::ElideRight, thirdLine.width() / 2);
        painter->setPen(breached                                ? QColor(0xc6, 0x28, 0x28)
                        : index.data(M::SlaAtRiskRole).toBool() ? QColor(0xb2, 0x6a, 0x00)
                                                                : dim);
        painter->drawText(thirdLine, Qt::AlignLeft | Qt::AlignVCenter, shown);
        thirdLine.setLeft(thirdLine.left() + metrics.horizontalAdvance(shown));
    }
    painter->setPen(dim);
    const QString rest = sla.isEmpty() ? standing(index) : QStringLiteral(" · ") + standing(index);
    painter->drawText(thirdLine, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(rest, Qt::ElideRight, thirdLine.width()));
    painter->restore();
}

} // namespace Tandem
