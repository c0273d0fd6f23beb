#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts a real tandemd on a free port with a fresh data directory, adds an agent, and runs
# the client written from docs/protocol.md alone against it.
set -euo pipefail
tandemd=$1 python=$2 client=$3
data=$(mktemp -d)
log=$data/tandemd.log
cleanup() { [[ -n ${pid:-} ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$data"; }
trap cleanup EXIT
echo 'doc-client-password' | "$tandemd" user add --data "$data" --email doc@example.com --name 'Doc Client' >/dev/null
"$tandemd" --listen 127.0.0.1:0 --data "$data" >"$log" 2>&1 &
pid=$!
for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log")
    [[ -n $port ]] && break
    sleep 0.1
done
[[ -n ${port:-} ]] || { echo "tandemd did not start:"; cat "$log"; exit 1; }
"$python" "$client" --url "ws://127.0.0.1:$port" --email doc@example.com --password doc-client-password
