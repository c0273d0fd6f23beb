// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <functional>

//! A protocol client for tests: sends requests, waits for their replies, and keeps every
//! other frame (events, snapshots, typing) in arrival order for the test to inspect.
class TestClient : public QObject
{
    Q_OBJECT
public:
    explicit TestClient(QObject *parent = nullptr);
    //! Drops the connection without a close handshake (as a crash would); Qt 6.4 also
    //! leaks when a still-open QWebSocket is destroyed.
    ~TestClient() override;

    bool open(const QUrl &url, const QByteArray &origin = {});
    void close();
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitDisconnected(int ms = 10000);
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

    //! Sends a request with a fresh id and returns the reply (empty if none came).
    QJsonObject request(const QString &type, QJsonObject fields = {}, int ms = 10000);
    //! Sends raw text and returns the next error/ok frame.
    QJsonObject sendRaw(const QString &text, int ms = 10000);
    void sendRawNoWait(const QString &text) { m_socket.sendTextMessage(text); }

    //! Waits for `count` replies to raw requests and takes them.
    QList<QJsonObject> takeReplies(int count, int ms = 10000);
    //! Frames that were not replies, oldest first.
    QList<QJsonObject> &frames() { return m_frames; }
    //! Waits for (and removes) the first non-reply frame matching `match`.
    QJsonObject waitFrame(const std::function<bool(const QJsonObject &)> &match, int ms = 10000);
    QJsonObject waitEvent(const QString &kind, int ms = 10000);
    //! Sends a ping and waits for its answer: whatever the server sent this connection
    //! before it has arrived by then. False if no answer came.
    bool settle();
    enum class Settle { Now, AfterPing };
    //! Takes every buffered event of `kind`; with AfterPing, settle() first, so events the
    //! server sent before now are among them.
    QList<QJsonObject> takeEvents(const QString &kind, Settle settle = Settle::Now);
    qint64 lastSeq() const { return m_lastSeq; }

    //! Handshakes; returns the ok reply's data (empty on failure, reply in lastReply()).
    //! `extra`: more hello fields (a timezone, a language).
    QJsonObject customerHello(const QString &name, const QString &token = {},
                              qint64 resumeFrom = -1, const QJsonObject &extra = {});
    QJsonObject agentSignIn(const QString &email, const QString &password);
    QJsonObject agentHello(const QString &token, qint64 resumeFrom = -1);
    const QJsonObject &lastReply() const { return m_lastReply; }

private:
    void onText(const QString &text);
    QJsonObject handshake(const QString &type, QJsonObject fields);

    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QList<QJsonObject> m_replies;
    QJsonObject m_lastReply;
    qint64 m_lastSeq = 0;
    int m_nextId = 1;
    int m_closeCode = -1;
    QString m_closeReason;
};
