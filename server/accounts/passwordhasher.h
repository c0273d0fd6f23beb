// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Tandem::Server {

//! Argon2id password hashes through libsodium, in its self-describing string form (the
//! parameters travel with the hash, so they can be raised later without breaking old ones).
//! Both calls take tens of milliseconds on purpose: never call them on the event loop.
class PasswordHasher
{
public:
    //! Initialises libsodium; false if it cannot be used.
    static bool initialize();
    //! Empty on failure (out of memory).
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    //! A hash of nothing anyone knows, verified against when an email is unknown so that a
    //! wrong email takes as long as a wrong password.
    static const QString &decoyHash();
};

} // namespace Tandem::Server
