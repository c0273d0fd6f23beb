// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawwebsocket.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

QJsonObject RawWebSocket::Frame::json() const
{
    return QJsonDocument::fromJson(payload).object();
}

bool RawWebSocket::open(quint16 port, const QByteArray &path, const QByteArray &origin,
                        const QByteArray &host, const QHostAddress &from,
                        const QByteArray &extraHeaders)
{
    if (!from.isNull() && !m_socket.bind(from)) {
        m_error = "cannot bind " + from.toString().toLatin1();
        return false;
    }
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket.waitForConnected(5000)) {
        m_error = m_socket.errorString().toLatin1();
        return false;
    }
    QByteArray head =
        "GET " + path
        + " HTTP/1.1\r\nHost: " + (host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port) : host)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
    if (!origin.isEmpty())
        head += "Origin: " + origin + "\r\n";
    head += extraHeaders;
    m_socket.write(head + "\r\n");
    const bool answered = QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            return m_buffer.contains("\r\n\r\n")
                   || m_socket.state() != QAbstractSocket::ConnectedState;
        },
        10000);
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (!answered || end < 0) {
        m_error = "no answer to the upgrade";
        return false;
    }
    const QByteArray response = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    if (!response.startsWith("HTTP/1.1 101")) {
        m_error = response.split('\r').first();
        return false;
    }
    return true;
}

void RawWebSocket::sendFragmented(const QByteArray &text, qsizetype fragment)
{
    for (qsizetype at = 0; at < text.size(); at += fragment)
        send(at == 0 ? 0x1 : 0x0, text.mid(at, fragment), at + fragment >= text.size());
}

void RawWebSocket::send(int opcode, const QByteArray &payload, bool final)
{
    QByteArray frame;
    frame.append(char((final ? 0x80 : 0) | opcode));
    const qsizetype n = payload.size();
    if (n < 126) {
        frame.append(char(0x80 | n));
    } else if (n < 65536) {
        frame.append(char(0x80 | 126));
        frame.append(char(n >> 8)).append(char(n & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(n) >> shift) & 0xff));
    }
    const quint32 key = QRandomGenerator::global()->generate();
    char mask[4];
    qToBigEndian(key, mask);
    frame.append(mask, 4);
    QByteArray masked = payload;
    for (qsizetype i = 0; i < masked.size(); ++i)
        masked[i] = char(masked[i] ^ mask[i % 4]);
    m_socket.write(frame + masked);
}

QJsonObject RawWebSocket::request(const QJsonObject &request, int ms)
{
    sendText(QJsonDocument(request).toJson(QJsonDocument::Compact));
    const QString id = request.value(QLatin1String("id")).toString();
    QDeadlineTimer deadline(ms);
    Frame frame;
    while (waitFrame(frame, int(std::max<qint64>(1, deadline.remainingTime())))) {
        const QJsonObject json = frame.json();
        const QString type = json.value(QLatin1String("type")).toString();
        if ((type == QLatin1String("ok") || type == QLatin1String("error"))
            && json.value(QLatin1String("id")).toString() == id)
            return json;
        if (frame.opcode == 0x8)
            return {};
    }
    return {};
}

void RawWebSocket::pauseReading()
{
    m_socket.setReadBufferSize(4096);
}

void RawWebSocket::resumeReading()
{
    m_socket.setReadBufferSize(0);
}

bool RawWebSocket::parseFrame(Frame &frame)
{
    if (m_buffer.size() < 2)
        return false;
    const auto *b = reinterpret_cast<const uchar *>(m_buffer.constData());
    qint64 length = b[1] & 0x7f;
    qsizetype at = 2;
    if (length == 126) {
        if (m_buffer.size() < 4)
            return false;
        length = (qint64(b[2]) << 8) | b[3];
        at = 4;
    } else if (length == 127) {
        if (m_buffer.size() < 10)
            return false;
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | b[2 + i];
        at = 10;
    }
    if (m_buffer.size() < at + length)
        return false;
    frame.opcode = b[0] & 0x0f;
    frame.payload = m_buffer.mid(at, length);
    m_buffer.remove(0, at + length);
    return true;
}

bool RawWebSocket::waitFrame(Frame &frame, int ms)
{
    return QTest::qWaitFor(
        [&] {
            const QByteArray fresh = m_socket.read(1 << 20);
            m_bytesRead += fresh.size();
            m_buffer += fresh;
            return parseFrame(frame);
        },
        ms);
}

int RawWebSocket::waitClose(int ms, qint64 *bytesRead)
{
    QDeadlineTimer deadline(ms);
    Frame frame;
    int code = -1;
    while (waitFrame(frame, int(std::max<qint64>(1, deadline.remainingTime())))) {
        if (frame.opcode == 0x8) {
            code = frame.payload.size() >= 2
                       ? (int(uchar(frame.payload.at(0))) << 8) | uchar(frame.payload.at(1))
                       : 1005;
            break;
        }
    }
    if (bytesRead)
        *bytesRead = m_bytesRead;
    return code;
}

bool RawWebSocket::waitDisconnected(int ms)
{
    return QTest::qWaitFor(
        [&] {
            m_buffer += m_socket.readAll();
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        ms);
}
