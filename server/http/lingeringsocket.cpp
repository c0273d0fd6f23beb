// SPDX-License-Identifier: GPL-3.0-or-later
#include "lingeringsocket.h"

#include "logging/logging.h"

#include <QTimer>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace Tandem::Server {

LingeringSocket::LingeringSocket(QObject *parent)
    : QTcpSocket(parent)
{
    m_lastHeard.start();
    watchActivity();
}

void LingeringSocket::watchActivity()
{
    connect(this, &QIODevice::readyRead, this, &LingeringSocket::heard, Qt::UniqueConnection);
}

void LingeringSocket::heard()
{
    m_lastHeard.restart();
    m_touched = true;
}

bool LingeringSocket::trimBuffers()
{
    if (!m_touched || m_lingering || state() != ConnectedState || openMode() != ReadWrite
        || bytesToWrite() > 0 || bytesAvailable() > 0 || isTransactionStarted())
        return false;
    m_touched = false;
    // Reopening without a direction drops that direction's buffer, block and all; the next
    // write (or read) makes a new one. Nothing is waiting in either, so nothing is lost.
    setOpenMode(ReadOnly);
    setOpenMode(ReadWrite);
    setOpenMode(WriteOnly);
    setOpenMode(ReadWrite);
    return true;
}

void LingeringSocket::close()
{
    // abort() ends in close() too, after it dropped the write buffer (no write channel is
    // left): that one must close for real, or a later write would find no buffer at all.
    if (m_lingering || state() != ConnectedState || writeChannelCount() == 0) {
        QTcpSocket::close();
        return;
    }
    m_lingering = true;
    // Nobody reads from here on: what arrives is thrown away, not buffered.
    disconnect(this, &QIODevice::readyRead, nullptr, nullptr);
    connect(this, &QIODevice::readyRead, this, &LingeringSocket::drain);
    drain();
    connect(this, &QIODevice::bytesWritten, this, &LingeringSocket::finishWriting);
    flush();
    finishWriting();
    QTimer::singleShot(m_lingerMs, this, [this] { abort(); });
}

qint64 LingeringSocket::writeData(const char *data, qint64 size)
{
    if (m_maxBytesToWrite > 0 && bytesToWrite() + size > m_maxBytesToWrite) {
        qCWarning(lcHttp) << "dropping a connection with" << bytesToWrite()
                          << "bytes it did not read, from" << peerAddress().toString();
        QMetaObject::invokeMethod(this, &QAbstractSocket::abort, Qt::QueuedConnection);
        m_maxBytesToWrite = 0;
        return -1;
    }
    m_touched = true;
    return QTcpSocket::writeData(data, size);
}

void LingeringSocket::drain()
{
    m_lastHeard.restart();
    skip(bytesAvailable());
}

void LingeringSocket::finishWriting()
{
    if (m_halfClosed || bytesToWrite() > 0)
        return;
    m_halfClosed = true;
    // Our side is done: the peer reads everything we sent, then sees the end of the stream.
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(socketDescriptor()), SD_SEND);
#else
    ::shutdown(int(socketDescriptor()), SHUT_WR);
#endif
}

} // namespace Tandem::Server
