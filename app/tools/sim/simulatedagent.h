// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agentlink.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <vector>

namespace Tandem::Sim {

class SimStats;

//! A tireless agent that answers every customer message at once, so a load run measures
//! whole round trips without a person at the desk. It reads the event stream on its first
//! link and spreads its answers over all links to stay under the per-connection limit.
class SimulatedAgent : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        QUrl url;
        QString email;
        QString password;
        int connections = 1;
        int requestsPerMinute = 600;
    };

    SimulatedAgent(const Settings &settings, SimStats &stats, QObject *parent);

    void start();
    void shutDown();

Q_SIGNALS:
    //! Signed in and synced: customers' messages from now on will be seen.
    void ready();
    void failed(const QString &why);

private:
    void onPrimaryLive();
    void onEvent(qint64 seq, const QString &kind, const QJsonObject &data);
    void onMissedEvents(const QJsonObject &snapshot);
    void answer(qint64 conversationId, qint64 customerMessageId);
    void requeue(const QList<AgentReply> &replies);
    void pump();

    Settings m_settings;
    SimStats &m_stats;
    AgentCredentials m_credentials;
    std::vector<AgentLink *> m_links;
    QDateTime m_startedAt;
    bool m_ready = false;
    bool m_stopped = false;
    std::deque<AgentReply> m_queue;
    QSet<qint64> m_answered; // customer message ids
    size_t m_nextLink = 0;
    QTimer m_pumpTimer;
};

} // namespace Tandem::Sim
