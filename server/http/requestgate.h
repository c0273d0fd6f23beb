// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <functional>
#include <memory>

namespace Tandem::Server {

class LingeringSocket;

//! Stands at the door of one HTTP connection: reads the request's head before the HTTP
//! server sees a byte, refuses a head or a body over the limits (431, 413, 411, 400) from
//! the headers alone, before any body is read, and lets the request through otherwise.
//! Qt's HTTP server buffers a whole request, however large, before a route sees it; so
//! what may be buffered is capped here, and each connection carries one request.
class RequestGate : public QObject
{
    Q_OBJECT
public:
    //! What the bodies of uploads may hold at once, across every connection.
    struct UploadBudget {
        qint64 left = 0;
        //! Uploads under way from one address: at most MaxPerPeer.
        QHash<QHostAddress, int> perPeer;
        static constexpr int MaxPerPeer = 2;
    };
    struct Limits {
        qint64 maxHeaderBytes = 16 * 1024;
        qint64 maxBodyBytes = 64 * 1024;
        //! An upload (`PUT /api/v1/uploads/…` with a bearer token) may be this large (0: no
        //! larger than any body), while `uploadBudget` lasts; past it the answer is 503.
        qint64 maxUploadBytes = 0;
        std::shared_ptr<UploadBudget> uploadBudget;
        //! What a WebSocket may buffer: a whole frame of the largest message, twice.
        qint64 webSocketBufferBytes = 128 * 1024;
        //! Time to send the head, and then to send the body and be answered.
        int headTimeoutMs = 10000;
        int requestTimeoutMs = 30000;
    };
    using Admit = std::function<void(LingeringSocket *)>;

    //! Watches `socket` (and lives as its child); calls `admit` once its head passed.
    RequestGate(LingeringSocket *socket, const Limits &limits, Admit admit);
    ~RequestGate() override;

    //! Ends the request if its time ran out (called by the server's sweep: a timer per
    //! connection made each connect cost time in proportion to the connections open).
    //! Whether a deadline is still ahead; once none is, none comes again.
    bool checkDeadline();

private:
    void arm(qint64 ms);
    void readHead();
    void refuse(int status, const QByteArray &reason, const QByteArray &text);
    void letThrough(bool upgrade, qint64 headBytes, qint64 bodyBytes);
    void closeWhenAnswered();

    LingeringSocket *m_socket;
    Limits m_limits;
    Admit m_admit;
    QElapsedTimer m_since;
    qint64 m_deadlineMs = -1; // none
    bool m_passed = false;
    bool m_handedOver = false;
    qint64 m_budgetTaken = 0; //!< of the upload budget, given back with the connection
    QHostAddress m_budgetPeer;
};

} // namespace Tandem::Server
