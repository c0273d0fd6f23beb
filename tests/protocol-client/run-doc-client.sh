#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the client written from docs/protocol.md alone against a real tandemd.
set -euo pipefail
tandemd=$1 python=$2 client=$3
source "$(dirname "$0")/../support/start-tandemd.sh"
start_tandemd "$tandemd"
# A supervisor, for what only supervisors may do (labels).
echo "$agent_password" | "$tandemd" user add --data "$data" --email supervisor@example.com \
    --name 'Test Supervisor' --role supervisor >/dev/null
"$python" "$client" --url "ws://127.0.0.1:$port" --email "$agent_email" \
    --password "$agent_password" --supervisor-email supervisor@example.com
