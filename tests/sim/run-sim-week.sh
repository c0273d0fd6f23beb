#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tandem-sim --week against a real tandemd on its manual clock: a small working week runs
# to its end, every customer is answered, and promises were made out of hours and counted.
# The figures themselves are ./run bench's business; here only that they are reported.
set -euo pipefail
tandemd=$1 sim=$2
source "$(dirname "$0")/../support/start-tandemd.sh"
# A Sunday noon: the week starts the next morning.
start_tandemd "$tandemd" --manual-clock 1798977600000 --max-requests-per-minute 100000000
echo 'week-admin-password' | "$tandemd" user add --data "$data" --email admin@example.com \
    --name 'Week Admin' --role admin >/dev/null
TANDEM_SIM_AGENT_PASSWORD=week-admin-password "$sim" --server "ws://127.0.0.1:$port" --week \
    --customers 80 --agent-email admin@example.com | tee "$data/week.txt"
failed=0
check() { # description, pattern
    if grep -qE "$2" "$data/week.txt"; then echo "PASS $1"; else echo "FAIL $1"; failed=1; fi
}
check "the week ran with every message answered" '^week simulation: [0-9]+ web conversations .* 0 unanswered at the end$'
check "live chats started in hours and were all answered at the desk" 'live chats \(in hours, the live desk\): [1-9][0-9]* started, 0 unanswered; first reply after median [0-9]+ s'
check "promises were made and counted" 'promises: [1-9][0-9]* made, [0-9.]+ % kept .*; out of hours \(automatic reply\) [0-9]+'
check "their error is reported" 'median -?[0-9]+\.[0-9]+, p90 -?[0-9]+\.[0-9]+'
check "the SLA is reported in and out of hours" 'SLA first reply within 4 h of business time: met [0-9.]+ % \(in hours'
exit $failed
