#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: tests/bench/load/bench_load.sh TANDEMD
# Load figures beside an in-memory reference relay (see bench_load.js for the knobs).
# Needs Node.js >= 18 and npm; installs the pinned `ws` with npm ci on first use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null ||
    (($(node -p 'process.versions.node.split(".")[0]') < 18)); then
    echo "(Node.js >= 18 with npm is not installed: the load comparison is skipped." \
        "On Debian: apt-get install nodejs npm)"
    exit 0
fi
[[ -d $here/node_modules/ws ]] || (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
# 11,000 connections need as many descriptors in tandemd and in the load generator.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec node "$here/bench_load.js" "$@"
