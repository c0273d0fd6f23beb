// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinclient.h"

#include "protocol/wirecodec.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>

namespace Tandem {
namespace {

QUrl endpoint(const QUrl &server)
{
    QUrl url = server;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/session"));
    return url;
}

Failure failureOf(QNetworkReply *reply, const QJsonObject &body)
{
    if (const auto code = errorCodeFromName(body.value(QLatin1String("code")).toString()))
        return {*code, body.value(QLatin1String("message")).toString()};
    return {ErrorCode::Internal,
            SignInClient::tr("Could not reach the server: %1").arg(reply->errorString())};
}

} // namespace

SignInClient::SignInClient(QObject *parent)
    : QObject(parent)
{
    m_network.setTransferTimeout(15000);
}

QUrl SignInClient::normalizedServer(const QString &typed)
{
    QString text = typed.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    QUrl url(text, QUrl::TolerantMode);
    if (url.scheme() == QLatin1String("ws"))
        url.setScheme(QStringLiteral("http"));
    else if (url.scheme() == QLatin1String("wss"))
        url.setScheme(QStringLiteral("https"));
    url.setPath(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    return url.isValid() && !url.host().isEmpty() ? url : QUrl();
}

void SignInClient::signIn(const QUrl &server, const QString &email, const QString &password,
                          QObject *context, std::function<void(Result<SignedIn>)> done)
{
    QNetworkRequest request(endpoint(server));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject body{{QStringLiteral("email"), email},
                           {QStringLiteral("password"), password}};
    QNetworkReply *reply =
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(
        reply, &QNetworkReply::finished, this,
        [reply, context = QPointer<QObject>(context), done = std::move(done)] {
            reply->deleteLater();
            if (!context)
                return;
            const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
            if (reply->error() != QNetworkReply::NoError) {
                done(failureOf(reply, json));
                return;
            }
            const auto agent = Wire::decodeAgent(json.value(QLatin1String("agent")).toObject());
            const QString token = json.value(QLatin1String("token")).toString();
            if (!agent || token.isEmpty()) {
                done(Failure{ErrorCode::Internal, tr("The server's answer was not understood")});
                return;
            }
            done(SignedIn{token,
                          QDateTime::fromString(json.value(QLatin1String("expiresAt")).toString(),
                                                Qt::ISODateWithMs),
                          agent.value()});
        });
}

void SignInClient::signOut(const QUrl &server, const QString &token, QObject *context,
                           std::function<void(Result<Done>)> done)
{
    QNetworkRequest request(endpoint(server));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = m_network.deleteResource(request);
    connect(reply, &QNetworkReply::finished, this,
            [reply, context = QPointer<QObject>(context), done = std::move(done)] {
                reply->deleteLater();
                if (!context || !done)
                    return;
                if (reply->error() == QNetworkReply::NoError)
                    done(Done{});
                else
                    done(failureOf(reply, QJsonDocument::fromJson(reply->readAll()).object()));
            });
}

} // namespace Tandem
