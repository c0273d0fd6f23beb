# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the shell-driven tests: start_tandemd TANDEMD [options…] starts the real server
# on a free port with a fresh data directory and sets $data, $port and $tandemd_pid.
# One agent account is created first: $agent_email / $agent_password.
agent_email=agent@example.com
agent_password=test-agent-password

start_tandemd() {
    local tandemd=$1
    shift
    data=$(mktemp -d)
    trap 'kill "${tandemd_pid:-}" 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT
    echo "$agent_password" | "$tandemd" user add --data "$data" --email "$agent_email" \
        --name 'Test Agent' >/dev/null
    # Every simulated client comes from 127.0.0.1: lift what one address may create.
    "$tandemd" --listen 127.0.0.1:0 --data "$data" --new-customers-per-hour 1000000 \
        --new-conversations-per-hour 1000000 --max-connections-per-address 1000000 "$@" \
        >"$data/tandemd.log" 2>&1 &
    tandemd_pid=$!
    for _ in $(seq 100); do
        port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$data/tandemd.log")
        [[ -n $port ]] && return 0
        sleep 0.1
    done
    echo "tandemd did not start:" >&2
    cat "$data/tandemd.log" >&2
    return 1
}
