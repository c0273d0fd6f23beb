#!/usr/bin/python3
"""Conformance client for the Tandem sync protocol, written from docs/protocol.md only.

Usage: doc_client.py --url ws://127.0.0.1:8640 --email dana@example.com --password secret

Needs Python 3.11 and `websockets` (Debian 12: python3-websockets 10.4). Prints one line
per check and a final `N passed, M failed`; exits 1 if any check failed.
Assumes a quiet server: nobody else creates events while it runs.
"""
import argparse
import asyncio
import json
import sys
import uuid

import websockets

TIMEOUT = 5.0
RESULTS = {"passed": 0, "failed": 0}


class Abort(Exception):
    """A check this step cannot continue without failed."""


def check(name, cond, detail=""):
    RESULTS["passed" if cond else "failed"] += 1
    print(f"{'PASS' if cond else 'FAIL'} {name}" + ("" if cond or not detail else f" -- {detail}"))
    return bool(cond)


def require(name, cond, detail=""):
    if not check(name, cond, detail):
        raise Abort(name)


def now():
    return asyncio.get_running_loop().time()


def event_is(name, pred=lambda f: True):
    return lambda f: f.get("type") == "event" and f.get("event") == name and pred(f)


class Conn:
    """One WebSocket connection with a buffer of frames received but not consumed yet."""

    def __init__(self, ws, label, last_seq=0):
        self.ws, self.label, self.last_seq = ws, label, last_seq
        self.pending = []          # arrival order
        self.order_errors = []     # events that did not arrive in increasing seq order
        self.counter = 0

    async def _recv(self, deadline):
        raw = await asyncio.wait_for(self.ws.recv(), max(0, deadline - now()))
        try:
            frame = json.loads(raw)
            if not isinstance(frame, dict):
                raise ValueError("not an object")
        except ValueError:
            frame = {"type": "<unparseable>", "raw": raw}
        kind, seq = frame.get("type"), frame.get("seq")
        if kind == "event":
            if not isinstance(seq, int) or seq <= self.last_seq:
                self.order_errors.append(f"{self.label}: seq {seq!r} after {self.last_seq}")
            else:
                self.last_seq = seq    # "applied": we process every frame we read
        elif kind in ("snapshot", "synced") and isinstance(seq, int):
            self.last_seq = max(self.last_seq, seq)
        return frame

    async def wait_for(self, pred, timeout=TIMEOUT):
        """Return (and consume) the first frame matching pred, buffering the others."""
        for i, frame in enumerate(self.pending):
            if pred(frame):
                return self.pending.pop(i)
        deadline = now() + timeout
        while True:
            frame = await self._recv(deadline)
            if pred(frame):
                return frame
            self.pending.append(frame)

    async def take_until(self, pred, timeout=TIMEOUT):
        """Consume frames in arrival order up to and including the first matching pred."""
        taken = []
        while self.pending:
            frame = self.pending.pop(0)
            taken.append(frame)
            if pred(frame):
                return taken
        deadline = now() + timeout
        while True:
            taken.append(await self._recv(deadline))
            if pred(taken[-1]):
                return taken

    async def settle(self, seconds):
        """Read whatever arrives during `seconds` into the buffer."""
        deadline = now() + seconds
        try:
            while True:
                self.pending.append(await self._recv(deadline))
        except asyncio.TimeoutError:
            pass

    async def request(self, kind, timeout=TIMEOUT, **fields):
        self.counter += 1
        rid = f"{self.label}-{self.counter}"
        await self.ws.send(json.dumps({"type": kind, "id": rid, **fields}))
        return await self.wait_for(
            lambda f: f.get("type") in ("ok", "error") and f.get("id") == rid, timeout)

    async def handshake(self, kind, **fields):
        """hello/signin; returns (reply, frames between reply and synced, synced)."""
        reply = await self.request(kind, protocol=1, **fields)
        early = [f for f in self.pending if f.get("type") in ("snapshot", "synced", "event")]
        check(f"{self.label}: ok reply comes before snapshot/replay/synced", not early,
              f"received first: {early[:2]}")
        if reply.get("type") != "ok":
            return reply, None, None
        frames = await self.take_until(lambda f: f.get("type") == "synced")
        return reply, frames[:-1], frames[-1]

    async def close(self):
        try:
            await self.ws.close()
        except Exception:
            pass


def ok_data(name, reply):
    require(name, reply.get("type") == "ok" and isinstance(reply.get("data"), dict), str(reply))
    return reply["data"]


def is_error(reply, code):
    return reply.get("type") == "error" and reply.get("code") == code


class Run:
    def __init__(self, args):
        self.args = args
        self.conns = []

    async def connect(self, path, label, last_seq=0):
        url = self.args.url.rstrip("/") + path
        conn = Conn(await asyncio.wait_for(websockets.connect(url, close_timeout=2), TIMEOUT),
                    label, last_seq)
        self.conns.append(conn)
        return conn

    async def step1_customer_hello(self):
        self.cust = await self.connect("/ws/customer", "cust")
        reply, frames, synced = await self.cust.handshake("hello", name="Ada Conformance")
        data = ok_data("1 customer hello -> ok", reply)
        self.cust_token = data.get("token")
        check("1 hello reply has a token, customer, resume=snapshot",
              isinstance(self.cust_token, str) and self.cust_token
              and isinstance(data.get("customer"), dict) and data.get("resume") == "snapshot",
              str(data))
        require("1 customer gets exactly one snapshot frame, then synced",
                [f.get("type") for f in frames] == ["snapshot"], str(frames))
        snap = frames[0]
        check("1 snapshot has conversations list",
              isinstance(snap.get("data", {}).get("conversations"), list), str(snap))
        require("1 synced has integer seq >= snapshot seq", isinstance(synced.get("seq"), int)
                and synced["seq"] >= snap.get("seq", -1), f"{snap.get('seq')} / {synced}")
        self.cust_synced = synced["seq"]

    async def step2_customer_new_conversation(self):
        self.first_client_id = str(uuid.uuid4())
        reply = await self.cust.request("send", clientId=self.first_client_id,
                                        text="My order is late")
        data = ok_data("2 send without conversation -> ok", reply)
        msg, conv = data.get("message") or {}, data.get("conversation") or {}
        require("2 reply has message and conversation with ids",
                isinstance(msg.get("id"), int) and isinstance(conv.get("id"), int), str(data))
        self.conv_id, self.first_msg_id = conv["id"], msg["id"]
        check("2 message belongs to the conversation, has our clientId and text",
              msg.get("conversation") == self.conv_id and msg.get("clientId") == self.first_client_id
              and msg.get("text") == "My order is late", str(msg))
        ev_conv = await self.cust.wait_for(event_is(
            "conversation.created", lambda f: f["data"]["conversation"]["id"] == self.conv_id))
        ev_msg = await self.cust.wait_for(event_is(
            "message.created", lambda f: f["data"]["message"]["id"] == self.first_msg_id))
        check("2 conversation.created and message.created received with increasing seq",
              self.cust_synced < ev_conv["seq"] < ev_msg["seq"],
              f"synced {self.cust_synced}, conv {ev_conv['seq']}, msg {ev_msg['seq']}")

    async def step3_agent_signin(self):
        self.agent = await self.connect("/ws/agent", "agent")
        reply, frames, synced = await self.agent.handshake(
            "signin", email=self.args.email, password=self.args.password)
        data = ok_data("3 agent signin -> ok", reply)
        self.agent_token = data.get("token")
        self.agent_id = (data.get("agent") or {}).get("id")
        check("3 signin reply has token, own agent with email, resume=snapshot",
              isinstance(self.agent_token, str) and self.agent_token
              and (data.get("agent") or {}).get("email") == self.args.email
              and data.get("resume") == "snapshot", str(data))
        require("3 agent gets exactly one snapshot frame, then synced",
                [f.get("type") for f in frames] == ["snapshot"], str(frames))
        snap = frames[0].get("data") or {}
        convs = {c.get("id"): c for c in snap.get("conversations") or []}
        check("3 snapshot contains the customer's conversation with lastMessage",
              (convs.get(self.conv_id, {}).get("lastMessage") or {}).get("id") == self.first_msg_id,
              str(convs.get(self.conv_id)))
        check("3 snapshot lists agents including ourselves",
              any(a.get("id") == self.agent_id for a in snap.get("agents") or []), str(snap.get("agents")))
        self.snapshot_labels = snap.get("labels")
        check("3 snapshot lists labels (id, name, #rrggbb colour)",
              isinstance(self.snapshot_labels, list) and all(
                  isinstance(l.get("id"), int) and isinstance(l.get("name"), str)
                  and len(l.get("colour", "")) == 7 for l in self.snapshot_labels),
              str(self.snapshot_labels))
        require("3 synced has integer seq", isinstance(synced.get("seq"), int), str(synced))
        self.agent_resume = synced["seq"]
        inboxes, teams = snap.get("inboxes") or [], snap.get("teams") or []
        check("3 snapshot lists inboxes (id, name, channel, team) and teams (id, name, members)",
              inboxes and all(isinstance(i.get("id"), int) and isinstance(i.get("name"), str)
                              and i.get("channel") == "web" and "team" in i for i in inboxes)
              and teams and all(isinstance(t.get("id"), int) and isinstance(t.get("members"), list)
                                for t in teams), f"{inboxes} / {teams}")
        check("3 the customer's conversation names its inbox, one of those listed",
              convs.get(self.conv_id, {}).get("inbox") in [i.get("id") for i in inboxes],
              str(convs.get(self.conv_id)))
        check("3 we are a member of the team owning that inbox (we see its conversation)",
              any(self.agent_id in t["members"] for t in teams), str(teams))

    async def step4_bad_password(self):
        conn = await self.connect("/ws/agent", "badpw")
        reply = await conn.request("signin", protocol=1, email=self.args.email,
                                   password=self.args.password + "-wrong")
        check("4 wrong password -> error bad_credentials", is_error(reply, "bad_credentials"), str(reply))
        reply = await conn.request("ping")
        check("4 still unauthenticated afterwards (ping -> unauthenticated)",
              is_error(reply, "unauthenticated"), str(reply))
        await conn.close()

    async def step5_agent_reply(self):
        self.reply_client_id, self.reply_text = str(uuid.uuid4()), "Let me check that for you"
        reply = await self.agent.request("send", conversation=self.conv_id,
                                         clientId=self.reply_client_id, text=self.reply_text)
        msg = ok_data("5 agent send -> ok", reply).get("message") or {}
        require("5 reply carries the message", isinstance(msg.get("id"), int), str(reply))
        self.reply_msg_id = msg["id"]
        check("5 message ids grow within the conversation", self.reply_msg_id > self.first_msg_id,
              f"{self.first_msg_id} then {self.reply_msg_id}")
        ev = await self.cust.wait_for(event_is(
            "message.created", lambda f: f["data"]["message"]["id"] == self.reply_msg_id))
        m = ev["data"]["message"]
        check("5 customer receives message.created with the agent's text",
              m.get("text") == self.reply_text and (m.get("author") or {}).get("kind") == "agent", str(m))
        await self.agent.wait_for(event_is(
            "message.created", lambda f: f["data"]["message"]["id"] == self.reply_msg_id))
        check("5 agent (the sender) receives its own message.created", True)
        # The widget is a channel: the reply is sent (the customer is connected), and
        # delivered once the customer says it arrived.
        await self.agent.wait_for(event_is(
            "message.delivery", lambda f: f["data"].get("message") == self.reply_msg_id
            and f["data"].get("state") == "sent" and f["data"].get("channel") == "web"))
        check("5 agent sees message.delivery sent on the web channel", True)
        reply = await self.cust.request("received", conversation=self.conv_id,
                                        upTo=self.reply_msg_id)
        check("5 customer received -> ok with upTo",
              ok_data("5 received", reply).get("upTo") == self.reply_msg_id, str(reply))
        await self.agent.wait_for(event_is(
            "message.delivery", lambda f: f["data"].get("message") == self.reply_msg_id
            and f["data"].get("state") == "delivered"))
        check("5 agent sees message.delivery delivered", True)
        reply = await self.agent.request("received", conversation=self.conv_id,
                                         upTo=self.reply_msg_id)
        check("5 received from an agent -> unknown_type", is_error(reply, "unknown_type"), str(reply))

    async def step6_idempotent_retry(self):
        reply = await self.agent.request("send", conversation=self.conv_id,
                                         clientId=self.reply_client_id, text=self.reply_text)
        msg = ok_data("6 retry with same clientId -> ok", reply).get("message") or {}
        check("6 retry returns the original message id", msg.get("id") == self.reply_msg_id,
              f"{msg.get('id')} != {self.reply_msg_id}")
        await asyncio.gather(self.cust.settle(0.5), self.agent.settle(0.5))
        for conn in (self.cust, self.agent):
            extra = [f for f in conn.pending if event_is("message.created")(f)]
            check(f"6 no second message.created for {conn.label}", not extra, str(extra))

    async def step7_resume(self):
        await self.agent.settle(0.2)
        last_applied = self.agent.last_seq
        check("7 agent's last applied seq is at least its synced seq",
              last_applied >= self.agent_resume, f"{last_applied} < {self.agent_resume}")
        await self.agent.close()
        texts = [f"Follow-up {i}" for i in (1, 2, 3)]
        self.more_ids = []
        for text in texts:
            reply = await self.cust.request("send", conversation=self.conv_id,
                                            clientId=str(uuid.uuid4()), text=text)
            self.more_ids.append((ok_data(f"7 customer send '{text}' -> ok", reply)
                                  .get("message") or {}).get("id"))
        self.agent = await self.connect("/ws/agent", "agent2", last_seq=last_applied)
        reply, frames, synced = await self.agent.handshake(
            "hello", token=self.agent_token, resumeFrom=last_applied)
        data = ok_data("7 agent hello with token + resumeFrom -> ok", reply)
        check("7 hello reply says resume=replay and has our agent",
              data.get("resume") == "replay" and (data.get("agent") or {}).get("id") == self.agent_id,
              str(data))
        check("7 replay holds only event frames",
                all(f.get("type") == "event" for f in frames), str(frames))
        created = [f["data"]["message"] for f in frames if f.get("event") == "message.created"]
        check("7 replay has exactly the 3 new message.created events, in order",
              [m.get("id") for m in created] == self.more_ids
              and [m.get("text") for m in created] == texts,
              f"got {[(m.get('id'), m.get('text')) for m in created]}, want {self.more_ids}")
        seqs = [f.get("seq") for f in frames]
        check("7 replayed seqs are above resumeFrom and strictly increasing",
              all(isinstance(s, int) for s in seqs) and seqs == sorted(set(seqs))
              and (not seqs or seqs[0] > last_applied), f"resumeFrom {last_applied}, seqs {seqs}")
        check("7 synced seq >= last replayed seq",
              isinstance(synced.get("seq"), int) and synced["seq"] >= max(seqs, default=0), str(synced))
        others = [f.get("event") for f in frames
                  if f.get("type") == "event" and f.get("event") != "message.created"]
        if others:
            print(f"INFO 7 replay also contained other events: {others}")

    async def step8_history(self):
        reply = await self.agent.request("history", conversation=self.conv_id)
        data = ok_data("8 history -> ok", reply)
        ids = [m.get("id") for m in data.get("messages") or []]
        want = [self.first_msg_id, self.reply_msg_id] + self.more_ids
        check("8 history returns all messages oldest first", ids == want, f"got {ids}, want {want}")
        check("8 history says no more older messages", data.get("more") is False, str(data.get("more")))

    async def step9_other_customer(self):
        other = await self.connect("/ws/customer", "cust2")
        reply, _, _ = await other.handshake("hello", name="Bob Conformance")
        ok_data("9 second customer hello -> ok", reply)
        reply = await other.request("history", conversation=self.conv_id)
        check("9 other customer's history of first conversation -> not_found",
              is_error(reply, "not_found"), str(reply))
        await other.close()

    async def step10_bad_frame(self):
        conn = await self.connect("/ws/customer", "cust3")
        reply, _, _ = await conn.handshake("hello", name="Cy Conformance")
        ok_data("10 customer hello -> ok", reply)
        await conn.ws.send('{"type": "ping", "id": ')   # malformed JSON
        reply = await conn.wait_for(lambda f: f.get("type") in ("ok", "error") and f.get("id") is None)
        check("10 malformed JSON -> error bad_frame with id null",
              is_error(reply, "bad_frame") and "id" in reply and reply["id"] is None, str(reply))
        reply = await conn.request("ping")
        check("10 connection still usable: ping -> ok with time",
              reply.get("type") == "ok" and isinstance((reply.get("data") or {}).get("time"), str),
              str(reply))
        await conn.close()

    async def step11_signout(self):
        reply = await self.agent.request("signout")
        check("11 signout -> ok", reply.get("type") == "ok", str(reply))
        code = None
        try:
            while True:
                await asyncio.wait_for(self.agent.ws.recv(), TIMEOUT)
        except websockets.exceptions.ConnectionClosed as exc:
            code = exc.rcvd.code if exc.rcvd else self.agent.ws.close_code
        except asyncio.TimeoutError:
            code = "no close within 5 s"
        check("11 connection closed with code 4001", code == 4001, f"close code {code}")
        conn = await self.connect("/ws/agent", "agent3")
        reply = await conn.request("hello", protocol=1, token=self.agent_token)
        check("11 hello with signed-out token -> token_invalid", is_error(reply, "token_invalid"), str(reply))
        await conn.close()

    async def step12_conversation_pages(self):
        cust = await self.connect("/ws/customer", "pager")
        reply, _, _ = await cust.handshake("hello", name="Paula Pages")
        ok_data("12 second customer hello -> ok", reply)
        for text in ("first", "second", "third"):
            ok_data(f"12 start conversation '{text}' -> ok",
                    await cust.request("send", clientId=str(uuid.uuid4()), text=text))
        agent = await self.connect("/ws/agent", "pages")
        reply, frames, _ = await agent.handshake("signin", email=self.args.email,
                                                 password=self.args.password)
        ok_data("12 agent signin -> ok", reply)
        snap = frames[0].get("data") or {}
        check("12 snapshot says whether more conversations follow (boolean more)",
              isinstance(snap.get("more"), bool), str(snap.get("more")))
        listed, after = [], None
        while True:
            fields = {"limit": 2}
            if after:
                fields["after"] = after
            data = ok_data("12 conversations page -> ok", await agent.request("conversations", **fields))
            page = data.get("conversations") or []
            require("12 a page holds at most limit conversations, and more is a boolean",
                    len(page) <= 2 and isinstance(data.get("more"), bool), str(data))
            listed += page
            if not data["more"]:
                break
            require("12 a page with more is not empty", page, str(data))
            after = {"updatedAt": page[-1]["updatedAt"], "id": page[-1]["id"]}
        keys = [(c["updatedAt"], c["id"]) for c in listed]
        check("12 pages list each conversation once, newest activity first",
              keys == sorted(set(keys), reverse=True), str(keys))
        texts = [(c.get("lastMessage") or {}).get("text") for c in listed[:3]]
        check("12 the newest three are the customer's, with their last messages",
              texts == ["third", "second", "first"], str(texts))
        check("12 the first customer's conversation is listed too",
              any(c["id"] == self.conv_id for c in listed), str([c["id"] for c in listed]))
        reply = await agent.request("conversations", limit=201)
        check("12 limit 201 -> bad_request", is_error(reply, "bad_request"), str(reply))
        await agent.close()
        await cust.close()

    async def step14_inboxes_and_teams(self):
        conn = await self.connect("/ws/agent", "teams")
        reply, _, _ = await conn.handshake("hello", token=self.agent_token)
        ok_data("14 agent hello -> ok", reply)
        reply = await conn.request("team.save", name="Mine", members=[])
        check("14 an agent's team.save -> forbidden", is_error(reply, "forbidden"), str(reply))
        reply = await conn.request("inbox.save", name="Mine", channel="web")
        check("14 an agent's inbox.save -> forbidden", is_error(reply, "forbidden"), str(reply))
        cust = await self.connect("/ws/customer", "inbox")
        reply, _, _ = await cust.handshake("hello", name="In Box")
        ok_data("14 customer hello -> ok", reply)
        reply = await cust.request("send", clientId=str(uuid.uuid4()), text="hi", inbox=987654)
        check("14 send to an inbox that does not exist -> not_found",
              is_error(reply, "not_found"), str(reply))
        await conn.close()
        await cust.close()

    async def step15_statuses_and_notes(self):
        agent, cust = self.agent, self.cust
        reply = await agent.request("status", conversation=self.conv_id, status="pending")
        conv = ok_data("15 status pending -> ok", reply).get("conversation") or {}
        check("15 the reply's conversation is pending", conv.get("status") == "pending", str(conv))
        await agent.wait_for(event_is("conversation.updated", lambda f: f["data"].get("change")
                                      == "status" and f["data"]["conversation"]["id"] == self.conv_id))
        line = await agent.wait_for(event_is("message.created", lambda f: f["data"]["message"]
                                             .get("kind") == "activity"))
        check("15 the timeline records it", (line["data"]["message"].get("activity") or {})
              .get("status") == "pending", str(line))
        reply = await agent.request("status", conversation=self.conv_id, status="open",
                                    until="2030-01-01T00:00:00.000Z")
        check("15 until with open -> bad_request", is_error(reply, "bad_request"), str(reply))
        reply = await agent.request("send", conversation=self.conv_id, clientId=str(uuid.uuid4()),
                                    text="Private: check the warehouse", note=True)
        note = ok_data("15 a note -> ok", reply).get("message") or {}
        check("15 the note says it is one", note.get("kind") == "note", str(note))
        client_id = str(uuid.uuid4())
        reply = await cust.request("send", conversation=self.conv_id, clientId=client_id,
                                   text="Order 1042")
        mine = (ok_data("15 customer writes -> ok", reply).get("message") or {}).get("id")
        await cust.wait_for(event_is("message.created",
                                     lambda f: f["data"]["message"]["id"] == mine))
        leaked = [f for f in cust.pending if f.get("type") == "event" and
                  (f.get("data", {}).get("message", {}).get("kind") or f.get("event") ==
                   "conversation.updated")]
        check("15 the customer heard of neither the note, the timeline nor the status", not leaked,
              str(leaked[:2]))
        opened = await agent.wait_for(event_is(
            "conversation.updated", lambda f: f["data"].get("change") == "status"
            and f["data"]["conversation"].get("status") == "open"))
        check("15 her writing opened it again, by her",
              (opened["data"].get("by") or {}).get("kind") == "customer", str(opened))

    async def step16_labels_and_priority(self):
        agent = self.agent
        reply = await agent.request("label.save", name="Billing", colour="#2563eb")
        check("16 an agent's label.save -> forbidden", is_error(reply, "forbidden"), str(reply))
        sup = await self.connect("/ws/agent", "supervisor")
        reply, _, _ = await sup.handshake("signin", email=self.args.supervisor_email,
                                          password=self.args.password)
        ok_data("16 supervisor signin -> ok", reply)
        reply = await sup.request("label.save", name="Billing", colour="#2563EB")
        conv = ok_data("16 a supervisor's label.save -> ok", reply).get("label") or {}
        check("16 the label comes back with an id and its colour in lower case",
              isinstance(conv.get("id"), int) and conv.get("colour") == "#2563eb", str(conv))
        saved = await agent.wait_for(event_is("label.saved"))
        check("16 the agent hears label.saved", saved["data"]["label"] == conv, str(saved))
        reply = await sup.request("label.save", name="BILLING", colour="#000000")
        check("16 a taken name, ignoring case -> conflict", is_error(reply, "conflict"),
              str(reply))
        await sup.close()
        reply = await agent.request("labels", conversation=self.conv_id)
        check("16 labels with neither add nor remove -> bad_request",
              is_error(reply, "bad_request"), str(reply))
        reply = await agent.request("labels", conversation=self.conv_id, add=[987654])
        check("16 labels adding an unknown label -> not_found", is_error(reply, "not_found"),
              str(reply))
        reply = await agent.request("labels", conversation=self.conv_id, add=[conv.get("id")])
        got = ok_data("16 labels add -> ok", reply).get("conversation") or {}
        check("16 the conversation carries the label", got.get("labels") == [conv.get("id")],
              str(got))
        reply = await agent.request("priority", conversation=self.conv_id, priority=4)
        got = ok_data("16 priority urgent -> ok", reply).get("conversation") or {}
        check("16 the conversation is urgent", got.get("priority") == 4, str(got))
        reply = await agent.request("priority", conversation=self.conv_id, priority=5)
        check("16 priority 5 -> bad_request", is_error(reply, "bad_request"), str(reply))
        line = await agent.wait_for(event_is("message.created", lambda f: (
            f["data"]["message"].get("activity") or {}).get("change") == "priority"))
        check("16 the timeline records the priority",
              line["data"]["message"]["activity"].get("priority") == 4, str(line))

    async def step17_merging(self):
        agent, cust = self.agent, self.cust
        reply = await agent.request("status", conversation=self.conv_id, status="resolved")
        ok_data("17 resolve the first conversation -> ok", reply)
        reply = await cust.request("send", clientId=str(uuid.uuid4()), text="About the same order")
        second = ((ok_data("17 the customer starts another -> ok", reply).get("conversation")
                   or {}).get("id"))
        require("17 a second conversation", isinstance(second, int) and second != self.conv_id,
                str(reply))
        reply = await agent.request("merge", conversation=self.conv_id, into=self.conv_id)
        check("17 merge into itself -> bad_request", is_error(reply, "bad_request"), str(reply))
        reply = await agent.request("merge", conversation=self.conv_id, into=second)
        data = ok_data("17 merge -> ok", reply)
        check("17 the first is resolved and names where it went",
              (data.get("from") or {}).get("mergedInto") == second
              and (data.get("from") or {}).get("status") == "resolved", str(data))
        check("17 the reply says until when it can be undone",
              isinstance(data.get("undoUntil"), str) and data["undoUntil"].endswith("Z"),
              str(data))
        merged = await agent.wait_for(event_is("conversation.merged"))
        check("17 staff hear conversation.merged with both conversations",
              merged["data"]["from"]["id"] == self.conv_id
              and merged["data"]["into"]["id"] == second, str(merged))
        reply = await agent.request("history", conversation=second)
        ids = [m.get("id") for m in ok_data("17 history of the kept one -> ok", reply)
               .get("messages", [])]
        moved = [m for m in reply["data"]["messages"] if m.get("id") == self.first_msg_id]
        check("17 the kept one has the first message, marked mergedFrom",
              moved and moved[0].get("mergedFrom") == self.conv_id, str(ids))
        check("17 its messages are in id order", ids == sorted(ids), str(ids))
        reply = await agent.request("unmerge", conversation=self.conv_id)
        data = ok_data("17 unmerge -> ok", reply)
        check("17 undone, the first is no longer merged",
              "mergedInto" not in (data.get("from") or {}), str(data))
        reply = await agent.request("unmerge", conversation=self.conv_id)
        check("17 unmerge again -> invalid_state", is_error(reply, "invalid_state"), str(reply))

    async def step18_search(self):
        agent, cust = self.agent, self.cust
        reply = await agent.request("search", query="ORDER la")
        data = ok_data("18 search as typed (last word a prefix) -> ok", reply)
        messages = data.get("messages", [])
        check("18 the first message is found, in its conversation",
              any(m.get("id") == self.first_msg_id and m.get("conversation") == self.conv_id
                  for m in messages), str(messages))
        ids = [m.get("id") for m in messages]
        check("18 newest first", ids == sorted(ids, reverse=True), str(ids))
        listed = {c.get("id"): c for c in data.get("conversations", [])}
        check("18 each conversation of the messages is listed once, with its lastMessage",
              set(listed) == {m.get("conversation") for m in messages}
              and all(isinstance(c.get("lastMessage"), dict) for c in listed.values()),
              str(data.get("conversations")))
        check("18 more is a boolean", isinstance(data.get("more"), bool), str(data))
        reply = await agent.request("search", query="order", limit=1)
        first = ok_data("18 search with limit 1 -> ok", reply).get("messages", [])
        check("18 limit 1 -> one message", len(first) == 1, str(first))
        if first:
            reply = await agent.request("search", query="order", before=first[0]["id"])
            older = ok_data("18 search before it -> ok", reply).get("messages", [])
            check("18 before: only smaller ids",
                  all(m.get("id") < first[0]["id"] for m in older), str(older))
        reply = await agent.request("search", query="   ")
        check("18 blank query -> bad_request", is_error(reply, "bad_request"), str(reply))
        reply = await agent.request("search", query="order", limit=51)
        check("18 limit 51 -> bad_request", is_error(reply, "bad_request"), str(reply))
        reply = await cust.request("search", query="order")
        check("18 a customer -> unknown_type", is_error(reply, "unknown_type"), str(reply))

    async def step19_business_hours(self):
        sup = await self.connect("/ws/agent", "hours")
        reply, frames, _ = await sup.handshake("signin", email=self.args.supervisor_email,
                                               password=self.args.password)
        ok_data("19 supervisor signin -> ok", reply)
        snapshot = next((f for f in frames or [] if f.get("type") == "snapshot"), {})
        teams = (snapshot.get("data") or {}).get("teams") or []
        first = next((t for t in teams if t.get("id") == 1), None)
        require("19 the snapshot lists team 1", first is not None, str(teams))
        check("19 a team without hours has calendar null",
              "calendar" in first and first["calendar"] is None, str(first))
        calendar = {"timezone": "America/New_York",
                    "hours": [{"day": d, "from": "09:00", "to": "17:00"} for d in range(1, 6)]
                    + [{"day": 5, "from": "22:00", "to": "02:00"}],
                    "closures": [{"from": "2026-11-26T00:00", "to": "2026-11-27T00:00",
                                  "name": "Thanksgiving"}]}
        base = {"team": 1, "name": first["name"], "members": first["members"]}
        reply = await sup.request("team.save", **base, calendar=calendar)
        team = ok_data("19 team.save with a calendar -> ok", reply).get("team") or {}
        check("19 the team comes back with the calendar as sent", team.get("calendar") == calendar,
              str(team))
        bad = dict(calendar, hours=[{"day": 8, "from": "09:00", "to": "17:00"}])
        reply = await sup.request("team.save", **base, calendar=bad)
        check("19 day 8 -> bad_request naming the field", is_error(reply, "bad_request")
              and reply.get("message", "").startswith("calendar.hours[0].day"), str(reply))
        reply = await sup.request("team.save", **base)
        team = ok_data("19 team.save without calendar -> ok", reply).get("team") or {}
        check("19 ... keeps the calendar", team.get("calendar") == calendar, str(team))
        reply = await sup.request("team.save", **base, calendar=None)
        team = ok_data("19 team.save with calendar null -> ok", reply).get("team") or {}
        check("19 ... removes it", "calendar" in team and team["calendar"] is None, str(team))
        await sup.close()

    async def step13_limits(self):
        conn = await self.connect("/ws/customer", "limits")
        reply, _, _ = await conn.handshake("hello", name="Lim Its")
        ok_data("13 customer hello -> ok", reply)
        await conn.ws.send(b"\x00\x01")
        reply = await conn.wait_for(lambda f: f.get("type") == "error")
        check("13 binary frame -> bad_frame with id null",
              is_error(reply, "bad_frame") and reply.get("id") is None, str(reply))
        await conn.ws.send('{"type":"send","id":"s","clientId":"%s","text":"\\ud800 x"}' % uuid.uuid4())
        reply = await conn.wait_for(lambda f: f.get("id") == "s")
        check("13 text with an unpaired surrogate -> bad_request",
              is_error(reply, "bad_request"), str(reply))
        await conn.ws.send(["x" * 60000] * 17)  # one message of 1 MB, in frames within the limit
        code = None
        try:
            while True:
                await asyncio.wait_for(conn.ws.recv(), TIMEOUT)
        except websockets.exceptions.ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd else None
        check("13 a message over 65,536 bytes (in smaller frames) -> closed with 1009", code == 1009, f"close code {code}")

    async def main(self):
        steps = [self.step1_customer_hello, self.step2_customer_new_conversation,
                 self.step3_agent_signin, self.step4_bad_password, self.step5_agent_reply,
                 self.step6_idempotent_retry, self.step7_resume, self.step8_history,
                 self.step9_other_customer, self.step10_bad_frame, self.step12_conversation_pages,
                 self.step13_limits, self.step14_inboxes_and_teams,
                 self.step15_statuses_and_notes, self.step16_labels_and_priority,
                 self.step17_merging, self.step18_search, self.step19_business_hours,
                 self.step11_signout]
        # Steps that need no earlier state, and steps whose state no later step needs.
        standalone = {self.step4_bad_password, self.step10_bad_frame, self.step13_limits}
        leaves = standalone | {self.step6_idempotent_retry, self.step8_history, self.step18_search,
                               self.step14_inboxes_and_teams, self.step15_statuses_and_notes,
                               self.step9_other_customer, self.step11_signout,
                               self.step12_conversation_pages, self.step19_business_hours}
        broken = False
        for step in steps:
            if broken and step not in standalone:
                check(f"{step.__name__} (skipped: an earlier step could not finish)", False)
                continue
            try:
                await step()
            except Abort:
                broken = broken or step not in leaves
            except (asyncio.TimeoutError, websockets.exceptions.WebSocketException,
                    OSError, KeyError, TypeError, AttributeError) as exc:
                what = "timed out after 5 s" if isinstance(exc, asyncio.TimeoutError) else repr(exc)
                check(f"{step.__name__} ran to the end", False, what)
                broken = broken or step not in leaves
        if self.conns:
            errors = [e for c in self.conns for e in c.order_errors]
            check("events arrived once each, in increasing seq order, on every connection",
                  not errors, "; ".join(errors))
        for conn in self.conns:
            await conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="base URL, e.g. ws://127.0.0.1:8640")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--supervisor-email", required=True)
    asyncio.run(Run(parser.parse_args()).main())
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    sys.exit(1 if RESULTS["failed"] else 0)


if __name__ == "__main__":
    main()
