// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestgate.h"

#include "lingeringsocket.h"
#include "logging/logging.h"

#include <QByteArrayList>

namespace Tandem::Server {
namespace {

const QByteArray EndOfHead = QByteArrayLiteral("\r\n\r\n");

//! The request's header fields by lower-case name (a repeated field: its values joined).
struct Head {
    QByteArray method;
    QByteArray target;
    QHash<QByteArray, QByteArray> fields;
    bool ok = false;
};

Head parseHead(const QByteArray &bytes)
{
    Head head;
    const QByteArrayList lines = bytes.split('\n');
    if (lines.isEmpty())
        return head;
    const QByteArrayList start = lines.first().trimmed().split(' ');
    if (start.size() != 3 || !start.at(2).startsWith("HTTP/1."))
        return head;
    head.method = start.at(0);
    head.target = start.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return head;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        auto it = head.fields.find(name);
        if (it == head.fields.end())
            head.fields.insert(name, value);
        else
            *it += ", " + value;
    }
    head.ok = true;
    return head;
}

} // namespace

RequestGate::RequestGate(LingeringSocket *socket, const Limits &limits, Admit admit)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_admit(std::move(admit))
{
    // Until the head is read nothing more than a head and a body may pile up.
    m_socket->setReadBufferSize(m_limits.maxHeaderBytes + m_limits.maxBodyBytes);
    connect(m_socket, &QIODevice::readyRead, this, &RequestGate::readHead);
    // Until it is handed over the connection is ours to delete.
    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        if (!m_handedOver)
            m_socket->deleteLater();
    });
    arm(m_limits.headTimeoutMs);
}

RequestGate::~RequestGate()
{
    if (!m_budgetTaken || !m_limits.uploadBudget)
        return;
    m_limits.uploadBudget->left += m_budgetTaken;
    if (--m_limits.uploadBudget->perPeer[m_budgetPeer] <= 0)
        m_limits.uploadBudget->perPeer.remove(m_budgetPeer);
}

void RequestGate::arm(qint64 ms)
{
    m_deadlineMs = ms;
    m_since.start();
}

bool RequestGate::checkDeadline()
{
    if (m_deadlineMs < 0)
        return false;
    if (m_since.elapsed() < m_deadlineMs)
        return true;
    m_deadlineMs = -1;
    if (m_socket->isUpgraded())
        return false;
    if (!m_passed) {
        refuse(408, "Request Timeout", "The request did not arrive in time");
    } else {
        qCInfo(lcHttp) << "closing a request that was not completed in time";
        m_socket->abort();
    }
    return false;
}

void RequestGate::readHead()
{
    if (m_passed || m_socket->isLingering())
        return;
    const QByteArray seen = m_socket->peek(m_limits.maxHeaderBytes + EndOfHead.size());
    const qsizetype end = seen.indexOf(EndOfHead);
    if (end < 0) {
        if (seen.size() > m_limits.maxHeaderBytes)
            refuse(431, "Request Header Fields Too Large", "The request's headers are too large");
        return;
    }
    const Head head = parseHead(seen.left(end));
    if (!head.ok) {
        refuse(400, "Bad Request", "Malformed request");
        return;
    }
    // What Qt's HTTP server will hand on as a WebSocket (its own test, to the letter):
    // anything else is answered by a route and then closed like any request.
    const bool upgrade = head.fields.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0
                         && head.fields.value("connection").toLower().contains("upgrade");
    if (head.fields.contains("transfer-encoding")) {
        refuse(411, "Length Required", "Send the body with a Content-Length");
        return;
    }
    // Only a signed-in agent's upload may be larger than any other body; whether the token
    // is good is the route's to say.
    const bool upload = m_limits.maxUploadBytes > m_limits.maxBodyBytes && m_limits.uploadBudget
                        && head.method == "PUT" && head.target.startsWith("/api/v1/uploads/")
                        && head.fields.value("authorization").startsWith("Bearer ");
    const qint64 maxBody = upload ? m_limits.maxUploadBytes : m_limits.maxBodyBytes;
    qint64 length = 0;
    if (head.fields.contains("content-length")) {
        const QByteArray text = head.fields.value("content-length");
        bool ok = false;
        length = text.toLongLong(&ok);
        if (!ok || length < 0 || text.contains(',')) {
            refuse(400, "Bad Request", "Malformed Content-Length");
            return;
        }
        if (length > maxBody) {
            qCInfo(lcHttp) << "refused a body of" << length << "bytes to" << head.method
                           << head.target;
            refuse(413, "Content Too Large",
                   QByteArrayLiteral("The request body may be at most ")
                       + QByteArray::number(maxBody) + " bytes");
            return;
        }
    }
    if (upload && length > m_limits.maxBodyBytes) {
        const QHostAddress peer = m_socket->peerAddress();
        if (length > m_limits.uploadBudget->left
            || m_limits.uploadBudget->perPeer.value(peer) >= UploadBudget::MaxPerPeer) {
            qCInfo(lcHttp) << "refused an upload of" << length << "bytes: too many at once";
            refuse(503, "Service Unavailable", "Too many uploads at once: try again shortly");
            return;
        }
        m_limits.uploadBudget->left -= length;
        ++m_limits.uploadBudget->perPeer[peer];
        m_budgetTaken = length;
        m_budgetPeer = peer;
    }
    letThrough(upgrade, end + EndOfHead.size(), length);
}

void RequestGate::refuse(int status, const QByteArray &reason, const QByteArray &text)
{
    m_passed = true;
    m_deadlineMs = -1;
    const QByteArray body = text + '\n';
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->close(); // lingers: the client reads the answer instead of a reset
}

void RequestGate::letThrough(bool upgrade, qint64 headBytes, qint64 bodyBytes)
{
    m_passed = true;
    disconnect(m_socket, &QIODevice::readyRead, this, &RequestGate::readHead);
    if (upgrade) {
        // Until the WebSocket is admitted (HttpFrontend marks it upgraded) the head timeout
        // still runs.
        m_socket->setReadBufferSize(m_limits.webSocketBufferBytes);
    } else {
        // Exactly this request: whatever follows it stays unread until the connection ends.
        m_socket->setReadBufferSize(headBytes + bodyBytes);
        arm(m_limits.requestTimeoutMs);
    }
    // Qt's HTTP server drops every connection to the socket's signals when it upgrades, so
    // this one stays only if the request was answered as plain HTTP after all.
    connect(m_socket, &QIODevice::bytesWritten, this, &RequestGate::closeWhenAnswered);
    m_handedOver = true;
    m_admit(m_socket);
}

void RequestGate::closeWhenAnswered()
{
    if (m_socket->bytesToWrite() > 0)
        return;
    // One request per connection: the next one comes on a new connection, through the gate.
    m_deadlineMs = -1;
    m_socket->close();
}

} // namespace Tandem::Server
