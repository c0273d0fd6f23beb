// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Tandem::Server
{

//! Which browser origins may use the widget and the customer WebSocket: the server's own
//! origin (the widget page itself), the operator's `--allowed-origin` list, or any with `*`.
class OriginPolicy
{
public:
    explicit OriginPolicy(const QStringList &allowedOrigins);

    //! `origin` is a browser's `Origin` header (empty: not a browser, always allowed);
    //! `host` is the request's `Host` header, which names the server's own origin.
    bool allows(const QString &origin, const QByteArray &host) const;
    //! An HTTP request for the widget: its `Origin`, or lacking it its `Referer`'s origin.
    bool allowsPage(const QByteArray &origin, const QByteArray &referer,
                    const QByteArray &host) const;
    //! The `frame-ancestors` sources for the widget page: 'self' and the allowed origins.
    QByteArray frameAncestors() const;

    //! `scheme://host[:port]` of a URL, lower case, the port only when not the default;
    //! empty when it is not an http(s) URL.
    static QString originOf(const QString &url);

private:
    bool isOwn(const QString &origin, const QByteArray &host) const;

    QStringList m_allowed;
    bool m_any = false;
};

} // namespace Tandem::Server
