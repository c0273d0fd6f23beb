// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/requests.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QWebSocket;

namespace Tandem::Sim {

//! One WebSocket to tandemd as a client sees it: numbered requests out, checked frames in.
//! Each open() uses a fresh socket, so a late signal from a dropped one cannot be mistaken
//! for news about the current one.
class SimConnection : public QObject
{
    Q_OBJECT
public:
    SimConnection(const QUrl &url, QObject *parent);
    ~SimConnection() override;

    void open();
    //! Drops the socket at once; dropped() follows.
    void abort();
    //! Says goodbye properly; dropped() follows when the server has answered.
    void close();
    bool isOpen() const;
    //! Sends {"type": type, "id": <fresh id>, ...fields} and returns the id.
    QString request(const Requests::Request &request);

Q_SIGNALS:
    void opened();
    //! The socket is gone (or never came up). `closeCode` is 0 when there was no close frame.
    void dropped(int closeCode, const QString &reason);
    void replied(const QString &id, const QJsonObject &data);
    //! An error reply. `id` is empty when the server sent null.
    void refused(const QString &id, const QString &code, const QString &message,
                 qint64 retryAfterMs);
    void eventReceived(qint64 seq, const QString &kind, const QJsonObject &data);
    void snapshotReceived(qint64 seq, const QJsonObject &data);
    void synced(qint64 seq);
    //! The server sent something docs/protocol.md does not allow.
    void malformed(const QString &why);

private:
    void onText(const QString &text);
    void onSocketGone();

    QUrl m_url;
    QPointer<QWebSocket> m_socket;
    bool m_open = false;
    quint64 m_nextId = 1;
    QString m_lastError;
};

} // namespace Tandem::Sim
