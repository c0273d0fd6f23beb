// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAbstractItemView;

namespace Tandem {

//! Measures how long a launch takes to show the conversation list, for `./run bench`:
//! with TANDEM_STARTUP_REPORT set, the first paint of a non-empty list prints the time since
//! launch and the resident memory; with TANDEM_STARTUP_REPORT=quit the app then quits.
class StartupReport : public QObject
{
    Q_OBJECT
public:
    //! Call first thing in main().
    static void markLaunch();
    //! Notes that a step of the launch ended ("cache", "window"): the report lists each
    //! step's end, so a slow launch says where its time went.
    static void step(const char *name);
    //! Watches `list` if a report was asked for.
    static void watch(QAbstractItemView *list);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit StartupReport(QAbstractItemView *list);
    QAbstractItemView *m_list;
};

} // namespace Tandem
