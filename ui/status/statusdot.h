// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QWidget>

namespace Tandem {

//! A small filled circle in a state's colour, so a state can be told at a glance and not
//! only read. The colour is never the only sign: a text always goes with it.
class StatusDot : public QWidget
{
    Q_OBJECT
public:
    explicit StatusDot(QWidget *parent = nullptr);

    void setColor(const QColor &color);
    QColor color() const { return m_color; }
    QSize sizeHint() const override;

    //! The same dot as an icon, for combo boxes and menus.
    static QIcon icon(const QColor &color, int size = 12);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_color = Qt::gray;
};

} // namespace Tandem
