// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Tandem::Server {

//! Which browser origins may use the widget and the customer WebSocket: the server's own
//! public origins (`--public-url`: where its widget page is served), the operator's
//! `--allowed-origin` list, or any with `*`. The request's `Host` header decides nothing:
//! a page on a hostile name that resolves to this server (DNS rebinding) sends a `Host`
//! of its own choosing.
class OriginPolicy
{
public:
    explicit OriginPolicy(const QStringList &allowedOrigins);

    //! The origins the server's own pages come from; invalid ones are dropped.
    void setOwnOrigins(const QStringList &origins);
    const QStringList &ownOrigins() const { return m_own; }

    //! `origin` is a browser's `Origin` header (empty: not a browser, always allowed).
    bool allows(const QString &origin) const;
    //! An HTTP request for the widget: its `Origin`, or lacking it its `Referer`'s origin.
    bool allowsPage(const QByteArray &origin, const QByteArray &referer) const;
    //! The `frame-ancestors` sources for the widget page: 'self' and the allowed origins.
    QByteArray frameAncestors() const;

    //! `scheme://host[:port]` of a URL, lower case, the port only when not the default;
    //! empty when it is not an http(s) URL.
    static QString originOf(const QString &url);

private:
    QStringList m_allowed;
    QStringList m_own;
    bool m_any = false;
};

} // namespace Tandem::Server
