// SPDX-License-Identifier: GPL-3.0-or-later
#include "clockhand.h"

#include "tandemdprocess.h"

#include <QTest>

namespace {
const QString Email = QStringLiteral("clock@example.com");
const QString Password = QStringLiteral("the clock's own password");
} // namespace

QStringList ClockHand::startArguments(qint64 startMs)
{
    return {QStringLiteral("--manual-clock"), QString::number(startMs)};
}

ClockHand::ClockHand(TandemdProcess &server)
    : m_admin(std::make_unique<TestClient>())
{
    (void)server.addAgent(Email, QStringLiteral("Clock"), Password, QStringLiteral("admin"));
    if (!m_admin->open(server.wsUrl(QStringLiteral("/ws/agent")))
        || m_admin->agentSignIn(Email, Password).isEmpty()) {
        qWarning() << "ClockHand could not sign in:"
                   << (m_admin ? m_admin->lastReply() : QJsonObject());
        m_admin.reset();
    }
}

ClockHand::~ClockHand() = default;

bool ClockHand::isReady() const
{
    return m_admin != nullptr;
}

bool ClockHand::advance(qint64 ms)
{
    if (!m_admin)
        return false;
    const QJsonObject reply =
        m_admin->request(QStringLiteral("clock.advance"), {{QStringLiteral("ms"), ms}});
    if (reply.value(QLatin1String("type")).toString() != QLatin1String("ok")) {
        qWarning() << "clock.advance failed:" << reply;
        return false;
    }
    m_timersRun =
        reply.value(QLatin1String("data")).toObject().value(QLatin1String("timersRun")).toInt();
    return true;
}
