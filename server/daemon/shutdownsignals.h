// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Tandem::Server {

//! Turns SIGINT/SIGTERM into an orderly quit of the event loop (Unix; elsewhere a no-op).
class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void requested();
};

} // namespace Tandem::Server
