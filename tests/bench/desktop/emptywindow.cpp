// SPDX-License-Identifier: GPL-3.0-or-later
// The references for the desktop app's launch (./run bench): a Qt Widgets window the size of
// the app's, which reports its first paint on stderr and quits. Empty by default; with
// `--list N`, a plain QListView of N one-line strings (what any list with text costs: fonts,
// style, text layout), reported when the list paints.
#include <QApplication>
#include <QListView>
#include <QPaintEvent>
#include <QStringListModel>
#include <QTextStream>
#include <QTimer>
#include <QWidget>

namespace {

//! Reports the first paint of what it watches, once that paint is done, and quits.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(const char *what)
        : m_what(what)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            const char *what = m_what;
            QTimer::singleShot(0, qApp, [what] {
                QTextStream(stderr) << what << ": first paint\n";
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const char *m_what;
    bool m_reported = false;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rows = args.value(1) == QLatin1String("--list") ? args.value(2).toInt() : 0;
    if (rows <= 0) {
        QWidget window;
        window.resize(1200, 800);
        FirstPaint report("empty window");
        window.installEventFilter(&report);
        window.show();
        return app.exec();
    }
    QStringList lines;
    lines.reserve(rows);
    for (int i = 0; i < rows; ++i)
        lines.append(QStringLiteral("Customer %1: when will my order arrive?").arg(i + 1));
    QStringListModel model(lines);
    QListView list;
    list.setModel(&model);
    list.resize(1200, 800);
    FirstPaint report("list window");
    list.viewport()->installEventFilter(&report);
    list.show();
    return app.exec();
}
