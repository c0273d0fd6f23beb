// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/result.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUuid>
#include <functional>

namespace Tandem {

//! The files of messages over HTTP (docs/protocol.md, "HTTP"). Those that came with
//! messages (an email's attachments, inline images and HTML) are downloaded on demand and
//! kept in a folder beside the cache, so a file seen once opens again offline; those an
//! agent attaches are uploaded before the message that names them. Neither the network
//! nor the disk holds up the caller's thread: answers come later, on it.
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

    using Uploaded = std::function<void(Result<Done>)>;
    //! Uploads the file at `path` as upload `id` (read off this thread). Failures: Unavailable
    //! (offline, the server busy: try again later) or what the server said (BadRequest,
    //! Conflict, …: trying again will not help). `done` is not called once `context` is gone.
    void upload(const QUuid &id, const QString &path, const QString &name,
                const QString &contentType, QObject *context, Uploaded done);

private:
    struct Waiting {
        QPointer<QObject> context;
        Answer done;
    };
    void download(qint64 messageId, int index);
    void put(const QUuid &id, const QByteArray &data, const QString &name,
             const QString &contentType, QPointer<QObject> context, Uploaded done);
    QUrl httpUrl(const QString &path) const;
    void answer(const QString &key, const Result<QByteArray> &result);

    QString m_folder;
    QUrl m_server;
    QString m_token;
    QNetworkAccessManager m_network;
    QHash<QString, QList<Waiting>> m_waiting;
};

} // namespace Tandem
