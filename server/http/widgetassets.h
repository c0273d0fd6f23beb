// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace Tandem::Server
{

class OriginPolicy;

//! The customer web widget's files, embedded in tandemd from resources/widget.
namespace WidgetAssets
{

//! The URL paths served: the chat page, its style sheet and script, and the embed snippet.
QList<QString> paths();

struct Asset {
    QByteArray body;
    QByteArray contentType;
    //! The response headers besides Content-Type (caching, sniffing, and for the page its
    //! Content-Security-Policy).
    QList<QPair<QByteArray, QByteArray>> headers;
};

//! The file for a URL path, with its headers; nullopt for any other path.
std::optional<Asset> find(const QString &path, const OriginPolicy &policy);

} // namespace WidgetAssets
} // namespace Tandem::Server
