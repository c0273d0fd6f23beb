// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tandem::Server {

//! What `tandemd` does: parse the command line, then serve, or run an admin subcommand.
int runDaemon(int argc, char **argv);

} // namespace Tandem::Server
