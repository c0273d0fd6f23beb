// SPDX-License-Identifier: GPL-3.0-or-later
// tandemd allocates with jemalloc where it is linked (Linux; see the top CMakeLists.txt).
// With glibc's allocator, the memory that thousands of idle connections freed stayed with
// the process: it lay between blocks still in use. jemalloc reads these settings when it
// starts:
// - background_thread: a thread of its own hands freed pages back to the system, also when
//   nothing is being allocated (a server gone quiet would otherwise keep them all);
// - dirty_decay_ms: freed pages go back within about a second rather than ten;
// - muzzy_decay_ms: at once, not kept as pages merely marked reusable.
#include "allocator.h"

#include <jemalloc/jemalloc.h>

extern "C" {
// NOLINTNEXTLINE: the name and type jemalloc looks for
const char *malloc_conf = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
}

namespace Tandem::Server {

bool allocatorReturnsMemory()
{
    bool running = false;
    size_t size = sizeof running;
    return mallctl("background_thread", &running, &size, nullptr, 0) == 0 && running;
}

} // namespace Tandem::Server
