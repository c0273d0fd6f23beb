// SPDX-License-Identifier: GPL-3.0-or-later
#include "deckrequest.h"

#include "sync/syncclient.h"

#include <QPointer>
#include <QTimer>

namespace Tandem {

QString DeckRequest::describe(const QJsonObject &error)
{
    const QString code = error.value(QLatin1String("code")).toString();
    if (code == QLatin1String("offline"))
        return tr("Not connected: try again when Tandem is back online.");
    if (code == QLatin1String("timeout"))
        return tr("The server did not answer in time. Please try again.");
    if (code == QLatin1String("not_found"))
        return tr("This chat is no longer there for you: the offer lapsed, or the customer "
                  "left or was served elsewhere.");
    if (code == QLatin1String("forbidden"))
        return tr("Your role does not allow this.");
    if (code == QLatin1String("invalid_state"))
        return tr("Not possible now: the chat has changed meanwhile.");
    if (code == QLatin1String("unavailable"))
        return tr("That agent cannot take a chat now (not online, not connected, or at "
                  "capacity).");
    if (code == QLatin1String("conflict"))
        return tr("That clashes with what exists already (for example, the shortcut is taken).");
    if (code == QLatin1String("rate_limited"))
        return tr("Too many requests: please wait a moment.");
    const QString message = error.value(QLatin1String("message")).toString();
    return message.isEmpty() ? tr("The server refused the request.")
                             : tr("The server refused the request: %1").arg(message);
}

void DeckRequest::send(SyncClient &sync, const Requests::Request &request, QObject *context,
                       Done done)
{
    const bool sent = sync.request(request, context, [done](bool ok, const QJsonObject &reply) {
        done(ok ? reply : QJsonObject(), ok ? QString() : describe(reply));
    });
    if (!sent) {
        // Answered from the event loop, as a reply would be: callers need not handle a
        // synchronous answer.
        const QPointer<QObject> alive = context;
        QTimer::singleShot(0, context, [alive, done] {
            if (alive)
                done({}, describe({{QStringLiteral("code"), QStringLiteral("offline")}}));
        });
    }
}

} // namespace Tandem
