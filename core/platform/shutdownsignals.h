// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Tandem {

//! Turns the first SIGINT/SIGTERM into a signal on the event loop, so a program can stop in
//! order; a second one kills it as usual (Unix; elsewhere a no-op).
class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void requested();
};

} // namespace Tandem
