// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/routingframes.h"

#include <QLabel>

namespace Tandem {

class SyncClient;

//! The status bar's word on the live-chat queue: how many customers wait and the longest
//! wait, from the server's queue figures. Empty until the first figures come.
class QueueIndicator : public QLabel
{
    Q_OBJECT
public:
    explicit QueueIndicator(SyncClient &sync, QWidget *parent = nullptr);

    static QString describe(const Tandem::QueueStats &stats);

private:
    void show(const Tandem::QueueStats &stats);
};

} // namespace Tandem
