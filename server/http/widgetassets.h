// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Tandem::Server {

class OriginPolicy;

//! The customer web widget's files, embedded in tandemd from resources/widget.
namespace WidgetAssets {

struct Asset {
    //! The URL path it is served at.
    QString path;
    QByteArray body;
    QByteArray contentType;
    //! The response headers besides Content-Type (caching, sniffing, and for the page its
    //! Content-Security-Policy).
    QList<QPair<QByteArray, QByteArray>> headers;
};

//! The chat page, its style sheet and scripts, and the embed snippet, each with its
//! headers: read from the resources once, when the routes are set up.
QList<Asset> load(const OriginPolicy &policy);

} // namespace WidgetAssets
} // namespace Tandem::Server
