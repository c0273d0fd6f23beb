// SPDX-License-Identifier: GPL-3.0-or-later
#include "framefigures.h"

#include "cache/localcache.h"
#include "conversations/conversationlistview.h"
#include "models/conversationlistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextStream>
#include <algorithm>

namespace Tandem::Bench {
namespace {

struct Frames {
    int count = 0;
    double p50 = 0, p95 = 0, max = 0;
};

//! Scrolls `view` from the top: wheel steps (three rows each), then pages, painting every
//! frame synchronously as the display would ask for it.
Frames scroll(QListView &view)
{
    view.resize(440, 900);
    view.show();
    QCoreApplication::processEvents(); // exposed, laid out
    view.viewport()->repaint();
    QScrollBar *bar = view.verticalScrollBar();
    const int row = std::max(1, view.sizeHintForRow(0));
    QList<double> ms;
    auto frame = [&](int by) {
        QElapsedTimer clock;
        clock.start();
        bar->setValue(bar->value() + by);
        view.viewport()->repaint();
        ms.append(clock.nsecsElapsed() / 1e6);
    };
    for (int i = 0; i < 600; ++i)
        frame(3 * row);
    for (int i = 0; i < 100; ++i)
        frame(bar->pageStep());
    std::sort(ms.begin(), ms.end());
    return {int(ms.size()), ms.at(ms.size() / 2), ms.at(ms.size() * 95 / 100), ms.last()};
}

QString figures(const Frames &f)
{
    return QStringLiteral("p50 %1 ms, p95 %2 ms, slowest %3 ms")
        .arg(f.p50, 0, 'f', 2)
        .arg(f.p95, 0, 'f', 2)
        .arg(f.max, 0, 'f', 2);
}

} // namespace

void printFrameFigures(QTextStream &out, const QString &path)
{
    LocalCache cache;
    if (!cache.open(path))
        return;
    ConversationListModel model(cache);
    model.setView(ConversationListModel::View::Unassigned);
    ConversationListView list;
    list.setModel(&model);
    const Frames tandem = scroll(list);

    QStringList plain;
    for (int i = 0; i < model.rowCount(); ++i)
        plain.append(model.index(i).data(ConversationListModel::CustomerNameRole).toString());
    QStringListModel plainModel(plain);
    QListView plainList;
    plainList.setUniformItemSizes(true);
    plainList.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    plainList.setModel(&plainModel);
    const Frames reference = scroll(plainList);

    out << "list frames: " << model.rowCount() << " conversations, " << tandem.count
        << " frames: " << figures(tandem)
        << "; plain strings, Qt's delegate: " << figures(reference)
        << "; a 60 Hz frame is 16.67 ms\n";
    out.flush();
}

} // namespace Tandem::Bench
