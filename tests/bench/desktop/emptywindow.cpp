// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for the desktop app's launch (./run bench): an empty Qt Widgets window the
// size of the app's, which reports its first paint on stderr and quits.
#include <QApplication>
#include <QPaintEvent>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

namespace {

class EmptyWindow : public QWidget
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QWidget::paintEvent(event);
        if (m_reported)
            return;
        m_reported = true;
        QTimer::singleShot(0, qApp, [] {
            QTextStream(stderr) << "empty window: first paint\n";
            QCoreApplication::quit();
        });
    }

private:
    bool m_reported = false;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    EmptyWindow window;
    window.resize(1200, 800);
    window.show();
    return app.exec();
}
