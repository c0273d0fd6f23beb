// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagefiles.h"

#include "protocol/limits.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QSaveFile>
#include <QThreadPool>

namespace Tandem {
namespace {

//! The most one file may be (the server keeps none larger).
constexpr qint64 MaxFileBytes = 32LL * 1024 * 1024;

QString keyOf(qint64 messageId, int index)
{
    return QStringLiteral("%1-%2").arg(messageId).arg(index);
}

} // namespace

MessageFiles::MessageFiles(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_folder(folder)
{
}

void MessageFiles::setServer(const QUrl &server, const QString &token)
{
    m_server = server;
    m_token = token;
}

QString MessageFiles::pathOf(qint64 messageId, int index) const
{
    const QString path = QDir(m_folder).filePath(keyOf(messageId, index));
    return QFile::exists(path) ? path : QString();
}

void MessageFiles::fetch(qint64 messageId, int index, QObject *context, Answer done)
{
    const QString key = keyOf(messageId, index);
    const bool first = !m_waiting.contains(key);
    m_waiting[key].append({context, std::move(done)});
    if (!first)
        return;
    // The disk first, off this thread.
    const QString path = QDir(m_folder).filePath(key);
    QPointer<MessageFiles> self(this);
    QThreadPool::globalInstance()->start([self, path, key, messageId, index] {
        QFile file(path);
        std::optional<QByteArray> kept;
        if (file.open(QIODevice::ReadOnly))
            kept = file.readAll();
        QMetaObject::invokeMethod(
            self.data(),
            [self, key, kept, messageId, index] {
                if (!self)
                    return;
                if (kept)
                    self->answer(key, kept.value());
                else
                    self->download(messageId, index);
            },
            Qt::QueuedConnection);
    });
}

void MessageFiles::download(qint64 messageId, int index)
{
    const QString key = keyOf(messageId, index);
    if (!m_server.isValid() || m_token.isEmpty()) {
        answer(key, Failure{ErrorCode::Unavailable,
                            tr("This file has not been downloaded yet; it can be once online.")});
        return;
    }
    QNetworkRequest request(
        httpUrl(QStringLiteral("/api/v1/messages/%1/files/%2").arg(messageId).arg(index)));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(60000);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxFileBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, key] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            const QString said =
                QJsonDocument::fromJson(body).object().value(QLatin1String("message")).toString();
            answer(key, Failure{status == 404 ? ErrorCode::NotFound : ErrorCode::Unavailable,
                                said.isEmpty() ? reply->errorString() : said});
            return;
        }
        // Kept for next time, off this thread; the answer does not wait for the disk.
        const QString folder = m_folder;
        QThreadPool::globalInstance()->start([folder, key, body] {
            QDir().mkpath(folder);
            QSaveFile file(QDir(folder).filePath(key));
            if (file.open(QIODevice::WriteOnly)) {
                file.write(body);
                file.commit();
            }
        });
        answer(key, body);
    });
}

QUrl MessageFiles::httpUrl(const QString &path) const
{
    QUrl url = m_server;
    if (url.scheme() == QLatin1String("ws"))
        url.setScheme(QStringLiteral("http"));
    else if (url.scheme() == QLatin1String("wss"))
        url.setScheme(QStringLiteral("https"));
    url.setPath(path);
    return url;
}

void MessageFiles::upload(const QUuid &id, const QString &path, const QString &name,
                          const QString &contentType, QObject *context, Uploaded done)
{
    QPointer<MessageFiles> self(this);
    QPointer<QObject> asker(context);
    QThreadPool::globalInstance()->start([self, asker, id, path, name, contentType, done] {
        QFile file(path);
        std::optional<QByteArray> data;
        const bool tooLarge = file.size() > Protocol::MaxUploadBytes;
        if (!tooLarge && file.open(QIODevice::ReadOnly))
            data = file.readAll();
        QMetaObject::invokeMethod(
            self.data(),
            [self, asker, id, data, tooLarge, name, contentType, done] {
                if (!self || !asker)
                    return;
                if (tooLarge) {
                    done(Failure{
                        ErrorCode::BadRequest,
                        tr("%1 is larger than the server takes (at most %2)")
                            .arg(name, QLocale().formattedDataSize(Protocol::MaxUploadBytes))});
                    return;
                }
                if (!data) {
                    done(Failure{ErrorCode::NotFound,
                                 tr("The attached file %1 could not be read").arg(name)});
                    return;
                }
                self->put(id, *data, name, contentType, asker, done);
            },
            Qt::QueuedConnection);
    });
}

void MessageFiles::put(const QUuid &id, const QByteArray &data, const QString &name,
                       const QString &contentType, QPointer<QObject> context, Uploaded done)
{
    if (!m_server.isValid() || m_token.isEmpty()) {
        done(Failure{ErrorCode::Unavailable, tr("Not connected")});
        return;
    }
    QUrl url = httpUrl(QStringLiteral("/api/v1/uploads/%1").arg(id.toString(QUuid::WithoutBraces)));
    url.setQuery(QStringLiteral("name=") + QString::fromLatin1(QUrl::toPercentEncoding(name)));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setTransferTimeout(120000);
    QNetworkReply *reply = m_network.put(request, data);
    connect(reply, &QNetworkReply::finished, this, [reply, context, done, name] {
        reply->deleteLater();
        if (!context)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 || status == 201) {
            done(Done{});
            return;
        }
        const QByteArray body = reply->readAll();
        const QJsonObject said = QJsonDocument::fromJson(body).object();
        QString why = said.value(QLatin1String("message")).toString();
        if (why.isEmpty())
            why = status ? QString::fromUtf8(body).trimmed() : reply->errorString();
        // No answer, a server busy or a session that has to be renewed: later. A file the
        // server refuses (too large, empty, a clash of ids): never.
        const bool later =
            status == 0 || status == 401 || status == 408 || status == 429 || status >= 500;
        done(Failure{later ? ErrorCode::Unavailable : ErrorCode::BadRequest,
                     later ? why : tr("%1: %2").arg(name, why)});
    });
}

void MessageFiles::answer(const QString &key, const Result<QByteArray> &result)
{
    const QList<Waiting> waiting = m_waiting.take(key);
    for (const Waiting &w : waiting)
        if (w.context)
            w.done(result);
}

} // namespace Tandem
