// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/daemon.h"

#ifdef TANDEM_JEMALLOC
#include "allocator.h"

#include <cstdio>
#endif

int main(int argc, char **argv)
{
#ifdef TANDEM_JEMALLOC
    if (!Tandem::Server::allocatorReturnsMemory())
        std::fputs("tandemd: jemalloc's background thread is not running: memory freed by"
                   " idle connections may stay with the process\n",
                   stderr);
#endif
    return Tandem::Server::runDaemon(argc, argv);
}
