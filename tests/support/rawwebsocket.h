// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>

//! A WebSocket client written out by hand over a QTcpSocket, for tests that must do what
//! no well-behaved client library does: stop reading, never answer pings, send any Host,
//! ping on its own schedule, or read the exact close code the server sent.
class RawWebSocket
{
public:
    struct Frame {
        int opcode = 0;
        QByteArray payload;
        QJsonObject json() const;
    };

    //! Connects and upgrades; false if the server refused (its status line in error()).
    bool open(quint16 port, const QByteArray &path, const QByteArray &origin = {},
              const QByteArray &host = {}, const QHostAddress &from = {},
              const QByteArray &extraHeaders = {});
    QByteArray error() const { return m_error; }

    void sendText(const QByteArray &text) { send(0x1, text); }
    void sendBinary(const QByteArray &data) { send(0x2, data); }
    void sendPing() { send(0x9, QByteArrayLiteral("are you there")); }
    void send(int opcode, const QByteArray &payload, bool final = true);
    //! One text message in frames of `fragment` bytes.
    void sendFragmented(const QByteArray &text, qsizetype fragment);
    //! Sends a request frame and returns the next reply (ok/error) with that id; empty if none.
    QJsonObject request(const QJsonObject &request, int ms = 10000);

    //! Stops taking bytes from the kernel (the server's writes pile up), and resumes.
    void pauseReading();
    void resumeReading();

    //! Waits for the next frame (answering nothing by itself: pings stay unanswered).
    bool waitFrame(Frame &frame, int ms = 10000);
    //! Reads frames until the server's close frame; its code, or -1 if none came.
    int waitClose(int ms = 10000, qint64 *bytesRead = nullptr);
    bool waitDisconnected(int ms = 10000);
    QTcpSocket &socket() { return m_socket; }

private:
    bool parseFrame(Frame &frame);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_error;
    qint64 m_bytesRead = 0;
};
