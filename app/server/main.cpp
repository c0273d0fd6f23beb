// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/daemon.h"

int main(int argc, char **argv)
{
    return Tandem::Server::runDaemon(argc, argv);
}
