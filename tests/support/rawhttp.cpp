// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawhttp.h"

#include <QJsonDocument>
#include <QTest>

bool RawHttp::connectTo(quint16 port, const QHostAddress &from)
{
    if (!from.isNull() && !socket.bind(from))
        return false;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(5000);
}

int RawHttp::status(int ms)
{
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            const qsizetype end = answer.indexOf("\r\n\r\n");
            if (end >= 0) {
                const qsizetype at = answer.toLower().indexOf("content-length:");
                if (at >= 0 && at < end) {
                    const qsizetype lineEnd = answer.indexOf("\r\n", at);
                    const qint64 length =
                        answer.mid(at + 15, lineEnd - at - 15).trimmed().toLongLong();
                    if (answer.size() >= end + 4 + length)
                        return true;
                }
            }
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        ms);
    const QByteArrayList start = answer.left(answer.indexOf("\r\n")).split(' ');
    return start.size() > 1 ? start.at(1).toInt() : 0;
}

QByteArray RawHttp::header(const QByteArray &name) const
{
    for (const QByteArray &line : answer.left(answer.indexOf("\r\n\r\n")).split('\n')) {
        if (line.toLower().startsWith(name.toLower() + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

QJsonObject RawHttp::body() const
{
    return QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
}

bool RawHttp::waitClosed(int ms)
{
    return QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        ms);
}

QByteArray RawHttp::signIn(const QString &email, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("email"), email},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    return "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           "Content-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}
