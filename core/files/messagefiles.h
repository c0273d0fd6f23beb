// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

namespace Tandem {

//! The files that came with messages (an email's attachments, inline images and HTML),
//! downloaded from the server on demand (docs/protocol.md, "HTTP") and kept in a folder
//! beside the cache, so a file seen once opens again offline. Neither the download nor
//! the disk holds up the caller's thread: answers come later, on it.
class MessageFiles : public QObject
{
    Q_OBJECT
public:
    //! Files are kept in `folder` (made when needed).
    explicit MessageFiles(const QString &folder, QObject *parent = nullptr);

    //! Where they come from, with which session (until set: only what is kept on disk).
    void setServer(const QUrl &server, const QString &token);

    using Answer = std::function<void(Result<QByteArray>)>;
    //! The `index`th file of message `messageId`: from the disk when it was fetched before,
    //! else from the server (and then kept). Several asks for the same file share one
    //! download. `done` is not called once `context` is gone.
    void fetch(qint64 messageId, int index, QObject *context, Answer done);
    //! What is kept on disk, without asking anyone (empty when nothing is).
    QString pathOf(qint64 messageId, int index) const;

private:
    struct Waiting {
        QPointer<QObject> context;
        Answer done;
    };
    void download(qint64 messageId, int index);
    void answer(const QString &key, const Result<QByteArray> &result);

    QString m_folder;
    QUrl m_server;
    QString m_token;
    QNetworkAccessManager m_network;
    QHash<QString, QList<Waiting>> m_waiting;
};

} // namespace Tandem
