// SPDX-License-Identifier: GPL-3.0-or-later
// tandem: the agent/supervisor desktop app. Everything but this is in tandem-ui.
#include "shell/desktopapplication.h"
#include "shell/localization.h"
#include "shell/startupreport.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    Tandem::StartupReport::markLaunch();
    QApplication app(argc, argv);
    Tandem::StartupReport::step("application");
    Tandem::DesktopApplication::setApplicationIdentity();
    Tandem::Localization::install(app);
    Tandem::StartupReport::step("translations");
    Tandem::DesktopApplication desktop;
    if (!desktop.start(QApplication::arguments()))
        return desktop.exitCode();
    return QApplication::exec();
}
