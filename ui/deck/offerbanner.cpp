// SPDX-License-Identifier: GPL-3.0-or-later
#include "offerbanner.h"

#include "models/offersmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tandem {

OfferBanner::OfferBanner(const QModelIndex &row, QWidget *parent)
    : QFrame(parent)
    , m_row(row)
    , m_conversation(row.data(OffersModel::ConversationIdRole).toLongLong())
{
    setObjectName(QStringLiteral("offerBanner"));
    auto *title = new QLabel(tr("New live chat"));
    QFont small = title->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    title->setFont(small);
    title->setEnabled(false);
    m_name = new QLabel;
    m_name->setObjectName(QStringLiteral("offerName"));
    m_name->setTextFormat(Qt::PlainText);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("offerMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setMinimumWidth(120);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_countdown = new QLabel;
    m_countdown->setObjectName(QStringLiteral("offerCountdown"));
    m_countdown->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_countdown->setMinimumWidth(
        m_countdown->fontMetrics().horizontalAdvance(QStringLiteral("888 s")));
    m_progress = new QProgressBar;
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->setMaximumWidth(120);
    m_accept = new QPushButton(tr("Accept"));
    m_accept->setObjectName(QStringLiteral("acceptOffer"));
    m_accept->setToolTip(tr("Take this chat (Ctrl+Shift+A)"));
    m_decline = new QPushButton(tr("Decline"));
    m_decline->setObjectName(QStringLiteral("declineOffer"));
    m_decline->setToolTip(tr("Let a colleague take it (Ctrl+Shift+D)"));
    connect(m_accept, &QPushButton::clicked, this,
            [this] { Q_EMIT acceptRequested(m_conversation); });
    connect(m_decline, &QPushButton::clicked, this,
            [this] { Q_EMIT declineRequested(m_conversation); });

    auto *who = new QVBoxLayout;
    who->setSpacing(1);
    who->addWidget(title);
    who->addWidget(m_name);
    auto *timer = new QVBoxLayout;
    timer->setSpacing(2);
    timer->addWidget(m_countdown);
    timer->addWidget(m_progress);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 10, 8);
    layout->setSpacing(14);
    layout->addLayout(who);
    layout->addWidget(m_message, 1);
    layout->addLayout(timer);
    layout->addWidget(m_accept);
    layout->addWidget(m_decline);
    refresh();
}

void OfferBanner::refresh()
{
    if (!m_row.isValid())
        return;
    m_name->setText(m_row.data(OffersModel::CustomerNameRole).toString());
    const QString first = m_row.data(OffersModel::FirstMessageRole).toString();
    m_message->setText(first.isEmpty() ? tr("(no message yet)")
                                       : QStringLiteral("“%1”").arg(first.simplified()));
    m_message->setToolTip(first);
    const int left = m_row.data(OffersModel::RemainingSecondsRole).toInt();
    const int total = std::max(1, m_row.data(OffersModel::TimeoutSecondsRole).toInt());
    m_countdown->setText(tr("%1 s").arg(left));
    m_progress->setRange(0, total);
    m_progress->setValue(std::min(left, total));
}

void OfferBanner::setBusy(bool busy)
{
    m_accept->setEnabled(!busy);
    m_decline->setEnabled(!busy);
}

void OfferBanner::paintEvent(QPaintEvent *)
{
    // A warm tint of the palette's own colours: noticeable, in light and dark themes.
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor base = palette().color(QPalette::Window);
    const bool dark = base.lightness() < 128;
    const QColor fill = dark ? QColor(0x4a, 0x3b, 0x12) : QColor(0xff, 0xf4, 0xd6);
    const QColor border = dark ? QColor(0x8a, 0x6d, 0x1e) : QColor(0xe8, 0xc0, 0x5a);
    QPainterPath path;
    path.addRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 8, 8);
    p.fillPath(path, fill);
    p.setPen(QPen(border, 1));
    p.drawPath(path);
}

} // namespace Tandem
