// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace Tandem::Server {

//! Who a request really comes from. Behind a reverse proxy every connection comes from the
//! proxy; the proxy names the client in X-Forwarded-For. That header is believed only from
//! the proxies the operator named (`--trusted-proxy`), and only as far as they vouch for it:
//! the client is the nearest address in the chain that is not a trusted proxy.
class ClientAddress
{
public:
    using Subnet = QPair<QHostAddress, int>;

    //! `peer`: the address the TCP connection comes from; `forwardedFor`: the
    //! X-Forwarded-For header (all of its lines, joined with commas).
    static QHostAddress of(const QHostAddress &peer, const QByteArray &forwardedFor,
                           const QList<Subnet> &trustedProxies);
    //! An address or a subnet (`10.0.0.0/8`, `::1`); false when it is neither.
    static bool parseSubnet(const QString &text, Subnet &subnet);
};

} // namespace Tandem::Server
