// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/backoff.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <optional>

namespace Tandem::Sim {

class SimConnection;
class SimStats;

//! One made-up customer: comes in over /ws/customer, opens a conversation, answers each
//! agent reply after thinking, and survives drops by resuming with its token and
//! re-sending the unanswered message under the same clientId.
class SimulatedCustomer : public QObject
{
    Q_OBJECT
public:
    struct Settings {
        QUrl url;
        int index = 0;
        int thinkMs = 3000;
        int messagesPerConversation = 4;
        int liveSharePercent = 0;
        //! How long a customer waits for an answer before they leave the conversation as it
        //! is (a live chat becomes a message left for later) and later start another; 0:
        //! they wait for ever.
        int patienceMs = 0;
        //! The web inboxes customers write to, customer by customer in turn (empty: the
        //! server's first).
        QList<qint64> inboxes;
    };

    SimulatedCustomer(const Settings &settings, SimStats &stats, QObject *parent);

    void connectToServer();
    //! Connected and not in a conversation: free to start one.
    bool isIdle() const;
    bool startConversation();
    void shutDown();

Q_SIGNALS:
    void becameIdle(Tandem::Sim::SimulatedCustomer *customer);

private:
    enum class Link { Offline, Connecting, Handshaking, Live, Stopped, GaveUp };
    //! What the single deadline timer is waiting for; only one can be pending at a time.
    enum class Deadline { None, ServerAnswer, Reconnect, RetryHello, RetrySend };

    struct Pending {
        QUuid clientId;
        QString text;
        qint64 conversationId = 0; // 0: the send starts a new conversation
        qint64 firstSentNs = 0;    // 0: not on the wire yet
        QString requestId;         // empty: no attempt awaiting an answer
    };

    void onOpened();
    void onDropped(int closeCode);
    void onReplied(const QString &id, const QJsonObject &data);
    void onRefused(const QString &id, const QString &code, const QString &message,
                   qint64 retryAfterMs);
    void onEvent(qint64 seq, const QString &kind, const QJsonObject &data);
    void onSnapshot(const QJsonObject &data);
    void onSynced(qint64 seq);
    void onDeadline();

    void sendHello();
    void helloAccepted(const QJsonObject &data);
    void queueMessage(const QString &text);
    void transmit();
    void acknowledged(const QJsonObject &data);
    void agentAnswered();
    void endConversation(bool completed);
    void arm(Deadline purpose, int ms);
    void disarm();
    //! Stopped: the run is over. GaveUp: the server will not take this customer back.
    void stop(Link why);
    QString who() const;
    void violation(const QString &what);

    Settings m_settings;
    SimStats &m_stats;
    SimConnection *m_connection;
    Backoff m_backoff{std::chrono::milliseconds(500), std::chrono::seconds(30)};
    QTimer m_deadline;
    Deadline m_deadlinePurpose = Deadline::None;
    QTimer m_think;
    QTimer m_patience;

    Link m_link = Link::Offline;
    bool m_everLive = false;
    QString m_helloId;
    QString m_token;
    qint64 m_customerId = 0;
    qint64 m_lastSeq = 0;

    bool m_inConversation = false;
    qint64 m_conversationId = 0;
    bool m_startsLive = false; // this conversation is a live chat
    int m_messagesInConversation = 0;
    std::optional<Pending> m_pending;
    bool m_waitingForAgent = false;
    qint64 m_waitingSinceNs = 0;
    qint64 m_lastOwnMessageId = 0;
    qint64 m_latestAgentMessageId = 0;
};

} // namespace Tandem::Sim
