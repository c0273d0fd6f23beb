// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QTcpSocket>

namespace Tandem::Server {

//! A server-side TCP connection that closes gracefully. Closing a socket while the peer is
//! still sending makes the kernel answer with a reset, and a reset can destroy the last
//! bytes we wrote (a WebSocket close frame with 1009, an HTTP 413) before the peer reads
//! them. So close() sends what is queued, then only half-closes, throws away whatever
//! still arrives, and closes for good when the peer hangs up or the linger time is over.
//! It also remembers when the peer last sent anything, WebSocket pings included.
class LingeringSocket : public QTcpSocket
{
    Q_OBJECT
public:
    explicit LingeringSocket(QObject *parent = nullptr);

    void close() override;
    bool isLingering() const { return m_lingering; }
    //! Became a WebSocket connection, admitted by the hub.
    void setUpgraded() { m_upgraded = true; }
    bool isUpgraded() const { return m_upgraded; }
    //! Past this many bytes waiting to be sent the connection is dropped on the spot: a
    //! backstop for what no owner counts (pongs Qt writes by itself to a client that sends
    //! pings and never reads). 0: no limit.
    void setMaxBytesToWrite(qint64 bytes) { m_maxBytesToWrite = bytes; }
    //! Milliseconds since the last bytes arrived from the peer.
    qint64 msSinceHeard() const { return m_lastHeard.elapsed(); }
    //! Counts arriving bytes as a sign of life (again after an owner dropped every
    //! connection to readyRead, as Qt's HTTP server does when it upgrades to a WebSocket).
    void watchActivity();

    //! Gives back the memory of emptied buffers. Qt keeps the block of a buffer it emptied
    //! for the next read or write (16 KiB to read, 32 KiB to write): across thousands of
    //! idle connections that was most of the memory they held. Does nothing while data is
    //! waiting either way, or when nothing was read or written since the last trim. Call it
    //! from outside the socket's own signals (a timer). Whether it trimmed.
    bool trimBuffers();

    //! How long a close waits for the peer to hang up before it drops the connection.
    void setLingerMs(int ms) { m_lingerMs = ms; }
    static constexpr int DefaultLingerMs = 2000;

protected:
    qint64 writeData(const char *data, qint64 size) override;

private:
    void heard();
    void drain();
    void finishWriting();

    QElapsedTimer m_lastHeard;
    bool m_lingering = false;
    bool m_halfClosed = false;
    bool m_upgraded = false;
    bool m_touched = true; // read or written since the last trim
    qint64 m_maxBytesToWrite = 0;
    int m_lingerMs = DefaultLingerMs;
};

} // namespace Tandem::Server
