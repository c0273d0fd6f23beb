// SPDX-License-Identifier: GPL-3.0-or-later
// tandem-sim: simulated customers for demos and load runs against tandemd.
#include "platform/openfilelimit.h"
#include "sim/simoptions.h"
#include "sim/simulation.h"
#include "sim/weeksimulation.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tandem-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TANDEM_VERSION));

    Tandem::Sim::SimOptions options;
    QString error;
    if (!Tandem::Sim::parseSimOptions(QCoreApplication::arguments(), options, error)) {
        QTextStream(stderr) << "tandem-sim: " << error << "\n";
        return 2;
    }
    // One socket per customer and agent link, plus a margin for everything else.
    const qint64 wanted = qint64(options.customers) + options.effectiveAgentConnections() + 64;
    const qint64 limit = Tandem::OpenFileLimit::raiseTo(wanted);
    if (limit >= 0 && limit < wanted) {
        QTextStream(stderr) << "tandem-sim: only " << limit << " open files allowed, " << wanted
                            << " wanted; some customers will fail to connect (raise ulimit -n)\n";
    }

    if (options.week) {
        Tandem::Sim::WeekSimulation week(options);
        return week.run();
    }
    Tandem::Sim::Simulation simulation(options);
    simulation.start();
    return QCoreApplication::exec();
}
