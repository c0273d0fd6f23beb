// SPDX-License-Identifier: GPL-3.0-or-later
#include "staffclient.h"

#include "framefields.h"

std::unique_ptr<TestClient> newStaff(const TandemdProcess &server, const QString &name, qint64 *id,
                                     const QString &role)
{
    const QString email = name.toLower() + QStringLiteral("@example.com");
    if (!server.addAgent(email, name, StaffPassword, role))
        return nullptr;
    auto client = std::make_unique<TestClient>();
    if (!client->open(server.wsUrl(QStringLiteral("/ws/agent"))))
        return nullptr;
    const QJsonObject signedIn = client->agentSignIn(email, StaffPassword);
    *id = FrameFields::integer(FrameFields::obj(signedIn, "agent"), "id");
    return *id ? std::move(client) : nullptr;
}
