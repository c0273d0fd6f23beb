// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgetassets.h"

#include "originpolicy.h"

#include "logging/logging.h"

#include <QFile>

namespace Tandem::Server::WidgetAssets {
namespace {

struct File {
    const char *path;
    const char *resource;
    const char *contentType;
};

// The one place that maps URLs to embedded files.
constexpr File Files[] = {
    {"/widget/", ":/widget/index.html", "text/html; charset=utf-8"},
    {"/widget/widget.css", ":/widget/widget.css", "text/css; charset=utf-8"},
    {"/widget/link.js", ":/widget/link.js", "text/javascript; charset=utf-8"},
    {"/widget/widget.js", ":/widget/widget.js", "text/javascript; charset=utf-8"},
    {"/widget.js", ":/widget/embed.js", "text/javascript; charset=utf-8"},
};

QByteArray pagePolicy(const OriginPolicy &policy)
{
    // Nothing but this server's own files; the socket back to it; framed only where allowed.
    return QByteArrayLiteral("default-src 'self'; script-src 'self'; style-src 'self'; "
                             "img-src 'self' data:; connect-src 'self' ws: wss:; "
                             "object-src 'none'; base-uri 'none'; form-action 'none'; "
                             "frame-ancestors ")
           + policy.frameAncestors();
}

} // namespace

QList<Asset> load(const OriginPolicy &policy)
{
    QList<Asset> assets;
    for (const File &f : Files) {
        QFile file(QString::fromLatin1(f.resource));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcHttp) << "widget file missing from the build:" << f.resource;
            continue;
        }
        Asset asset{QString::fromLatin1(f.path), file.readAll(), QByteArray(f.contentType), {}};
        asset.headers = {
            {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
            {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
            {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("same-origin")}};
        if (asset.path == QLatin1String("/widget/"))
            asset.headers.append(
                {QByteArrayLiteral("Content-Security-Policy"), pagePolicy(policy)});
        assets.append(std::move(asset));
    }
    return assets;
}

} // namespace Tandem::Server::WidgetAssets
