// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/backoff.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QUuid>

namespace Tandem::Sim {

class SimConnection;
class SimStats;

//! What every link of the sim agent signs in with. The token is shared so that only one
//! link pays for a password check; whoever finds it dead clears it.
struct AgentCredentials {
    QString email;
    QString password;
    QString token;
};

//! An answer the sim agent owes a customer. The clientId is fixed when the answer is first
//! queued, so any re-send after a drop is the same message to the server.
struct AgentReply {
    qint64 conversationId = 0;
    QUuid clientId;
    QString text;
    qint64 firstSentNs = 0;
};

//! One /ws/agent connection of the sim agent. tandemd limits requests per connection, so
//! the link paces its sends below that limit instead of finding it by being refused.
class AgentLink : public QObject
{
    Q_OBJECT
public:
    AgentLink(const QUrl &url, int index, int requestsPerMinute, AgentCredentials &credentials,
              SimStats &stats, QObject *parent);

    //! The sends per second a link allows itself under tandemd's per-minute limit.
    static double sendsPerSecond(int requestsPerMinute);

    void start();
    //! Makes the first handshake a resume from `seq`. A link that only sends has no use for
    //! a snapshot, and each one costs tandemd a read of every open conversation.
    void resumeFrom(qint64 seq);
    qint64 lastSeq() const { return m_lastSeq; }
    void shutDown();
    bool isLive() const { return m_state == State::Live; }
    //! Live and allowed another request by the pacing.
    bool canSend();
    void send(AgentReply reply);

Q_SIGNALS:
    void becameLive();
    //! The account cannot sign in (bad password, disabled): no point in retrying.
    void fatal(const QString &why);
    void acknowledged(const Tandem::Sim::AgentReply &reply);
    void refusedForGood(const Tandem::Sim::AgentReply &reply, const QString &code);
    //! Replies whose fate is unknown after a drop; they must be sent again.
    void returned(const QList<Tandem::Sim::AgentReply> &replies);
    void eventReceived(qint64 seq, const QString &kind, const QJsonObject &data);
    //! A snapshot on a reconnect: events since the last sync were not replayed.
    void missedEvents(const QJsonObject &snapshot);

private:
    enum class State { Offline, Connecting, Handshaking, Live, Stopped };

    void onOpened();
    void onDropped(int closeCode);
    void onReplied(const QString &id, const QJsonObject &data);
    void onRefused(const QString &id, const QString &code, const QString &message,
                   qint64 retryAfterMs);
    void onEvent(qint64 seq, const QString &kind, const QJsonObject &data);
    void onSynced(qint64 seq);
    void handshake();
    void checkDeadlines();
    void returnUnansweredSince(qint64 refusedAtNs);
    void refill();
    QString who() const;

    QUrl m_url;
    int m_index;
    double m_tokensPerMs;
    double m_bucketSize;
    double m_tokens;
    QElapsedTimer m_bucketClock;
    AgentCredentials &m_credentials;
    SimStats &m_stats;
    SimConnection *m_connection;
    Backoff m_backoff{std::chrono::milliseconds(500), std::chrono::seconds(30)};
    QTimer m_reconnect;
    QTimer m_sweep;

    State m_state = State::Offline;
    bool m_everLive = false;
    bool m_seqKnown = false;
    QString m_handshakeId;
    QString m_handshakeToken; // empty: the handshake is a signin
    qint64 m_handshakeSentNs = 0;
    qint64 m_lastSeq = 0;
    struct InFlight {
        AgentReply reply;
        qint64 sentNs = 0;
    };
    QHash<QString, InFlight> m_inFlight;
};

} // namespace Tandem::Sim
