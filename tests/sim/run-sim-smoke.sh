#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tandem-sim against a real tandemd: 50 customers and an answering agent for a few seconds.
# Every customer must connect, every message be acknowledged and answered, and nothing
# the server sends may break the protocol (the sim checks every frame it gets). Then, with
# nobody answering, customers out of patience must leave and start again.
set -euo pipefail
tandemd=$1 sim=$2 python=$3
source "$(dirname "$0")/../support/start-tandemd.sh"
start_tandemd "$tandemd" --max-requests-per-minute 6000
TANDEM_SIM_AGENT_PASSWORD=$agent_password "$sim" --server "ws://127.0.0.1:$port" \
    --customers 50 --rate 10 --think 50 --messages 3 --duration 8 \
    --agent-email "$agent_email" --agent-rpm 6000 --json >"$data/summary.json"
"$python" - "$data/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
checks = {
    "all 50 customers connected": s["customers"]["peak"] == 50,
    "messages were acknowledged": s["messages"]["acknowledged"] > 50,
    "no send failed": s["messages"]["sendFailures"] == 0,
    "the agent answered": s["messages"]["agentRepliesReceived"] > 0,
    "no protocol violation": s["protocolViolations"] == 0,
    "no gap in the agent's event stream": s["agent"]["sequenceGaps"] == 0,
    "conversations completed": s["conversations"]["completed"] > 0,
}
for name, ok in checks.items():
    print(("PASS " if ok else "FAIL ") + name)
failed = sum(not ok for ok in checks.values())
print(f"{len(checks) - failed} passed, {failed} failed")
print("acknowledged/s:", s["messages"]["acknowledgedPerSecond"],
      "send->ack p50/p95 ms:", s["latencyMs"]["sendAck"]["p50"], s["latencyMs"]["sendAck"]["p95"])
sys.exit(1 if failed else 0)
PY

# Nobody answers: customers out of patience leave their conversations (live chats as
# messages for later) and start others, so the conversations keep coming.
TANDEM_SIM_AGENT_PASSWORD= "$sim" --server "ws://127.0.0.1:$port" \
    --customers 10 --rate 20 --think 50 --messages 3 --duration 6 --live-share 50 \
    --patience 1 --json >"$data/patience.json"
"$python" - "$data/patience.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
c = s["conversations"]
checks = {
    "customers left unanswered conversations": c["abandoned"] > 10,
    "and started others": c["started"] > 20,
    "no send failed": s["messages"]["sendFailures"] == 0,
    "no protocol violation": s["protocolViolations"] == 0,
}
for name, ok in checks.items():
    print(("PASS " if ok else "FAIL ") + name)
failed = sum(not ok for ok in checks.values())
print(f"{len(checks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
