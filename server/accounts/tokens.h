// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Tandem::Server {

//! Bearer tokens: 256 random bits handed to the client once; the server keeps only a hash.
class Tokens
{
public:
    static QString generate();
    //! The form the store keeps and looks up.
    static QByteArray hash(const QString &token);
};

} // namespace Tandem::Server
