// SPDX-License-Identifier: GPL-3.0-or-later
#include "testclient.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>

TestClient::TestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closeCode = int(m_socket.closeCode());
        m_closeReason = m_socket.closeReason();
    });
}

TestClient::~TestClient()
{
    m_socket.abort();
}

bool TestClient::open(const QUrl &url, const QByteArray &origin)
{
    QNetworkRequest request(url);
    if (!origin.isEmpty())
        request.setRawHeader("Origin", origin);
    m_closeCode = -1;
    m_socket.open(request);
    return QTest::qWaitFor([this] { return isConnected() || m_closeCode != -1; }, 10000)
           && isConnected();
}

void TestClient::close()
{
    m_socket.close();
    waitDisconnected();
}

bool TestClient::waitDisconnected(int ms)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           ms);
}

void TestClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QLatin1String("type")).toString();
    if (type == QLatin1String("ok") || type == QLatin1String("error")) {
        m_replies.append(frame);
        return;
    }
    if (type == QLatin1String("event"))
        m_lastSeq = std::max(m_lastSeq, qint64(frame.value(QLatin1String("seq")).toDouble()));
    m_frames.append(frame);
}

QJsonObject TestClient::request(const QString &type, QJsonObject fields, int ms)
{
    const QString id = QString::number(m_nextId++);
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("id"), id);
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    QJsonObject reply;
    (void)QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_replies.size(); ++i) {
                if (m_replies.at(i).value(QLatin1String("id")).toString() == id) {
                    reply = m_replies.takeAt(i);
                    return true;
                }
            }
            return false;
        },
        ms);
    m_lastReply = reply;
    return reply;
}

QJsonObject TestClient::sendRaw(const QString &text, int ms)
{
    m_replies.clear();
    m_socket.sendTextMessage(text);
    (void)QTest::qWaitFor([this] { return !m_replies.isEmpty(); }, ms);
    return m_replies.isEmpty() ? QJsonObject() : m_replies.takeFirst();
}

QList<QJsonObject> TestClient::takeReplies(int count, int ms)
{
    (void)QTest::qWaitFor([&] { return m_replies.size() >= count; }, ms);
    return std::exchange(m_replies, {});
}

QJsonObject TestClient::waitFrame(const std::function<bool(const QJsonObject &)> &match, int ms)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            for (qsizetype i = 0; i < m_frames.size(); ++i) {
                if (match(m_frames.at(i))) {
                    found = m_frames.takeAt(i);
                    return true;
                }
            }
            return false;
        },
        ms);
    return found;
}

QJsonObject TestClient::waitEvent(const QString &kind, int ms)
{
    return waitFrame(
        [&](const QJsonObject &f) {
            return f.value(QLatin1String("type")).toString() == QLatin1String("event")
                   && f.value(QLatin1String("event")).toString() == kind;
        },
        ms);
}

bool TestClient::settle()
{
    return request(QStringLiteral("ping")).value(QLatin1String("type")).toString()
           == QLatin1String("ok");
}

QList<QJsonObject> TestClient::takeEvents(const QString &kind, Settle settle)
{
    if (settle == Settle::AfterPing && !this->settle())
        qWarning() << "takeEvents: the ping was not answered";
    QList<QJsonObject> taken;
    for (qsizetype i = 0; i < m_frames.size();) {
        const QJsonObject &f = m_frames.at(i);
        if (f.value(QLatin1String("type")).toString() == QLatin1String("event")
            && f.value(QLatin1String("event")).toString() == kind)
            taken.append(m_frames.takeAt(i));
        else
            ++i;
    }
    return taken;
}

QJsonObject TestClient::handshake(const QString &type, QJsonObject fields)
{
    fields.insert(QStringLiteral("protocol"), 1);
    const QJsonObject reply = request(type, fields, 15000);
    if (reply.value(QLatin1String("type")).toString() != QLatin1String("ok"))
        return {};
    // The catch-up ends with "synced"; wait for it so tests start from a settled stream.
    const QJsonObject synced = waitFrame([](const QJsonObject &f) {
        return f.value(QLatin1String("type")).toString() == QLatin1String("synced");
    });
    if (synced.isEmpty())
        return {};
    m_lastSeq = std::max(m_lastSeq, qint64(synced.value(QLatin1String("seq")).toDouble()));
    return reply.value(QLatin1String("data")).toObject();
}

QJsonObject TestClient::customerHello(const QString &name, const QString &token, qint64 resumeFrom,
                                      const QJsonObject &extra)
{
    QJsonObject fields = extra;
    if (!name.isEmpty())
        fields.insert(QStringLiteral("name"), name);
    if (!token.isEmpty())
        fields.insert(QStringLiteral("token"), token);
    if (resumeFrom >= 0)
        fields.insert(QStringLiteral("resumeFrom"), resumeFrom);
    return handshake(QStringLiteral("hello"), fields);
}

QJsonObject TestClient::agentSignIn(const QString &email, const QString &password)
{
    return handshake(QStringLiteral("signin"),
                     {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
}

QJsonObject TestClient::agentHello(const QString &token, qint64 resumeFrom)
{
    QJsonObject fields{{QStringLiteral("token"), token}};
    if (resumeFrom >= 0)
        fields.insert(QStringLiteral("resumeFrom"), resumeFrom);
    return handshake(QStringLiteral("hello"), fields);
}
