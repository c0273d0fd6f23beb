// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientaddress.h"

#include <QString>

namespace Tandem::Server {
namespace {

bool trusted(const QHostAddress &address, const QList<ClientAddress::Subnet> &proxies)
{
    for (const ClientAddress::Subnet &subnet : proxies) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

QHostAddress plain(const QHostAddress &address)
{
    // An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

QHostAddress ClientAddress::of(const QHostAddress &peer, const QByteArray &forwardedFor,
                               const QList<Subnet> &trustedProxies)
{
    QHostAddress client = plain(peer);
    if (!trusted(client, trustedProxies))
        return client;
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        QByteArray text = hop->trimmed();
        // [v6]:port, v4:port, or a bare address.
        if (text.startsWith('[') && text.contains(']'))
            text = text.mid(1, text.indexOf(']') - 1);
        else if (text.count(':') == 1)
            text = text.left(text.indexOf(':'));
        const QHostAddress address(QString::fromLatin1(text));
        if (address.isNull())
            return client; // what a trusted proxy passed on is garbled: stop at the proxy
        client = plain(address);
        if (!trusted(client, trustedProxies))
            return client;
    }
    return client;
}

bool ClientAddress::parseSubnet(const QString &text, Subnet &subnet)
{
    if (text.contains(QLatin1Char('/'))) {
        subnet = QHostAddress::parseSubnet(text);
        return !subnet.first.isNull();
    }
    const QHostAddress address(text);
    if (address.isNull())
        return false;
    subnet = {address, address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
    return true;
}

} // namespace Tandem::Server
