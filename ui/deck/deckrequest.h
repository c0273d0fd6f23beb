// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>

#include "protocol/requests.h"

namespace Tandem {

class SyncClient;

//! The deck's routing requests (accept, decline, end, transfer, followup, agent.update,
//! canned.*): each answered once, with the reply's data or, on failure, a sentence for the
//! agent — also when not connected at all.
class DeckRequest
{
    Q_DECLARE_TR_FUNCTIONS(DeckRequest)
public:
    //! `error` is empty on success.
    using Done = std::function<void(const QJsonObject &data, const QString &error)>;

    static void send(SyncClient &sync, const Requests::Request &request, QObject *context,
                     Done done);
    //! Words for an error reply (its `code`, falling back on its `message`).
    static QString describe(const QJsonObject &error);
};

} // namespace Tandem
