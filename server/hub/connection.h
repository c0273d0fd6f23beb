// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/agent.h"
#include "hub.h"
#include "protocol/frames.h"
#include "protocol/result.h"
#include "ratelimiter.h"
#include "viewer.h"

#include "store/storage.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QObject>
#include <QTimeZone>
#include <QTimer>
#include <memory>
#include <optional>

class QWebSocket;

namespace Tandem::Server {

class Hub;
class Storage;
namespace DeskOperations {
struct Catchup;
}

//! One client's WebSocket: its handshake, its limits, the commands it sends, and the
//! ordered stream of events it is allowed to see (no gap, no duplicate across a resume).
class Connection : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Staff, Customer };
    enum class State { AwaitingHello, Handshaking, Live, Closed };

    Connection(std::unique_ptr<QWebSocket> socket, Kind kind, const Hub::Peer &peer, Hub &hub);
    ~Connection() override;

    Kind kind() const { return m_kind; }
    State state() const { return m_state; }
    const std::optional<Viewer> &viewer() const { return m_viewer; }
    //! A customer's timezone and language, as their hello said (invalid, C: not said).
    const QTimeZone &customerZone() const { return m_customerZone; }
    const QLocale &customerLocale() const { return m_customerLocale; }
    const Hub::Peer &peer() const { return m_peer; }
    //! The staff account as read at the handshake (staff connections only).
    const Agent &agent() const { return m_agent; }

    //! Called by the hub's sweep: ends a handshake or a silence that took too long, and
    //! pings when it is time.
    void tick();
    //! A committed event; sent if this connection may see it and has not yet had it.
    void deliver(const Event &event, const QString &frame);
    //! What this staff connection may see changed (its agent's teams, or an inbox's team):
    //! events are filtered with `inboxes` from now on, and a fresh snapshot follows.
    void changeAccess(const QSet<qint64> &inboxes);
    void sendFrame(const QString &frame);
    void close(int code, const QString &reason);
    void reply(const QJsonValue &id, const QJsonObject &data);
    //! `dataJson`: the reply's data, an object already written as JSON text.
    void replyJson(const QJsonValue &id, const QByteArray &dataJson);
    void fail(const QJsonValue &id, const Failure &failure);

    //! Runs `operation(store, viewer, command)` for a decoded command on the storage thread
    //! and hands the committed result to `answer`, or answers the failure (also when the
    //! command did not decode). Nothing is called if the connection is gone by then.
    template<typename Command, typename Operation, typename Answer>
    void perform(const QJsonValue &id, const Result<Command> &command, Operation operation,
                 Answer answer)
    {
        perform(id, command, operation, answer, false);
    }
    //! The same for an operation that only reads: it runs on the reader's connection.
    template<typename Command, typename Operation, typename Answer>
    void performRead(const QJsonValue &id, const Result<Command> &command, Operation operation,
                     Answer answer)
    {
        perform(id, command, operation, answer, true);
    }

private:
    void onText(const QString &text);
    void onBinary();
    //! Counts a frame against the rate limit; false (and answered or closed) when refused.
    bool admitFrame(const QJsonValue &id);
    void onDisconnected();
    void stop();

    qint64 msSinceHeard() const;

    void handleHandshake(const Frames::Request &request);
    void staffHello(const Frames::Request &request);
    void staffSignIn(const Frames::Request &request);
    void customerHello(const Frames::Request &request);
    //! Queues the catch-up read; events committed meanwhile are held back until it is sent.
    void startCatchUp(const QJsonValue &id, QJsonObject okData, std::optional<qint64> resumeFrom);
    void finishHandshake(const QJsonValue &id, const QJsonObject &okData,
                         const DeskOperations::Catchup &catchup);
    void abortHandshake(const QJsonValue &id, const Failure &failure);
    //! Sends a fresh snapshot and `synced` on a live connection; events committed meanwhile
    //! are held back until then, as in a handshake's catch-up.
    void resync();
    //! Sends the held-back events that the catch-up did not already cover.
    void releaseHeldBack();

    Storage &storage();
    void handleCommand(const Frames::Request &request);
    template<typename Command, typename Operation, typename Answer>
    void perform(const QJsonValue &id, const Result<Command> &command, Operation operation,
                 Answer answer, bool readOnly);

    std::unique_ptr<QWebSocket> m_socket;
    Kind m_kind;
    Hub &m_hub;
    State m_state = State::AwaitingHello;
    bool m_finished = false;
    bool m_resyncing = false;
    bool m_resyncDue = false; // access changed while a catch-up was on its way
    std::optional<Viewer> m_viewer;
    QTimeZone m_customerZone;
    QLocale m_customerLocale = QLocale::c();
    Agent m_agent;
    qint64 m_lastSentSeq = 0;
    QList<std::pair<Event, QString>> m_heldBack;
    Hub::Peer m_peer;
    RateLimiter m_limiter;
    //! A customer's requests count against one bucket across all their connections.
    std::shared_ptr<RateLimiter> m_customerLimiter;
    //! Refused frames, this connection's own: a client that keeps sending while refused
    //! uses this up and is closed, without harming the customer's other connections.
    RateLimiter m_refusals;
    QElapsedTimer m_lastActivity;
    QElapsedTimer m_opened;
    QElapsedTimer m_lastPing;
};

template<typename Command, typename Operation, typename Answer>
void Connection::perform(const QJsonValue &id, const Result<Command> &command, Operation operation,
                         Answer answer, bool readOnly)
{
    if (!command) {
        fail(id, command.failure());
        return;
    }
    auto op = [viewer = *m_viewer, command = command.value(), operation](Store &store) {
        return operation(store, viewer, command);
    };
    auto done = [this, id, answer](auto result) {
        if (!result)
            fail(id, result.failure());
        else
            answer(result.value());
    };
    if (readOnly)
        storage().read(this, std::move(op), std::move(done));
    else
        storage().run(this, std::move(op), std::move(done));
}

} // namespace Tandem::Server
