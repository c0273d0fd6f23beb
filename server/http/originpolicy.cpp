// SPDX-License-Identifier: GPL-3.0-or-later
#include "originpolicy.h"

#include <QUrl>

namespace Tandem::Server {
namespace {

int defaultPort(const QString &scheme)
{
    return scheme == QLatin1String("https") ? 443 : 80;
}

} // namespace

OriginPolicy::OriginPolicy(const QStringList &allowedOrigins)
{
    for (const QString &origin : allowedOrigins) {
        if (origin == QLatin1String("*")) {
            m_any = true;
            continue;
        }
        // Compared in the form browsers send; anything that is not an origin is dropped,
        // so it cannot reach a response header either.
        const QString normal = originOf(origin);
        if (!normal.isEmpty() && !m_allowed.contains(normal))
            m_allowed.append(normal);
    }
}

QString OriginPolicy::originOf(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    if (!u.isValid() || u.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return {};
    QString host = u.host(QUrl::FullyEncoded).toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']'); // IPv6
    const int port = u.port(defaultPort(scheme));
    return port == defaultPort(scheme)
               ? scheme + QLatin1String("://") + host
               : scheme + QLatin1String("://") + host + QLatin1Char(':') + QString::number(port);
}

void OriginPolicy::setOwnOrigins(const QStringList &origins)
{
    m_own.clear();
    for (const QString &origin : origins) {
        const QString normal = originOf(origin);
        if (!normal.isEmpty() && !m_own.contains(normal))
            m_own.append(normal);
    }
}

bool OriginPolicy::allows(const QString &origin) const
{
    if (origin.isEmpty() || m_any)
        return true;
    const QString normal = originOf(origin);
    return !normal.isEmpty() && (m_allowed.contains(normal) || m_own.contains(normal));
}

bool OriginPolicy::allowsPage(const QByteArray &origin, const QByteArray &referer) const
{
    if (!origin.isEmpty())
        return allows(QString::fromLatin1(origin));
    if (referer.isEmpty())
        return true;
    const QString from = originOf(QString::fromLatin1(referer));
    // A Referer that names no web origin (e.g. a file:// page) is treated like a foreign one.
    return m_any || (!from.isEmpty() && allows(from));
}

QByteArray OriginPolicy::frameAncestors() const
{
    if (m_any)
        return QByteArrayLiteral("*");
    QByteArray sources = QByteArrayLiteral("'self'");
    for (const QString &origin : m_allowed)
        sources += ' ' + origin.toLatin1();
    return sources;
}

} // namespace Tandem::Server
