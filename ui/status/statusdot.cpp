// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusdot.h"

#include <QPainter>
#include <QPixmap>

namespace Tandem {
namespace {
void paintDot(QPainter &p, const QRectF &r, const QColor &color)
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color.darker(130), 1));
    p.setBrush(color);
    p.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
}
} // namespace

StatusDot::StatusDot(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void StatusDot::setColor(const QColor &color)
{
    if (color != m_color) {
        m_color = color;
        update();
    }
}

QSize StatusDot::sizeHint() const
{
    const int side = fontMetrics().height() * 2 / 3;
    return {side, side};
}

void StatusDot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int side = std::min(width(), height());
    paintDot(p, QRectF((width() - side) / 2.0, (height() - side) / 2.0, side, side), m_color);
}

QIcon StatusDot::icon(const QColor &color, int size)
{
    QPixmap pixmap(size * 2, size * 2); // drawn at twice the size: sharp on high-DPI screens
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    paintDot(p, QRectF(size * 0.15, size * 0.15, size * 0.7, size * 0.7), color);
    return QIcon(pixmap);
}

} // namespace Tandem
