// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// GLib names a struct member "signals", which Qt defines as a keyword.
#pragma push_macro("signals")
#undef signals
#include <gmime/gmime.h>
#pragma pop_macro("signals")

#include <mutex>

//! What the parser and the composer share of GMime: its one-time set-up, and ownership of
//! its objects.
namespace Tandem::Server::GMimeObjects {

//! GMime is set up before first use, once per process.
inline void ensureInitialised()
{
    static std::once_flag initialised;
    std::call_once(initialised, [] { g_mime_init(); });
}

//! Owns one GObject reference (GMime's objects are GObjects).
template<typename T> struct Owned {
    T *p = nullptr;
    explicit Owned(T *object)
        : p(object)
    {
    }
    ~Owned()
    {
        if (p)
            g_object_unref(p);
    }
    Owned(const Owned &) = delete;
    Owned &operator=(const Owned &) = delete;
};

} // namespace Tandem::Server::GMimeObjects
