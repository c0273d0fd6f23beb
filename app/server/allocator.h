// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Tandem::Server {

//! Whether jemalloc is the allocator, with its background thread handing freed pages back.
bool allocatorReturnsMemory();

} // namespace Tandem::Server
